package dev.herald.contract;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.internal.DefaultHerald;
import dev.herald.internal.memory.InMemoryTransport;
import java.nio.charset.StandardCharsets;

/** The contract on the in-memory transport. */
class InMemoryHeraldTest extends BadInputContract {

    @Override
    protected HeraldBuilder transportBuilder() {
        return Herald.builder();
    }

    @Override
    protected long serverSubscribers(Herald herald, String fullChannel) {
        return ((InMemoryTransport) ((DefaultHerald) herald).transport()).subscriberCount(fullChannel);
    }

    @Override
    protected long publishForeign(Herald herald, String fullChannel, String payload) {
        return ((DefaultHerald) herald).transport().publish(fullChannel, payload.getBytes(StandardCharsets.UTF_8))
                .toCompletableFuture().join();
    }

    @Override
    protected void publishForeignBytes(String fullChannel, byte[] payload) {
        ((DefaultHerald) herald).transport().publish(fullChannel, payload).toCompletableFuture().join();
    }
}
