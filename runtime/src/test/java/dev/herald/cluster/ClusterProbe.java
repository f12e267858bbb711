package dev.herald.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.ConnectionListener;
import dev.herald.Herald;
import dev.herald.PayloadType;
import dev.herald.Subscription;
import dev.herald.TypedChannel;
import dev.herald.testing.RedisCluster;
import dev.herald.testing.RedisServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One sharded channel under watch for the cluster's life tests: a Herald on the cluster subscribed to it, a publisher
 * sending a numbered message every 10 ms throughout, each message's deliveries counted, and what the
 * {@link ConnectionListener} heard.
 */
final class ClusterProbe implements AutoCloseable {

    /** A numbered message. */
    record Tick(long id) {
    }

    final RedisCluster cluster;
    final String channel;
    final Herald herald;
    final Herald publisherHerald;
    final Map<Long, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    final Map<Long, Long> arrivedAt = new ConcurrentHashMap<>();
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Duration> outages = new CopyOnWriteArrayList<>();
    final AtomicLong nextId = new AtomicLong();
    private final ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
    private final Subscription subscription;

    ClusterProbe(RedisCluster cluster, String channel) {
        this.cluster = cluster;
        this.channel = channel;
        this.herald = Herald.builder().redisCluster(cluster.seedUris().toArray(String[]::new))
                .connectionListener(new ConnectionListener() {
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
                        outages.add(outage);
                    }
                }).build();
        this.publisherHerald = Herald.builder().redisCluster(cluster.seedUris().get(0)).build();
        this.subscription = herald.channel(channel, PayloadType.of(Tick.class)).subscribe(tick -> {
            deliveries.computeIfAbsent(tick.id(), id -> new AtomicInteger()).incrementAndGet();
            arrivedAt.putIfAbsent(tick.id(), System.nanoTime());
        });
        TypedChannel<Tick> out = publisherHerald.channel(channel, PayloadType.of(Tick.class));
        publisher.scheduleAtFixedRate(() -> out.publish(new Tick(nextId.getAndIncrement()))
                .exceptionally(failure -> null), 0, 10, TimeUnit.MILLISECONDS);
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

    /** Waits for a further stretch of messages to arrive, then checks that no message arrived twice, ever. */
    void assertNoDuplicates() {
        long until = nextId.get() + 50;
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.keySet().stream().anyMatch(id -> id >= until));
        List<Long> twice = deliveries.entrySet().stream().filter(e -> e.getValue().get() > 1).map(Map.Entry::getKey)
                .sorted().toList();
        assertEquals(List.of(), twice, "messages delivered more than once");
    }

    /** Waits until exactly the owner of the channel's slot has one sharded subscriber and every other node none. */
    void assertSubscribedOnlyOnOwner() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            RedisServer owner = cluster.nodeOwning(RedisCluster.slotOf(channel));
            for (RedisServer node : cluster.nodes()) {
                if (node.isRunning()) {
                    assertEquals(node.port() == owner.port() ? 1 : 0, cluster.shardNumSub(node, channel),
                            "SHARDNUMSUB " + channel + " on " + node + " (owner " + owner + ")");
                }
            }
        });
    }

    /** Waits until {@code health()} says healthy with this many channels, each held once on the cluster. */
    void assertHealthy(int channels) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            var health = herald.health().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(true, health.healthy(), health.toString());
            assertEquals(channels, health.serverChannels(), health.toString());
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
