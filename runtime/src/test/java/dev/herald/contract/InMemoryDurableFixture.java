package dev.herald.contract;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.internal.memory.InMemoryTransport;
import dev.herald.spi.DurableLog;

/** In-memory transports that share one durable log, as clients share one Redis. */
final class InMemoryDurableFixture implements DurableFixture {

    /** Never started: it only holds the log the Heralds' transports share. */
    private final InMemoryTransport server = new InMemoryTransport();

    @Override
    public HeraldBuilder builder() {
        return Herald.builder().transport(server.sharingDurableLog());
    }

    @Override
    public DurableLog log() {
        return server.durable();
    }

    @Override
    public void deleteStream(String stream) {
        server.deleteStream(stream);
    }

    @Override
    public long streamLength(String stream) {
        return server.streamLength(stream);
    }

    @Override
    public void close() {
        server.close();
    }
}
