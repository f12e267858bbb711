package dev.herald.it;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.internal.memory.InMemoryTransport;
import dev.herald.spi.Transport;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Generated code on the in-memory transport. */
class InMemoryTypedChannelsTest extends TypedChannelsContract {

    /** The transport of this test's Herald, plugged in here so that the test can ask it what it holds. */
    private Transport transport;

    @Override
    HeraldBuilder transport() {
        transport = new InMemoryTransport();
        return Herald.builder().transport(transport);
    }

    @Override
    long serverSubscribers(String fullChannel) {
        try {
            return transport.health(List.of(fullChannel)).toCompletableFuture().get(20, TimeUnit.SECONDS)
                    .subscribers().getOrDefault(fullChannel, 0L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while asking the transport", e);
        } catch (Exception e) {
            throw new AssertionError("the transport did not answer: " + e, e);
        }
    }
}
