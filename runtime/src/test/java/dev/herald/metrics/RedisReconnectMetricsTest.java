package dev.herald.metrics;

import static dev.herald.metrics.Meters.WAIT;
import static dev.herald.metrics.Meters.awaitValue;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.PayloadType;
import dev.herald.TypedChannel;
import dev.herald.testing.RecordingConnectionListener;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import dev.herald.testing.RedisServerExtension.Dedicated;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The reconnect counter and the last outage's gauge, when Redis drops Herald's subscription connection. */
@ExtendWith(RedisServerExtension.class)
class RedisReconnectMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Meters meters = new Meters(registry);

    @Test
    void aKilledSubscriptionConnectionIsCountedWithItsOutage(@Dedicated RedisServer redis) throws Exception {
        RecordingConnectionListener listener = new RecordingConnectionListener();
        try (Herald herald = Herald.builder().redis(redis.uri()).meterRegistry(registry).connectionListener(listener)
                .commandTimeout(Duration.ofSeconds(5)).build()) {
            TypedChannel<Order> orders = herald.channel("orders", PayloadType.of(Order.class));
            BlockingQueue<Order> received = new LinkedBlockingQueue<>();
            orders.subscribe(received::add);
            assertEquals(0, meters.counter("herald.connection.reconnects"));
            assertEquals(0, meters.gauge("herald.connection.outage.last"));

            assertEquals("1", redis.command("CLIENT", "KILL", "TYPE", "pubsub"));

            await().atMost(WAIT).until(() -> listener.events().contains("resubscribed 1/0"));
            assertEquals(1, meters.counter("herald.connection.reconnects"));
            double outage = meters.gauge("herald.connection.outage.last");
            assertTrue(outage > 0 && outage < WAIT.toSeconds(), "the outage in seconds: " + outage);
            assertEquals(listener.outages().get(0).toNanos() / 1e9, outage, 1e-9);

            // live again: what is published now is delivered and counted
            await().atMost(WAIT).until(() -> {
                orders.publish(new Order("again", 1)).toCompletableFuture().get(5, TimeUnit.SECONDS);
                return received.poll(200, TimeUnit.MILLISECONDS) != null;
            });
            assertTrue(meters.counter("herald.messages.delivered", "channel", "orders") >= 1);
            awaitValue(1, () -> meters.gauge("herald.subscriptions"));
        }
    }
}
