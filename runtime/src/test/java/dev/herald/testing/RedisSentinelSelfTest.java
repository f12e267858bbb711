package dev.herald.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.testing.RedisServerExtension.Dedicated;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Checks {@link RedisSentinel} against the Sentinels' and servers' own answers. */
@ExtendWith(RedisClusterExtension.class)
class RedisSentinelSelfTest {

  private static String field(String info, String name) {
    return info.lines().filter(l -> l.startsWith(name + ":")).findFirst()
        .map(l -> l.substring(name.length() + 1).trim()).orElse(null);
  }

  @Test
  void sentinelsWatchAMasterWithOneReplica(RedisSentinel setup) {
    assertTrue(setup.sentinelUri().matches(
        "redis-sentinel://127\\.0\\.0\\.1:\\d+,127\\.0\\.0\\.1:\\d+,127\\.0\\.0\\.1:\\d+#mymaster"),
        setup.sentinelUri());
    RedisServer master = setup.master();
    assertEquals("master", field(master.command("INFO", "replication"), "role"));
    String replica = setup.replica().command("INFO", "replication");
    assertEquals("slave", field(replica, "role"));
    assertEquals(Integer.toString(master.port()), field(replica, "master_port"));
    for (RedisServer sentinel : setup.sentinels()) {
      assertEquals("127.0.0.1\n" + master.port(),
          sentinel.command("SENTINEL", "GET-MASTER-ADDR-BY-NAME", "mymaster"));
      assertTrue(sentinel.command("INFO", "sentinel").contains("slaves=1,sentinels=3"));
    }
  }

  @Test
  void failoverMovesTheMasterAndCloseLeavesNoProcess(@Dedicated RedisSentinel setup) {
    RedisServer oldMaster = setup.master();
    RedisServer oldReplica = setup.replica();

    RedisServer newMaster = setup.failover();

    assertEquals(oldReplica, newMaster);
    assertEquals(newMaster, setup.master());
    for (RedisServer sentinel : setup.sentinels()) {
      assertEquals("127.0.0.1\n" + newMaster.port(),
          sentinel.command("SENTINEL", "GET-MASTER-ADDR-BY-NAME", "mymaster"));
    }
    assertEquals("master", field(newMaster.command("INFO", "replication"), "role"));
    String demoted = oldMaster.command("INFO", "replication");
    assertEquals("slave", field(demoted, "role"));
    assertEquals(Integer.toString(newMaster.port()), field(demoted, "master_port"));
    String key = "herald:sentinel-selftest:" + UUID.randomUUID();
    assertEquals("OK", newMaster.command("SET", key, "replicated"));
    Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> "replicated".equals(oldMaster.command("GET", key)));

    List<Long> pids = setup.pids();
    assertEquals(5, pids.size());
    setup.close();
    for (long pid : pids) {
      assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
          "pid " + pid + " still running");
    }
    assertNotEquals(oldMaster.port(), newMaster.port());
  }
}
