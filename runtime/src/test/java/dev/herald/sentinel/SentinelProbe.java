package dev.herald.sentinel;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.ConnectionListener;
import dev.herald.Health;
import dev.herald.Herald;
import dev.herald.PayloadType;
import dev.herald.Subscription;
import dev.herald.TypedChannel;
import dev.herald.testing.RedisSentinel;
import dev.herald.testing.RedisServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One channel under watch for the Sentinel failover tests: a Herald connected through the Sentinel URI and
 * subscribed to it, a second one publishing a numbered message every 10 ms throughout, each message's deliveries
 * counted, and what the {@link ConnectionListener} heard.
 */
final class SentinelProbe implements AutoCloseable {

    /** A numbered message. */
    record Tick(long id) {
    }

    final RedisSentinel setup;
    final String channel = "sentinel:" + UUID.randomUUID();
    final Herald herald;
    final Herald publisherHerald;
    final Map<Long, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    final Map<Long, Long> arrivedAt = new ConcurrentHashMap<>();
    final List<String> events = new CopyOnWriteArrayList<>();
    final AtomicLong nextId = new AtomicLong();
    private final ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
    private final Subscription subscription;

    SentinelProbe(RedisSentinel setup) {
        this.setup = setup;
        this.herald = Herald.builder().redis(setup.sentinelUri()).connectionListener(new ConnectionListener() {
            @Override
            public void onDisconnected() {
                events.add("disconnected");
            }

            @Override
            public void onReconnected(Duration outage) {
                events.add("reconnected");
            }

            @Override
            public void onResubscribed(Duration outage, int channels, int patterns) {
                events.add("resubscribed " + channels + "/" + patterns);
            }
        }).build();
        this.publisherHerald = Herald.connect(setup.sentinelUri());
        this.subscription = herald.channel(channel, PayloadType.of(Tick.class)).subscribe(tick -> {
            deliveries.computeIfAbsent(tick.id(), id -> new AtomicInteger()).incrementAndGet();
            arrivedAt.putIfAbsent(tick.id(), System.nanoTime());
        });
        TypedChannel<Tick> out = publisherHerald.channel(channel, PayloadType.of(Tick.class));
        publisher.scheduleAtFixedRate(() -> out.publish(new Tick(nextId.getAndIncrement()))
                .exceptionally(failure -> null), 0, 10, TimeUnit.MILLISECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.size() >= 5);
    }

    /** Waits until a message published from now on arrives, and says how long after {@code since} it did. */
    Duration awaitDeliveryAfter(long since, Duration bound) {
        long firstId = nextId.get();
        await().atMost(bound).pollInterval(Duration.ofMillis(10))
                .until(() -> deliveries.keySet().stream().anyMatch(id -> id >= firstId));
        long first = arrivedAt.entrySet().stream().filter(e -> e.getKey() >= firstId)
                .mapToLong(Map.Entry::getValue).min().orElseThrow();
        return Duration.ofNanos(first - since);
    }

    /**
     * Waits until a message published from now on arrives, then checks that every message published since
     * arrived, each once: no loss once both connections are on the new master.
     */
    void assertNoLossFromNowOn() {
        long from = nextId.get();
        long until = from + 50;
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.keySet().stream().anyMatch(id -> id >= until));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (long id = from; id < until; id++) {
                AtomicInteger count = deliveries.get(id);
                assertEquals(1, count == null ? 0 : count.get(), "deliveries of message " + id);
            }
        });
    }

    /** Checks that no message arrived twice, ever. */
    void assertNoDuplicates() {
        List<Long> twice = deliveries.entrySet().stream().filter(e -> e.getValue().get() > 1).map(Map.Entry::getKey)
                .sorted().toList();
        assertEquals(List.of(), twice, "messages delivered more than once");
    }

    /** Waits until the master has the one subscriber and every other running server none. */
    void assertSubscribedOnlyOn(RedisServer master) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            for (RedisServer server : setup.servers()) {
                if (server.isRunning()) {
                    assertEquals(server.equals(master) ? 1 : 0, server.numsub(channel), "NUMSUB on " + server);
                }
            }
        });
    }

    /** Waits until {@code health()} says healthy with the one channel held once. */
    void assertHealthy() {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Health health = herald.health().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(true, health.healthy(), health.toString());
            assertEquals(1, health.serverChannels(), health.toString());
        });
    }

    @Override
    public void close() {
        publisher.shutdownNow();
        subscription.unsubscribe();
        herald.close();
        publisherHerald.close();
    }
}
