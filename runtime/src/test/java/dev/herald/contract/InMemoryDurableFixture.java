package dev.herald.contract;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.internal.memory.InMemoryDurableLog;
import dev.herald.internal.memory.InMemoryTransport;
import dev.herald.spi.DurableLog;

/** In-memory transports that share one durable log, as clients share one Redis. */
final class InMemoryDurableFixture implements DurableFixture {

    private final InMemoryDurableLog log = new InMemoryDurableLog();

    @Override
    public HeraldBuilder builder() {
        return Herald.builder().transport(new InMemoryTransport(log));
    }

    @Override
    public DurableLog log() {
        return log;
    }

    @Override
    public void deleteStream(String stream) {
        log.delete(stream);
    }

    @Override
    public long streamLength(String stream) {
        return log.length(stream);
    }

    @Override
    public void close() {
    }
}
