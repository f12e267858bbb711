package dev.herald.contract;

/** The durable contract on in-memory transports sharing one log. */
class InMemoryDurableTest extends DurableContract {

    @Override
    protected DurableFixture newFixture() {
        return new InMemoryDurableFixture();
    }
}
