package dev.herald.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Health;
import dev.herald.Herald;
import dev.herald.MessageHandler;
import dev.herald.PayloadType;
import dev.herald.PublishFailedException;
import dev.herald.TemplateChannel;
import dev.herald.testing.RedisCluster;
import dev.herald.testing.RedisClusterExtension;
import dev.herald.testing.RedisServer;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Redis Cluster transport on a real 3-master/3-replica cluster: sharded round trips and refused patterns. */
@ExtendWith(RedisClusterExtension.class)
class RedisClusterTransportTest {

    /** A typed payload. */
    record Order(String id, int quantity) {
    }

    private static Herald heraldOn(RedisCluster cluster) {
        return Herald.builder().redisCluster(cluster.seedUris().toArray(String[]::new)).build();
    }

    @Test
    void aTypedChannelRoundTripsWithSpublishAndOneSsubscribeOnTheOwner(RedisCluster cluster) throws Exception {
        String channel = "order:created:" + UUID.randomUUID();
        try (Herald herald = heraldOn(cluster)) {
            BlockingQueue<Order> received = new ArrayBlockingQueue<>(10);
            herald.channel(channel, PayloadType.of(Order.class)).subscribe(received::add);
            long receivers = herald.channel(channel, PayloadType.of(Order.class)).publish(new Order("o-1", 3))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(new Order("o-1", 3), received.poll(10, TimeUnit.SECONDS));
            assertEquals(1, receivers, "SPUBLISH counts the one sharded subscriber on the owner");
            RedisServer owner = cluster.nodeOwning(RedisCluster.slotOf(channel));
            for (RedisServer node : cluster.nodes()) {
                assertEquals(node.port() == owner.port() ? 1 : 0, cluster.shardNumSub(node, channel), node.toString());
                assertEquals(0, node.numsub(channel), "no classic SUBSCRIBE on " + node);
            }
            Health health = herald.health().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertTrue(health.healthy(), health.toString());
            assertEquals(1, health.serverChannels());
        }
    }

    @Test
    void manyChannelsAcrossAllSlotsEachArriveOnceFromTheirOwner(RedisCluster cluster) throws Exception {
        int count = 300;
        String run = UUID.randomUUID().toString();
        Map<String, MessageHandler<Order>> handlers = new LinkedHashMap<>();
        Map<String, Integer> deliveries = new ConcurrentHashMap<>();
        Set<Integer> owners = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String channel = "many:" + run + ":" + i;
            handlers.put(channel, order -> deliveries.merge(order.id(), 1, Integer::sum));
            owners.add(cluster.nodeOwning(RedisCluster.slotOf(channel)).port());
        }
        assertEquals(3, owners.size(), "the channels spread over every master");
        try (Herald herald = heraldOn(cluster)) {
            herald.subscribeAll(handlers, Order.class);
            for (String channel : handlers.keySet()) {
                herald.publish(channel, new Order(channel, 1));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.size() == count);
            assertTrue(deliveries.values().stream().allMatch(n -> n == 1), "each message once");
            for (RedisServer node : cluster.nodes()) {
                List<String> held = List.of(node.command("PUBSUB", "SHARDCHANNELS", "many:" + run + ":*").split("\n"));
                long expected = handlers.keySet().stream()
                        .filter(c -> cluster.nodeOwning(RedisCluster.slotOf(c)).port() == node.port()).count();
                assertEquals(expected, held.stream().filter(s -> !s.isEmpty()).count(), "sharded channels on " + node);
            }
            Health health = herald.health().toCompletableFuture().get(20, TimeUnit.SECONDS);
            assertTrue(health.healthy(), "healthy with " + health.serverChannels() + " channels");
            assertEquals(count, health.serverChannels());
        }
    }

    @Test
    void patternSubscriptionsAreRefusedAndNothingIsSubscribed(RedisCluster cluster) {
        try (Herald herald = heraldOn(cluster)) {
            UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
                    () -> herald.psubscribe("order:*", Order.class, (channel, order) -> { }));
            assertTrue(refused.getMessage().startsWith("[HeraldClusterPattern] pattern \"order:*\""),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("Subscribe to the concrete channels"), refused.getMessage());
            TemplateChannel<Order> template = herald.template("orders:{region}", PayloadType.of(Order.class));
            UnsupportedOperationException templateRefused = assertThrows(UnsupportedOperationException.class,
                    () -> template.subscribeAll((values, order) -> { }));
            assertTrue(templateRefused.getMessage().contains("[HeraldClusterPattern]"), templateRefused.getMessage());
            assertThrows(UnsupportedOperationException.class,
                    () -> template.subscribeAllAsync((values, order) -> { }));
            for (RedisServer node : cluster.nodes()) {
                assertEquals("0", node.command("PUBSUB", "NUMPAT"), "no PSUBSCRIBE on " + node);
            }
            Health health = herald.health().toCompletableFuture().join();
            assertEquals(0, health.expectedPatterns());
            assertEquals(0, health.expectedChannels());
        }
    }

    @Test
    void publishesWaitingForAPausedMasterAreBoundedAndTheNextFailsAtOnce(RedisCluster cluster) throws Exception {
        String channel = "paused:" + UUID.randomUUID();
        RedisServer owner = cluster.nodeOwning(RedisCluster.slotOf(channel));
        try (Herald herald = Herald.builder().redisCluster(cluster.seedUris().get(0)).maxPendingPublishes(3).build()) {
            assertEquals("OK", owner.command("CLIENT", "PAUSE", "1000", "ALL"));
            List<CompletableFuture<Long>> waiting = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                waiting.add(herald.publish(channel, "m" + i).toCompletableFuture());
            }
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> herald.publish(channel, "one too many").toCompletableFuture().get(1, TimeUnit.SECONDS));
            assertInstanceOf(PublishFailedException.class, refused.getCause());
            assertTrue(refused.getCause().getMessage().contains("maxPendingPublishes (3)"), refused.getMessage());
            for (CompletableFuture<Long> publish : waiting) {
                assertEquals(0L, publish.get(10, TimeUnit.SECONDS), "sent once the pause ended; nobody subscribed");
            }
        }
    }

    /**
     * The node connections do not flush each command, and Lettuce writes a publish that met a {@code MOVED} again
     * by itself, to the new owner's buffer: it is flushed all the same. The slot moves until Herald's stale topology
     * sends a publish to the old owner (the periodic refresh may catch a move first).
     */
    @Test
    void aPublishRedirectedByMovedAfterASlotMigrationCompletes(RedisCluster cluster) throws Exception {
        String channel = "moved:" + UUID.randomUUID();
        int slot = RedisCluster.slotOf(channel);
        try (Herald herald = heraldOn(cluster)) {
            assertEquals(0L, herald.publish(channel, "before").toCompletableFuture().get(10, TimeUnit.SECONDS));
            boolean redirected = false;
            for (int attempt = 0; attempt < 3 && !redirected; attempt++) {
                RedisServer from = cluster.nodeOwning(slot);
                RedisServer to = cluster.masters().stream().filter(m -> m.port() != from.port()).findFirst()
                        .orElseThrow();
                long movedBefore = movedReplies(from);
                cluster.migrateSlot(slot, to);
                assertEquals(0L, herald.publish(channel, "after " + attempt).toCompletableFuture()
                        .get(10, TimeUnit.SECONDS), "the publish completes on the new owner");
                redirected = movedReplies(from) > movedBefore;
            }
            assertTrue(redirected, "a publish went to the old owner and followed its MOVED");
        }
    }

    /**
     * The owner drops Herald's publish connection: Lettuce makes it again, and a publish is flushed on the new one
     * (meanwhile a publish fails at once, commands being rejected while disconnected); none waits unsent.
     */
    @Test
    void publishesAreSentAgainOnceAKilledPublishConnectionIsBack(RedisCluster cluster) throws Exception {
        String channel = "killed:" + UUID.randomUUID();
        RedisServer owner = cluster.nodeOwning(RedisCluster.slotOf(channel));
        try (Herald herald = heraldOn(cluster)) {
            assertEquals(0L, herald.publish(channel, "before").toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertTrue(cluster.clientKill(owner, "normal") >= 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> sent(herald.publish(channel, "after")
                    .toCompletableFuture()));
        }
    }

    /** @return whether the publish was answered; false if it failed at once; throws if it had no outcome */
    private static boolean sent(CompletableFuture<Long> publish) throws Exception {
        try {
            return publish.get(5, TimeUnit.SECONDS) == 0L;
        } catch (ExecutionException e) {
            assertInstanceOf(PublishFailedException.class, e.getCause());
            return false;
        }
    }

    private static long movedReplies(RedisServer node) {
        for (String line : node.command("INFO", "errorstats").split("\n")) {
            if (line.startsWith("errorstat_MOVED:count=")) {
                return Long.parseLong(line.substring("errorstat_MOVED:count=".length()).split(",")[0].strip());
            }
        }
        return 0;
    }

    /** The transport sets only the periodic refresh and relies on Lettuce 7 for the adaptive triggers. */
    @Test
    void lettuceTurnsOnEveryAdaptiveTopologyTriggerByDefault() {
        ClusterTopologyRefreshOptions defaults = ClusterTopologyRefreshOptions.builder()
                .enablePeriodicRefresh(Duration.ofSeconds(5)).build();
        assertEquals(EnumSet.allOf(ClusterTopologyRefreshOptions.RefreshTrigger.class),
                defaults.getAdaptiveRefreshTriggers());
        assertTrue(defaults.isPeriodicRefreshEnabled());
    }

    @Test
    void theBuilderRefusesAClusterTogetherWithAnotherTransport() {
        IllegalStateException both = assertThrows(IllegalStateException.class,
                () -> Herald.builder().redis("redis://127.0.0.1:1").redisCluster("redis://127.0.0.1:2").build());
        assertTrue(both.getMessage().contains("redis(...) and redisCluster(...)"), both.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Herald.builder().redisCluster());
        assertThrows(IllegalArgumentException.class, () -> Herald.builder().redisCluster("redis://a:1,,redis://b:2"));
    }
}
