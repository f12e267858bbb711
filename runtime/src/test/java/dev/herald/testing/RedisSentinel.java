package dev.herald.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Redis master, one replica ({@code --replicaof}) and three Sentinels ({@code redis-server
 * sentinel.conf --sentinel}) watching them under the name {@value #MASTER_NAME} with quorum 2, all
 * child processes on free ports of {@code 127.0.0.1}, for tests of failover.
 *
 * <p>The Sentinels take the master as down after 1 s ({@code down-after-milliseconds 1000}).
 * {@link #start()} returns once each Sentinel knows the replica and the two other Sentinels, so a
 * failover can start at once. Instances are thread-safe.
 */
public final class RedisSentinel implements AutoCloseable {

  /** The name the Sentinels monitor the master under. */
  public static final String MASTER_NAME = "mymaster";

  private static final Logger LOG = LoggerFactory.getLogger(RedisSentinel.class);
  private static final String LOOPBACK = "127.0.0.1";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final List<RedisServer> servers;
  private final List<RedisServer> sentinels;

  private RedisSentinel(List<RedisServer> servers, List<RedisServer> sentinels) {
    this.servers = List.copyOf(servers);
    this.sentinels = List.copyOf(sentinels);
  }

  /**
   * Starts a master, a replica of it and three Sentinels, and waits until the replica is in sync
   * and every Sentinel sees the replica and the other Sentinels.
   *
   * @return the running setup; {@linkplain #close() close} it when done
   * @throws IllegalStateException if a process did not start or the setup was not ready within 30
   *     seconds
   */
  public static RedisSentinel start() {
    List<RedisServer> started = new ArrayList<>();
    long t0 = System.nanoTime();
    try {
      // A replica's first sync starts at once, not after the default 5 s wait.
      RedisServer master = RedisServer.start(
          dir -> List.of("--repl-diskless-sync-delay", "0"), false);
      started.add(master);
      String masterPort = Integer.toString(master.port());
      RedisServer replica = RedisServer.start(
          dir -> List.of("--repl-diskless-sync-delay", "0", "--replicaof", LOOPBACK, masterPort),
          false);
      started.add(replica);
      List<RedisServer> sentinels = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        RedisServer sentinel = RedisServer.start(dir -> sentinelArgs(dir, masterPort), false);
        started.add(sentinel);
        sentinels.add(sentinel);
      }
      RedisSentinel setup = new RedisSentinel(List.of(master, replica), sentinels);
      setup.awaitReady();
      LOG.info("{} up in {} ms", setup, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
      return setup;
    } catch (RuntimeException | Error e) {
      started.forEach(RedisServer::stop);
      throw e;
    }
  }

  /**
   * Returns the URI Lettuce takes for a master behind Sentinels.
   *
   * @return {@code redis-sentinel://127.0.0.1:S1,127.0.0.1:S2,127.0.0.1:S3#mymaster}
   */
  public String sentinelUri() {
    return "redis-sentinel://" + sentinels.stream().map(s -> s.host() + ":" + s.port())
        .collect(Collectors.joining(",")) + "#" + MASTER_NAME;
  }

  /**
   * Returns the three Sentinels.
   *
   * @return the Sentinel processes, each answering {@code SENTINEL} commands
   */
  public List<RedisServer> sentinels() {
    return sentinels;
  }

  /**
   * Returns the master and the replica, in the order they were started (roles change on
   * {@link #failover()}).
   *
   * @return the two data servers
   */
  public List<RedisServer> servers() {
    return servers;
  }

  /**
   * Returns the server the first Sentinel names as master ({@code SENTINEL
   * GET-MASTER-ADDR-BY-NAME}).
   *
   * @return the current master
   */
  public RedisServer master() {
    int port = masterPort(sentinels.get(0));
    return servers.stream().filter(s -> s.port() == port).findFirst()
        .orElseThrow(() -> new IllegalStateException("Sentinel names an unknown master :" + port));
  }

  /**
   * Returns the server that is not the {@linkplain #master() master}.
   *
   * @return the current replica
   */
  public RedisServer replica() {
    int masterPort = master().port();
    return servers.stream().filter(s -> s.port() != masterPort).findFirst().orElseThrow();
  }

  /**
   * Forces a failover by {@code SENTINEL FAILOVER} on the first Sentinel, and waits until every
   * Sentinel names the old replica as master, it reports {@code role:master}, and the old master
   * has been turned into its replica and is in sync.
   *
   * <p>That takes about 11 s, nearly all of it the last step: the Sentinels name the new master
   * after about 1 s, but a Sentinel turns a server it lists as replica yet which reports {@code
   * role:master} into a replica only once that report is 8 s old ({@code
   * SENTINEL_PUBLISH_PERIOD * 4} in sentinel.c, not configurable), seen on its next {@code INFO}.
   * {@link #failoverAgreed()} returns after the first step.
   *
   * @return the new master
   * @throws IllegalStateException if a Sentinel refused, or that did not happen within 30 seconds
   */
  public RedisServer failover() {
    RedisServer oldMaster = master();
    long t0 = System.nanoTime();
    RedisServer newMaster = failoverAgreed();
    long t1 = System.nanoTime();
    awaitDemoted(oldMaster);
    LOG.info("{} failed over from {} to {}: Sentinels agreed in {} ms, old master a synced replica"
        + " {} ms later", this, oldMaster.port(), newMaster.port(),
        TimeUnit.NANOSECONDS.toMillis(t1 - t0),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1));
    return newMaster;
  }

  /**
   * Forces a failover by {@code SENTINEL FAILOVER} on the first Sentinel, and waits only until
   * every Sentinel names the old replica as master and it reports {@code role:master} (about 1 s).
   * The old master still reports {@code role:master} then, and accepts writes, until the Sentinels
   * demote it about 10 s later ({@link #awaitDemoted}).
   *
   * @return the new master
   * @throws IllegalStateException if a Sentinel refused, or that did not happen within 30 seconds
   */
  public RedisServer failoverAgreed() {
    RedisServer oldMaster = master();
    RedisServer newMaster = replica();
    String reply = sentinels.get(0).command("SENTINEL", "FAILOVER", MASTER_NAME);
    if (!"OK".equals(reply)) {
      throw new IllegalStateException("SENTINEL FAILOVER " + MASTER_NAME + " answered " + reply);
    }
    awaitMaster(newMaster, "the Sentinels to fail over from " + oldMaster + " to " + newMaster);
    return newMaster;
  }

  /**
   * Waits until every Sentinel names this server as master and it reports {@code role:master}:
   * after a {@linkplain #failoverAgreed() failover}, or after the master was killed.
   *
   * @param newMaster the server expected to be master
   * @throws IllegalStateException if that did not happen within 30 seconds
   */
  public void awaitMaster(RedisServer newMaster) {
    awaitMaster(newMaster, "the Sentinels to promote " + newMaster);
  }

  private void awaitMaster(RedisServer newMaster, String what) {
    awaitCondition(what,
        () -> sentinels.stream().allMatch(s -> masterPort(s) == newMaster.port())
            && info(newMaster).get("role").equals("master"));
  }

  /**
   * Waits until the Sentinels have turned the old master into a replica of the current master and
   * it is in sync.
   *
   * @param oldMaster the server that was master
   * @throws IllegalStateException if that did not happen within 30 seconds
   */
  public void awaitDemoted(RedisServer oldMaster) {
    RedisServer newMaster = master();
    awaitCondition("the Sentinels to make the old master " + oldMaster + " a replica",
        () -> isSyncedReplicaOf(oldMaster, newMaster));
  }

  /**
   * Returns the role a server reports ({@code INFO replication}).
   *
   * @param server one of {@link #servers()}
   * @return {@code master} or {@code slave}
   */
  public static String role(RedisServer server) {
    return info(server).get("role");
  }

  /**
   * Returns the process ids of the running processes (servers and Sentinels).
   *
   * @return the pids
   */
  List<Long> pids() {
    List<Long> pids = new ArrayList<>();
    servers.forEach(s -> s.pid().ifPresent(pids::add));
    sentinels.forEach(s -> s.pid().ifPresent(pids::add));
    return pids;
  }

  /** Stops the Sentinels and the servers and deletes their directories; idempotent. */
  @Override
  public void close() {
    sentinels.forEach(RedisServer::stop);
    servers.forEach(RedisServer::stop);
  }

  /**
   * Describes this setup for test reports.
   *
   * @return the Sentinel URI
   */
  @Override
  public String toString() {
    return "RedisSentinel[" + sentinelUri() + "]";
  }

  // ---------------------------------------------------------------- internals

  private static List<String> sentinelArgs(Path dir, String masterPort) throws java.io.IOException {
    Path conf = dir.resolve("sentinel.conf");
    // A Sentinel rewrites its file with what it learnt; a restarted one keeps that.
    if (!Files.exists(conf)) {
      Files.writeString(conf, String.join("\n",
          "sentinel monitor " + MASTER_NAME + " " + LOOPBACK + " " + masterPort + " 2",
          "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
          "sentinel failover-timeout " + MASTER_NAME + " 5000",
          "sentinel parallel-syncs " + MASTER_NAME + " 1",
          ""));
    }
    return List.of(conf.toString(), "--sentinel");
  }

  private void awaitReady() {
    RedisServer master = servers.get(0);
    RedisServer replica = servers.get(1);
    awaitCondition("the replica to sync and every Sentinel to see it and the other Sentinels",
        () -> isSyncedReplicaOf(replica, master) && sentinels.stream().allMatch(s -> {
          Map<String, String> state = pairs(s.command("SENTINEL", "MASTER", MASTER_NAME));
          return "master".equals(state.get("flags"))
              && "1".equals(state.get("num-slaves"))
              && "2".equals(state.get("num-other-sentinels"))
              && pairs(s.command("SENTINEL", "REPLICAS", MASTER_NAME)).get("flags").equals("slave");
        }));
  }

  private static boolean isSyncedReplicaOf(RedisServer replica, RedisServer master) {
    Map<String, String> info = info(replica);
    return "slave".equals(info.get("role"))
        && Integer.toString(master.port()).equals(info.get("master_port"))
        && "up".equals(info.get("master_link_status"));
  }

  private static int masterPort(RedisServer sentinel) {
    String reply = sentinel.command("SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER_NAME);
    return Integer.parseInt(reply.substring(reply.indexOf('\n') + 1));
  }

  private static Map<String, String> info(RedisServer server) {
    Map<String, String> fields = new HashMap<>();
    for (String line : server.command("INFO", "replication").split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        fields.put(line.substring(0, colon), line.substring(colon + 1));
      }
    }
    return fields;
  }

  /** Reads a flat field/value reply (of one entry) rendered one element a line. */
  private static Map<String, String> pairs(String reply) {
    Map<String, String> fields = new HashMap<>();
    String[] lines = reply.split("\n");
    for (int i = 0; i + 1 < lines.length; i += 2) {
      fields.putIfAbsent(lines[i], lines[i + 1]);
    }
    return fields;
  }

  private static void awaitCondition(String what, Callable<Boolean> condition) {
    Polling.until(what, TIMEOUT, condition, () -> "");
  }
}
