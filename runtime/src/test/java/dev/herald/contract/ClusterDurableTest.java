package dev.herald.contract;

import dev.herald.testing.RedisCluster;
import dev.herald.testing.RedisClusterExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The durable contract on a real Redis Cluster: each stream on its slot's master, reads split per slot. */
@ExtendWith(RedisClusterExtension.class)
class ClusterDurableTest extends DurableContract {

    private final RedisCluster cluster;

    ClusterDurableTest(RedisCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    protected DurableFixture newFixture() {
        return new ClusterDurableFixture(cluster);
    }
}
