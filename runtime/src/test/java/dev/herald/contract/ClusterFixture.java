package dev.herald.contract;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.testing.RedisCluster;
import dev.herald.testing.RedisServer;
import java.util.HashMap;
import java.util.Map;

/**
 * Heralds on a real Redis Cluster, built with {@code .redisCluster(seeds)}; what the cluster sees is asked of the
 * node that owns each channel's slot ({@code PUBSUB SHARDNUMSUB}, {@code PUBSUB SHARDCHANNELS} on every master),
 * and foreign messages are {@code SPUBLISH}ed on the owner by a bare client of its own.
 */
final class ClusterFixture implements TransportFixture {

    private final RedisCluster cluster;
    private final Map<Integer, RedisClient> foreign = new HashMap<>();

    ClusterFixture(RedisCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public HeraldBuilder builder() {
        return Herald.builder().redisCluster(cluster.seedUris().toArray(String[]::new));
    }

    @Override
    public Herald build(HeraldBuilder builder) {
        return builder.build();
    }

    @Override
    public long subscribers(Herald herald, String fullChannel) {
        return cluster.shardNumSub(cluster.nodeOwning(RedisCluster.slotOf(fullChannel)), fullChannel);
    }

    @Override
    public int channelsWithSubscribers(Herald herald, String prefix) {
        String pattern = prefix.replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + "*";
        int count = 0;
        for (RedisServer node : cluster.nodes()) {
            String reply = node.command("PUBSUB", "SHARDCHANNELS", pattern);
            count += reply == null || reply.isEmpty() ? 0 : reply.split("\n").length;
        }
        return count;
    }

    @Override
    public synchronized long publish(Herald herald, String fullChannel, byte[] payload) {
        RedisServer owner = cluster.nodeOwning(RedisCluster.slotOf(fullChannel));
        return foreign.computeIfAbsent(owner.port(), port -> new RedisClient(owner, "SPUBLISH"))
                .publish(fullChannel, payload);
    }

    @Override
    public boolean carriesHugeMessages() {
        return false; // the shared cluster keeps Redis's pub/sub output-buffer limit
    }

    @Override
    public synchronized void close() {
        foreign.values().forEach(RedisClient::close);
        foreign.clear();
    }
}
