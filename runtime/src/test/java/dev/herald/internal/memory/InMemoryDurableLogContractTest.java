package dev.herald.internal.memory;

import dev.herald.spi.DurableLog;
import dev.herald.spi.DurableLogContract;

/** The durable log SPI's semantics, as Redis 7.0 has them, held against the in-memory log. */
class InMemoryDurableLogContractTest extends DurableLogContract {

    @Override
    protected DurableLog newLog() {
        return new InMemoryTransport().durable();
    }
}
