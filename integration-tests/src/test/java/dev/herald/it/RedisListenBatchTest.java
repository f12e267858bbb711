package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.Subscription;
import dev.herald.it.fixtures.OrderCreated;
import dev.herald.it.fixtures.OrderEvents;
import dev.herald.it.fixtures.ShippingCalculated;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import dev.herald.testing.RedisServerExtension.Dedicated;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The generated {@code listen} subscribes every channel of an interface without waiting for each, so the
 * SUBSCRIBE commands are merged: Redis counts fewer SUBSCRIBE calls than channels, and all of them are
 * acknowledged before {@code listen} returns.
 */
@ExtendWith(RedisServerExtension.class)
class RedisListenBatchTest {

    private static final Pattern SUBSCRIBE_CALLS = Pattern.compile("cmdstat_subscribe:calls=(\\d+)");

    private static long subscribeCalls(RedisServer redis) {
        Matcher calls = SUBSCRIBE_CALLS.matcher(redis.command("INFO", "commandstats"));
        return calls.find() ? Long.parseLong(calls.group(1)) : 0;
    }

    @Test
    void listenSendsTheChannelsOfAnInterfaceInFewerSubscribesThanChannels(@Dedicated RedisServer redis) {
        OrderEvents ignoring = new OrderEvents() {
            @Override
            public void orderCreated(OrderCreated event) {
            }

            @Override
            public CompletionStage<Void> shippingCalculated(ShippingCalculated event) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void batch(List<OrderCreated> orders) {
            }
        };
        try (Herald herald = Herald.connect(redis.uri())) {
            redis.command("CONFIG", "RESETSTAT");
            Subscription all = herald.listen(OrderEvents.class, ignoring);
            // acknowledged by Redis before listen returned
            for (String channel : List.of("order:created", "order:shipping:calculated", "order:batch")) {
                assertEquals(1, redis.numsub(channel), channel);
            }
            long calls = subscribeCalls(redis);
            assertTrue(calls >= 1 && calls < 3, "three channels in " + calls + " SUBSCRIBE command(s)");
            all.close();
            for (String channel : List.of("order:created", "order:shipping:calculated", "order:batch")) {
                assertEquals(0, redis.numsub(channel), channel);
            }
        }
    }
}
