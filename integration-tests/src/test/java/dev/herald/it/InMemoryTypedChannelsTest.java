package dev.herald.it;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.internal.DefaultHerald;
import dev.herald.internal.memory.InMemoryTransport;

/** Generated code on the in-memory transport. */
class InMemoryTypedChannelsTest extends TypedChannelsContract {

    @Override
    HeraldBuilder transport() {
        return Herald.builder();
    }

    @Override
    long serverSubscribers(String fullChannel) {
        return ((InMemoryTransport) ((DefaultHerald) herald).transport()).subscriberCount(fullChannel);
    }
}
