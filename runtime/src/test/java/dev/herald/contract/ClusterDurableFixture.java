package dev.herald.contract;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.internal.redis.RedisSettings;
import dev.herald.internal.redis.cluster.RedisClusterTransport;
import dev.herald.spi.DurableLog;
import dev.herald.testing.RedisCluster;
import dev.herald.testing.RedisServer;
import java.time.Duration;

/**
 * Heralds on a real 3-master/3-replica Redis Cluster; what a group holds is asked of the cluster through a transport
 * of the fixture's own, and a stream is deleted and measured on the master that owns its slot.
 */
final class ClusterDurableFixture implements DurableFixture {

    private final RedisCluster cluster;
    private RedisClusterTransport inspector;

    ClusterDurableFixture(RedisCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public HeraldBuilder builder() {
        return Herald.builder().redisCluster(cluster.seedUris().toArray(String[]::new));
    }

    @Override
    public synchronized DurableLog log() {
        if (inspector == null) {
            inspector = RedisClusterTransport.connect(cluster.seedUris(), new RedisSettings("redis://unused",
                    Duration.ofSeconds(10), Duration.ofSeconds(10), null, null, RedisSettings.DEFAULT_MAX_PENDING_PUBLISHES,
                    RedisSettings.DEFAULT_MAX_PENDING_PUBLISH_BYTES));
        }
        return inspector.durable();
    }

    @Override
    public void deleteStream(String stream) {
        owner(stream).command("DEL", stream);
    }

    @Override
    public long streamLength(String stream) {
        String length = owner(stream).command("XLEN", stream);
        return length == null || length.isEmpty() ? 0 : Long.parseLong(length);
    }

    private RedisServer owner(String key) {
        return cluster.nodeOwning(RedisCluster.slotOf(key));
    }

    @Override
    public synchronized void close() {
        if (inspector != null) {
            inspector.close();
            inspector = null;
        }
    }
}
