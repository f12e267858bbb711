package dev.herald.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.testing.RedisServerExtension.Dedicated;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Checks {@link RedisCluster} and {@link RedisClusterExtension} against Redis's own answers: each
 * operation is verified with {@code CLUSTER INFO}, {@code CLUSTER NODES}, {@code CLUSTER SHARDS},
 * {@code INFO replication} or a redirect, not with the helper's own view.
 */
@ExtendWith(RedisClusterExtension.class)
class RedisClusterSelfTest {

  /** The shared cluster the first test class to run saw; the other must see the same one. */
  static final AtomicReference<RedisCluster> SHARED = new AtomicReference<>();

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  static void assertSharedAcrossClasses(RedisCluster cluster) {
    SHARED.compareAndSet(null, cluster);
    assertSame(SHARED.get(), cluster);
  }

  private static String unique(String prefix) {
    return "herald:cluster-selftest:" + prefix + ":" + UUID.randomUUID();
  }

  private static String field(String info, String name) {
    return info.lines().filter(l -> l.startsWith(name + ":")).findFirst()
        .map(l -> l.substring(name.length() + 1).trim()).orElse(null);
  }

  @Test
  void sharedClusterHasThreeMastersEachWithOneReplicaAndAllSlotsCovered(RedisCluster cluster) {
    assertSharedAcrossClasses(cluster);
    assertEquals(6, cluster.seedUris().size());
    for (RedisServer node : cluster.nodes()) {
      String info = node.command("CLUSTER", "INFO");
      assertEquals("ok", field(info, "cluster_state"), node + ":\n" + info);
      assertEquals("16384", field(info, "cluster_slots_assigned"));
      assertEquals("16384", field(info, "cluster_slots_ok"));
      assertEquals("6", field(info, "cluster_known_nodes"));
      assertEquals("3", field(info, "cluster_size"));
    }
    List<RedisServer> masters = cluster.masters();
    assertEquals(3, masters.size());
    Set<Integer> replicaPorts = new HashSet<>();
    for (RedisServer master : masters) {
      assertEquals("master", field(master.command("INFO", "replication"), "role"));
      RedisServer replica = cluster.replicaOf(master);
      String replication = replica.command("INFO", "replication");
      assertEquals("slave", field(replication, "role"));
      assertEquals(Integer.toString(master.port()), field(replication, "master_port"));
      assertEquals(master.port(), cluster.masterOf(replica).port());
      replicaPorts.add(replica.port());
    }
    assertEquals(3, replicaPorts.size());
    assertEquals(replicaPorts, Set.copyOf(cluster.replicas().stream().map(RedisServer::port)
        .toList()));
  }

  @Test
  void slotOfAgreesWithClusterKeyslotAndNodeOwningAcceptsTheKey(RedisCluster cluster) {
    RedisServer any = cluster.nodes().get(0);
    for (String key : List.of("", "a", "orders", "{user1}.following", "foo{}bar", "{}",
        "a{b}c{d}", "{{x}}", "héllo wörld ✓", unique("k"))) {
      assertEquals(any.command("CLUSTER", "KEYSLOT", key),
          Integer.toString(RedisCluster.slotOf(key)), key);
    }
    String key = unique("owned");
    RedisServer owner = cluster.nodeOwning(RedisCluster.slotOf(key));
    try {
      assertEquals("OK", owner.command("SET", key, "v"));
      for (RedisServer master : cluster.masters()) {
        if (master.port() != owner.port()) {
          assertTrue(master.command("GET", key).startsWith("-MOVED "));
        }
      }
    } finally {
      owner.command("DEL", key);
    }
  }

  @Test
  void migrateSlotMovesTheSlotItsKeysAndItsShardSubscribers(RedisCluster cluster)
      throws IOException {
    String key = unique("migrated");
    int slot = RedisCluster.slotOf(key);
    RedisServer from = cluster.nodeOwning(slot);
    RedisServer to = cluster.masters().stream().filter(m -> m.port() != from.port())
        .findFirst().orElseThrow();
    from.command("SET", key, "kept");
    try (Socket subscriber = from.connect(10_000)) {
      OutputStream out = subscriber.getOutputStream();
      RedisServer.write(out, "SSUBSCRIBE", key);
      out.flush();
      InputStream in = new BufferedInputStream(subscriber.getInputStream());
      assertEquals(List.of("ssubscribe", key, 1L), RedisServer.read(in));
      assertEquals(1, cluster.shardNumSub(from, key));

      cluster.migrateSlot(slot, to);

      String toId = cluster.nodeId(to);
      for (RedisServer node : cluster.nodes()) {
        String owner = ClusterTopology.parse(node.command("CLUSTER", "NODES")).owner(slot)
            .orElseThrow().id();
        assertEquals(toId, owner, node + " sees another owner of slot " + slot);
        assertEquals(to.port(), shardsMasterPort(node, slot), node + ": CLUSTER SHARDS");
      }
      assertEquals("kept", to.command("GET", key));
      assertEquals("-MOVED " + slot + " 127.0.0.1:" + to.port(), from.command("GET", key));
      // Redis 7 unsubscribes the shard subscribers of a slot its node no longer serves, with a
      // push; nothing re-subscribes them.
      assertEquals(List.of("sunsubscribe", key, 0L), RedisServer.read(in));
      assertEquals(0, cluster.shardNumSub(from, key));
      assertEquals(0, cluster.shardNumSub(to, key));
    } finally {
      cluster.migrateSlot(slot, from);
      from.command("DEL", key);
    }
    assertEquals(from.port(), cluster.nodeOwning(slot).port());
  }

  /** The port of the master of the shard that CLUSTER SHARDS, asked on a node, says serves a slot. */
  private static long shardsMasterPort(RedisServer node, int slot) {
    // Each shard: ["slots", [from, to, ...], "nodes", [[field, value, ...], ...]].
    for (Object shard : (List<?>) node.reply("CLUSTER", "SHARDS")) {
      Map<String, Object> fields = pairs((List<?>) shard);
      List<?> slots = (List<?>) fields.get("slots");
      for (int i = 0; i + 1 < slots.size(); i += 2) {
        if ((Long) slots.get(i) <= slot && slot <= (Long) slots.get(i + 1)) {
          for (Object shardNode : (List<?>) fields.get("nodes")) {
            Map<String, Object> nodeFields = pairs((List<?>) shardNode);
            if ("master".equals(nodeFields.get("role"))) {
              return (Long) nodeFields.get("port");
            }
          }
        }
      }
    }
    return -1;
  }

  private static Map<String, Object> pairs(List<?> flat) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i + 1 < flat.size(); i += 2) {
      map.put((String) flat.get(i), flat.get(i + 1));
    }
    return map;
  }

  @Test
  void failoverSwapsTheRolesOfAReplicaAndItsMaster(RedisCluster cluster) {
    RedisServer oldMaster = cluster.masters().get(0);
    RedisServer replica = cluster.replicaOf(oldMaster);

    cluster.failover(replica);

    assertEquals("master", field(replica.command("INFO", "replication"), "role"));
    String demoted = oldMaster.command("INFO", "replication");
    assertEquals("slave", field(demoted, "role"));
    assertEquals(Integer.toString(replica.port()), field(demoted, "master_port"));
    assertTrue(cluster.masters().contains(replica));
    assertFalse(cluster.masters().contains(oldMaster));
    assertEquals(3, cluster.masters().size());
    assertEquals(oldMaster, cluster.replicaOf(replica));
    for (RedisServer node : cluster.nodes()) {
      assertEquals("ok", field(node.command("CLUSTER", "INFO"), "cluster_state"));
    }
  }

  @Test
  void clientKillClosesShardSubscribersAndShardNumSubSeesIt(RedisCluster cluster)
      throws IOException {
    String channel = unique("killed");
    RedisServer owner = cluster.nodeOwning(RedisCluster.slotOf(channel));
    try (Socket subscriber = owner.connect(5_000)) {
      OutputStream out = subscriber.getOutputStream();
      RedisServer.write(out, "SSUBSCRIBE", channel);
      out.flush();
      Awaitility.await().atMost(TIMEOUT).until(() -> cluster.shardNumSub(owner, channel) == 1);
      for (RedisServer other : cluster.nodes()) {
        if (other.port() != owner.port()) {
          assertEquals(0, cluster.shardNumSub(other, channel));
        }
      }

      assertTrue(cluster.clientKill(owner, "pubsub") >= 1);

      Awaitility.await().atMost(TIMEOUT).until(() -> cluster.shardNumSub(owner, channel) == 0);
      InputStream in = new BufferedInputStream(subscriber.getInputStream());
      assertEquals(List.of("ssubscribe", channel, 1L), RedisServer.read(in));
      assertEquals(-1, in.read(), "the server closed the connection");
    }
  }

  @Test
  void externalHandleOnTheSameSeedsSeesTheSameClusterButCannotKill(RedisCluster cluster) {
    RedisCluster external = RedisCluster.external(String.join(",", cluster.seedUris().subList(0, 2)));
    assertFalse(external.isManaged());
    assertEquals(6, external.nodes().size());
    assertEquals(cluster.masters().stream().map(RedisServer::port).toList(),
        external.masters().stream().map(RedisServer::port).toList());
    external.awaitOk();
    assertThrows(UnsupportedOperationException.class,
        () -> external.kill9(external.masters().get(0)));
    external.close();
    assertTrue(cluster.nodes().stream().allMatch(RedisServer::ping));
  }

  @Test
  void kill9PromotesTheReplicaAndRestartRejoinsAsReplicaAndCloseLeavesNoProcess(
      @Dedicated RedisCluster cluster, RedisCluster shared) {
    assertNotEquals(shared, cluster);
    RedisServer master = cluster.masters().get(0);
    RedisServer replica = cluster.replicaOf(master);

    cluster.kill9(master);
    cluster.awaitOk();

    assertFalse(master.ping());
    assertEquals("master", field(replica.command("INFO", "replication"), "role"));
    assertEquals(3, cluster.masters().size());
    assertTrue(cluster.masters().contains(replica));

    cluster.restart(master);

    String rejoined = master.command("INFO", "replication");
    assertEquals("slave", field(rejoined, "role"));
    assertEquals(Integer.toString(replica.port()), field(rejoined, "master_port"));
    assertEquals(3, cluster.masters().size());
    assertEquals(3, cluster.replicas().size());
    assertEquals(master, cluster.replicaOf(replica));

    List<Long> pids = cluster.pids();
    assertEquals(6, pids.size());
    cluster.close();
    for (long pid : pids) {
      assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
          "redis-server pid " + pid + " still running");
    }
    assertTrue(shared.nodes().stream().allMatch(RedisServer::ping));
  }
}
