package dev.herald.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A second test class, to show that both get the one shared cluster of the run. */
@ExtendWith(RedisClusterExtension.class)
class RedisClusterSharedSelfTest {

  @Test
  void getsTheClusterTheOtherClassGot(RedisCluster cluster) {
    RedisClusterSelfTest.assertSharedAcrossClasses(cluster);
    assertEquals(6, cluster.nodes().size());
    assertEquals(cluster.isManaged() ? 6 : 0, cluster.pids().size());
  }
}
