package dev.herald.contract;

import dev.herald.internal.memory.InMemoryTransport;

/** The contract on the in-memory transport. */
class InMemoryHeraldTest extends HeraldContract {

    @Override
    protected TransportFixture newFixture() {
        return new PluggedFixture<>(InMemoryTransport::new);
    }
}
