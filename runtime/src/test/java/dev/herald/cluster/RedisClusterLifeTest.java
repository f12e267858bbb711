package dev.herald.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Health;
import dev.herald.PayloadType;
import dev.herald.Subscription;
import dev.herald.testing.RedisCluster;
import dev.herald.testing.RedisClusterExtension;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension.Dedicated;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sharded subscription survives the cluster's own life, with a publisher sending every 10 ms throughout: after
 * each event it receives again within {@link #BOUND}, no message is ever delivered twice, the owner alone counts
 * one sharded subscriber ({@code PUBSUB SHARDNUMSUB}), {@code health()} agrees, and the connection listener heard
 * the gap and the re-subscription.
 */
@ExtendWith(RedisClusterExtension.class)
class RedisClusterLifeTest {

    private static final Logger LOG = LoggerFactory.getLogger(RedisClusterLifeTest.class);
    /**
     * How soon after the event the subscription receives again: cluster-node-timeout (2 s) for a failure to be
     * detected, the replica's election, the 1 s reconcile tick and its topology refresh, with room for a loaded
     * 2-core machine. Measured recoveries are logged and far shorter except after kill -9.
     */
    private static final Duration BOUND = Duration.ofSeconds(12);

    private static String channel(String what) {
        return "life:" + what + ":" + UUID.randomUUID();
    }

    private static void awaitFirstMessages(ClusterProbe probe) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> probe.deliveries.size() >= 5);
    }

    private static void assertRecovered(ClusterProbe probe, String event, long since, boolean reported) {
        assertRecovered(probe, event, since, reported, 1);
    }

    private static void assertRecovered(ClusterProbe probe, String event, long since, boolean reported, int channels) {
        Duration recovery = probe.awaitDeliveryAfter(since, BOUND);
        LOG.info("{}: received again {} ms after the event began", event, recovery.toMillis());
        probe.assertNoDuplicates();
        probe.assertSubscribedOnlyOnOwner();
        probe.assertHealthy(channels);
        if (reported) {
            String resubscribed = "resubscribed " + channels + "/0";
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> probe.events.contains(resubscribed));
            assertEquals(List.of("disconnected", "reconnected", resubscribed), probe.events.subList(0, 3));
            LOG.info("{}: the listener reported a gap of {} ms", event, probe.outages.get(0).toMillis());
        }
    }

    @Test
    void aSlotMigrationMovesTheSubscriptionToTheNewOwner(RedisCluster cluster) {
        String channel = channel("migrate");
        int slot = RedisCluster.slotOf(channel);
        try (ClusterProbe probe = new ClusterProbe(cluster, channel)) {
            awaitFirstMessages(probe);
            RedisServer from = cluster.nodeOwning(slot);
            RedisServer to = cluster.masters().stream().filter(m -> m.port() != from.port()).findFirst().orElseThrow();
            long since = System.nanoTime();
            cluster.migrateSlot(slot, to);
            assertRecovered(probe, "slot migration", since, true);
            assertEquals(1, cluster.shardNumSub(to, channel));
            assertEquals(0, cluster.shardNumSub(from, channel));
        }
    }

    @Test
    void aManualFailoverMovesTheSubscriptionOffTheDemotedMaster(RedisCluster cluster) {
        String channel = channel("failover");
        int slot = RedisCluster.slotOf(channel);
        try (ClusterProbe probe = new ClusterProbe(cluster, channel)) {
            awaitFirstMessages(probe);
            RedisServer oldMaster = cluster.nodeOwning(slot);
            RedisServer replica = cluster.replicaOf(oldMaster);
            long since = System.nanoTime();
            cluster.failover(replica);
            assertRecovered(probe, "CLUSTER FAILOVER", since, true);
            assertEquals(1, cluster.shardNumSub(replica, channel), "the promoted replica holds it");
            assertEquals(0, cluster.shardNumSub(oldMaster, channel), "nothing left on the demoted master");
        }
    }

    @Test
    void aKilledPubSubConnectionIsMadeAgain(RedisCluster cluster) {
        String channel = channel("client-kill");
        try (ClusterProbe probe = new ClusterProbe(cluster, channel)) {
            awaitFirstMessages(probe);
            RedisServer owner = cluster.nodeOwning(RedisCluster.slotOf(channel));
            long since = System.nanoTime();
            assertTrue(cluster.clientKill(owner, "pubsub") >= 1);
            assertRecovered(probe, "CLIENT KILL TYPE pubsub", since, true);
        }
    }

    @Test
    void aKilledPubSubConnectionHoldingChannelsOfManySlotsSubscribesEachAgainOnce(RedisCluster cluster) throws Exception {
        String channel = channel("client-kill-many");
        try (ClusterProbe probe = new ClusterProbe(cluster, channel)) {
            awaitFirstMessages(probe);
            RedisServer owner = cluster.nodeOwning(RedisCluster.slotOf(channel));
            // more channels on the same node, in slots of their own: one SSUBSCRIBE of them all (Lettuce's own
            // re-subscription, which the transport turns off) would fail with CROSSSLOT
            List<String> more = new ArrayList<>();
            for (int i = 0; more.size() < 20; i++) {
                String candidate = channel + ":" + i;
                if (cluster.nodeOwning(RedisCluster.slotOf(candidate)).port() == owner.port()) {
                    more.add(candidate);
                }
            }
            Map<String, Integer> received = new ConcurrentHashMap<>();
            for (String name : more) {
                probe.herald.subscribe(name, String.class, message -> received.merge(name, 1, Integer::sum));
            }
            assertTrue(cluster.clientKill(owner, "pubsub") >= 1);
            Awaitility.await().atMost(BOUND).until(() -> probe.events.contains("resubscribed 21/0"));
            for (String name : more) {
                assertEquals(1, cluster.shardNumSub(owner, name), name);
                probe.publisherHerald.publish(name, "again").toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
            Awaitility.await().atMost(BOUND).until(() -> received.size() == more.size());
            probe.assertNoDuplicates();
            assertTrue(received.values().stream().allMatch(n -> n == 1), received.toString());
            Health health = probe.herald.health().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertTrue(health.healthy(), health.toString());
            assertEquals(21, health.serverChannels());
        }
    }

    @Test
    void aKilledMasterIsReplacedByItsReplicaAndRejoinsWithoutTheSubscription(@Dedicated RedisCluster cluster)
            throws Exception {
        String channel = channel("kill9");
        int slot = RedisCluster.slotOf(channel);
        try (ClusterProbe probe = new ClusterProbe(cluster, channel)) {
            awaitFirstMessages(probe);
            RedisServer master = cluster.nodeOwning(slot);
            RedisServer replica = cluster.replicaOf(master);
            // a channel of the same master, to be subscribed while it is dead (Herald's channel names hold no
            // braces, so no hash tag: searched)
            String candidate = channel + ":late";
            for (int i = 0; cluster.nodeOwning(RedisCluster.slotOf(candidate)).port() != master.port(); i++) {
                candidate = channel + ":late" + i;
            }
            String late = candidate;
            long since = System.nanoTime();
            cluster.kill9(master);
            BlockingQueue<String> lateReceived = new LinkedBlockingQueue<>();
            CompletableFuture<Subscription> lateSubscription = probe.herald.channel(late, PayloadType.of(String.class))
                    .subscribeAsync(lateReceived::add).toCompletableFuture();
            AtomicLong lateAcknowledgedAt = new AtomicLong();
            CompletableFuture<Void> lateAcknowledged =
                    lateSubscription.thenRun(() -> lateAcknowledgedAt.set(System.nanoTime()));
            assertRecovered(probe, "kill -9 of the owning master", since, true, 2);
            assertEquals(replica.port(), cluster.nodeOwning(slot).port(), "the replica took over");
            lateAcknowledged.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            LOG.info("a subscription made while the master was dead was acknowledged {} ms after the kill",
                    Duration.ofNanos(lateAcknowledgedAt.get() - since).toMillis());
            probe.publisherHerald.publish(late, "hello").toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals("hello", lateReceived.poll(BOUND.toSeconds(), TimeUnit.SECONDS));
            assertEquals(1, cluster.shardNumSub(replica, late));
            cluster.restart(master);
            long restartedAt = System.nanoTime();
            Duration after = probe.awaitDeliveryAfter(restartedAt, BOUND);
            LOG.info("old master restarted: delivering {} ms later", after.toMillis());
            probe.assertNoDuplicates();
            probe.assertSubscribedOnlyOnOwner();
            assertEquals(0, cluster.shardNumSub(master, channel), "the rejoined replica holds nothing");
            assertEquals(0, cluster.shardNumSub(master, late), "the rejoined replica holds nothing");
            probe.assertHealthy(2);
        }
    }
}
