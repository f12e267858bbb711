package dev.herald.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.Herald;
import dev.herald.testing.ChannelProbe;
import dev.herald.testing.RedisCluster;
import dev.herald.testing.RedisServer;
import java.time.Duration;

/**
 * One sharded channel under watch for the cluster's life tests: a Herald on the cluster subscribed to it, a publisher
 * sending a numbered message every 10 ms throughout, each message's deliveries counted, and what the
 * {@link dev.herald.ConnectionListener} heard.
 */
final class ClusterProbe extends ChannelProbe {

    final RedisCluster cluster;

    ClusterProbe(RedisCluster cluster, String channel) {
        super(channel,
                listener -> Herald.builder().redisCluster(cluster.seedUris().toArray(String[]::new))
                        .connectionListener(listener).build(),
                () -> Herald.builder().redisCluster(cluster.seedUris().get(0)).build());
        this.cluster = cluster;
    }

    /** Waits for a further stretch of messages to arrive, then checks that no message arrived twice, ever. */
    @Override
    public void assertNoDuplicates() {
        long until = nextId.get() + 50;
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.keySet().stream().anyMatch(id -> id >= until));
        super.assertNoDuplicates();
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
        awaitHealthy(channels, Duration.ofSeconds(20));
    }
}
