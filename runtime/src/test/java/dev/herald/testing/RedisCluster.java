package dev.herald.testing;

import dev.herald.testing.ClusterTopology.Node;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Redis Cluster of three masters and three replicas for tests: either six {@code redis-server
 * --cluster-enabled yes} child processes joined by {@code redis-cli --cluster create
 * --cluster-replicas 1} ({@linkplain #start() managed}), or an existing cluster given by seed URLs
 * such as the {@code REDIS_CLUSTER_URL} environment variable ({@linkplain #external(String)
 * external}).
 *
 * <p>Each node is a {@link RedisServer} on a free port of {@code 127.0.0.1} whose cluster bus port
 * (port + 10000) is free too, with {@code --cluster-node-timeout 2000} and no data on disk. Its
 * {@code nodes.conf} survives {@link #kill9(RedisServer)}, so {@link #restart(RedisServer)} brings
 * the same node back. Which replica follows which master is read from {@code CLUSTER NODES} on each
 * call, so it is current after a {@linkplain #failover(RedisServer) failover}.
 *
 * <p>Operations that change the cluster ({@link #migrateSlot}, {@link #failover}, {@link
 * #restart}) return once every running node reports {@code cluster_state:ok} and all agree on the
 * slot map and the roles ({@link #awaitOk()}). Instances are thread-safe, but concurrent changes
 * to one cluster make little sense.
 */
public final class RedisCluster implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RedisCluster.class);
  private static final int NODE_TIMEOUT_MILLIS = 2_000;
  private static final Duration CREATE_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration OK_TIMEOUT = Duration.ofSeconds(30);

  private final List<RedisServer> nodes;
  private final boolean managed;

  private RedisCluster(List<RedisServer> nodes, boolean managed) {
    this.nodes = List.copyOf(nodes);
    this.managed = managed;
  }

  /**
   * Starts six {@code redis-server} processes in cluster mode, joins them into three masters with
   * one replica each by {@code redis-cli --cluster create}, and waits until the cluster is
   * {@linkplain #awaitOk() ok}.
   *
   * @return the running cluster; {@linkplain #close() close} it when done
   * @throws IllegalStateException if {@code redis-server} or {@code redis-cli} is missing, a node
   *     did not start, {@code redis-cli} failed, or the cluster was not ok within 30 seconds
   */
  public static RedisCluster start() {
    Path redisCli = findOnPath("redis-cli");
    List<RedisServer> started = new ArrayList<>();
    long t0 = System.nanoTime();
    try {
      for (int i = 0; i < 6; i++) {
        started.add(RedisServer.start(
            dir -> List.of(
                "--cluster-enabled", "yes",
                "--cluster-config-file", dir.resolve("nodes.conf").toString(),
                "--cluster-node-timeout", Integer.toString(NODE_TIMEOUT_MILLIS),
                // A replica's first sync starts at once, not after the default 5 s wait.
                "--repl-diskless-sync-delay", "0"),
            true));
      }
      RedisCluster cluster = new RedisCluster(started, true);
      long t1 = System.nanoTime();
      cluster.create(redisCli);
      long t2 = System.nanoTime();
      cluster.awaitOk();
      long t3 = System.nanoTime();
      LOG.info("{} up in {} ms: nodes started in {} ms, redis-cli --cluster create {} ms,"
          + " all ok and agreeing {} ms later", cluster, millis(t3 - t0), millis(t1 - t0),
          millis(t2 - t1), millis(t3 - t2));
      return cluster;
    } catch (RuntimeException | Error e) {
      started.forEach(RedisServer::stop);
      throw e;
    }
  }

  /**
   * Wraps an existing cluster; the handle controls no process. Its nodes are the ones the first
   * reachable seed lists in {@code CLUSTER NODES}.
   *
   * @param seeds comma-separated node URLs, such as {@code redis://10.0.0.1:7000,redis://10.0.0.2:7000}
   *     (a bare {@code host:port} is taken as {@code redis://host:port})
   * @return a handle whose {@link #isManaged()} is {@code false}
   * @throws IllegalArgumentException if no seed is given or a seed cannot be parsed
   * @throws IllegalStateException if no seed answers {@code CLUSTER NODES}
   */
  public static RedisCluster external(String seeds) {
    List<RedisServer> seedServers = new ArrayList<>();
    for (String seed : Objects.requireNonNull(seeds, "seeds").split(",")) {
      if (!seed.isBlank()) {
        seedServers.add(RedisServer.external(seed.trim()));
      }
    }
    if (seedServers.isEmpty()) {
      throw new IllegalArgumentException("no Redis Cluster seed URL in: " + seeds);
    }
    RedisServer seed = seedServers.stream().filter(RedisServer::ping).findFirst()
        .orElseThrow(() -> new IllegalStateException("no Redis Cluster seed answers: " + seeds));
    String scheme = seed.uri().substring(0, seed.uri().indexOf("://") + 3);
    String userInfo = seed.uri().contains("@")
        ? seed.uri().substring(scheme.length(), seed.uri().lastIndexOf('@') + 1) : "";
    List<RedisServer> all = new ArrayList<>();
    for (Node node : topology(seed).nodes()) {
      all.add(RedisServer.external(scheme + userInfo + node.host() + ":" + node.port()));
    }
    return new RedisCluster(all, false);
  }

  /**
   * Tells whether this handle started, and so controls, the nodes' processes.
   *
   * @return {@code true} for a cluster from {@link #start()}, {@code false} for an external one
   */
  public boolean isManaged() {
    return managed;
  }

  /**
   * Returns the URLs of all nodes, for a cluster client's seeds.
   *
   * @return {@code redis://127.0.0.1:PORT} of each of the six nodes of a managed cluster
   */
  public List<String> seedUris() {
    return nodes.stream().map(RedisServer::uri).toList();
  }

  /**
   * Returns all nodes, masters and replicas, in a fixed order (their roles may change).
   *
   * @return the nodes; a killed node is still listed
   */
  public List<RedisServer> nodes() {
    return nodes;
  }

  /**
   * Returns the nodes that are masters serving slots now, in slot order.
   *
   * @return the masters, as the cluster reports them now
   */
  public List<RedisServer> masters() {
    ClusterTopology topology = topology();
    return topology.nodes().stream()
        .filter(n -> n.isMaster() && n.slotCount() > 0)
        .sorted((a, b) -> Integer.compare(a.slotRanges().get(0)[0], b.slotRanges().get(0)[0]))
        .map(n -> server(n.port()))
        .toList();
  }

  /**
   * Returns the nodes that are replicas now.
   *
   * @return the replicas, as the cluster reports them now
   */
  public List<RedisServer> replicas() {
    return topology().nodes().stream()
        .filter(Node::isReplica)
        .map(n -> server(n.port()))
        .toList();
  }

  /**
   * Returns the replica that follows a master.
   *
   * @param master a node that is a master now
   * @return its replica (the first, should it have several)
   * @throws IllegalStateException if no node replicates it
   */
  public RedisServer replicaOf(RedisServer master) {
    ClusterTopology topology = topology();
    String masterId = topology.byPort(master.port()).orElseThrow().id();
    return topology.nodes().stream()
        .filter(n -> n.isReplica() && masterId.equals(n.masterId()))
        .map(n -> server(n.port()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(master + " has no replica"));
  }

  /**
   * Returns the master a replica follows.
   *
   * @param replica a node that is a replica now
   * @return its master
   * @throws IllegalStateException if the node is not a replica
   */
  public RedisServer masterOf(RedisServer replica) {
    ClusterTopology topology = topology();
    Node node = topology.byPort(replica.port()).orElseThrow();
    if (!node.isReplica()) {
      throw new IllegalStateException(replica + " is not a replica: " + node.flags());
    }
    return server(topology.byId(node.masterId()).orElseThrow().port());
  }

  /**
   * Returns a node's cluster id, by {@code CLUSTER MYID}.
   *
   * @param node a running node
   * @return its 40-character id
   */
  public String nodeId(RedisServer node) {
    return node.command("CLUSTER", "MYID");
  }

  /**
   * Returns the master serving a slot now.
   *
   * @param slot a slot, 0 to 16383
   * @return its owner
   * @throws IllegalStateException if no master serves the slot
   */
  public RedisServer nodeOwning(int slot) {
    return topology().owner(slot).map(n -> server(n.port()))
        .orElseThrow(() -> new IllegalStateException("no master serves slot " + slot));
  }

  /**
   * Returns the slot of a key or channel as Redis computes it: CRC16 (XMODEM) of its UTF-8 bytes,
   * or of the part between the first {@code {} and the next {@code }} if that is not empty, modulo
   * 16384. The same as {@code CLUSTER KEYSLOT}.
   *
   * @param channelOrKey the key or sharded channel
   * @return its slot, 0 to 16383
   */
  public static int slotOf(String channelOrKey) {
    byte[] bytes = channelOrKey.getBytes(StandardCharsets.UTF_8);
    int from = 0;
    int to = bytes.length;
    int open = indexOf(bytes, (byte) '{', 0);
    if (open >= 0) {
      int close = indexOf(bytes, (byte) '}', open + 1);
      if (close > open + 1) {
        from = open + 1;
        to = close;
      }
    }
    int crc = 0;
    for (int i = from; i < to; i++) {
      crc ^= (bytes[i] & 0xff) << 8;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
      }
    }
    return (crc & 0xffff) % ClusterTopology.SLOTS;
  }

  /**
   * Moves a slot to another master as {@code redis-cli --cluster reshard} does: {@code CLUSTER
   * SETSLOT slot IMPORTING} on the target, {@code MIGRATING} on the owner, {@code MIGRATE} of any
   * keys in it, then {@code SETSLOT slot NODE target} on the target, the owner and the other
   * masters; then waits until the cluster is {@linkplain #awaitOk() ok}. Does nothing if the
   * target owns the slot already.
   *
   * @param slot the slot to move
   * @param toMaster the master that is to serve it
   * @throws IllegalStateException if Redis refuses a step or the cluster is not ok afterwards
   */
  public void migrateSlot(int slot, RedisServer toMaster) {
    RedisServer from = nodeOwning(slot);
    if (from.port() == toMaster.port()) {
      return;
    }
    String fromId = nodeId(from);
    String toId = nodeId(toMaster);
    String s = Integer.toString(slot);
    expectOk(toMaster, "CLUSTER", "SETSLOT", s, "IMPORTING", fromId);
    expectOk(from, "CLUSTER", "SETSLOT", s, "MIGRATING", toId);
    while (true) {
      String keys = from.command("CLUSTER", "GETKEYSINSLOT", s, "100");
      if (keys == null || keys.isEmpty()) {
        break;
      }
      List<String> migrate = new ArrayList<>(List.of(
          "MIGRATE", toMaster.host(), Integer.toString(toMaster.port()), "", "0", "5000", "KEYS"));
      migrate.addAll(List.of(keys.split("\n")));
      expectOk(from, migrate.toArray(String[]::new));
    }
    expectOk(toMaster, "CLUSTER", "SETSLOT", s, "NODE", toId);
    expectOk(from, "CLUSTER", "SETSLOT", s, "NODE", toId);
    for (RedisServer master : masters()) {
      if (master.port() != from.port() && master.port() != toMaster.port()) {
        expectOk(master, "CLUSTER", "SETSLOT", s, "NODE", toId);
      }
    }
    awaitOk();
  }

  /**
   * Promotes a replica by {@code CLUSTER FAILOVER} on it (the manual failover, with its master's
   * agreement), and waits until it is a master, its old master follows it, and the cluster is
   * {@linkplain #awaitOk() ok}.
   *
   * @param replica a running replica
   * @throws IllegalStateException if the node is not a replica, Redis refuses, or the roles did
   *     not swap within 30 seconds
   */
  public void failover(RedisServer replica) {
    RedisServer oldMaster = masterOf(replica);
    long t0 = System.nanoTime();
    expectOk(replica, "CLUSTER", "FAILOVER");
    String newMasterId = nodeId(replica);
    awaitCondition("CLUSTER FAILOVER on " + replica + " to swap roles with " + oldMaster,
        () -> role(replica).contains("role:master")
            && topology(oldMaster).byPort(oldMaster.port())
                .map(n -> n.isReplica() && newMasterId.equals(n.masterId())).orElse(false));
    awaitOk();
    LOG.info("{}: {} took over from {} in {} ms", this, replica.port(), oldMaster.port(),
        millis(System.nanoTime() - t0));
  }

  /**
   * Kills a node at once, like {@code kill -9}, and returns without waiting: if it was a master,
   * its replica is promoted after about {@code cluster-node-timeout} (2 s) plus the election; call
   * {@link #awaitOk()} to wait for that.
   *
   * @param node a node of this cluster
   * @throws UnsupportedOperationException if the cluster is external
   */
  public void kill9(RedisServer node) {
    requireManaged("kill");
    node.kill();
  }

  /**
   * Starts a killed node again on its port with its {@code nodes.conf}, and waits until the
   * cluster is {@linkplain #awaitOk() ok} with it. A master whose replica was promoted meanwhile
   * comes back as a replica of it.
   *
   * @param node a node of this cluster, killed by {@link #kill9(RedisServer)}
   * @throws UnsupportedOperationException if the cluster is external
   * @throws IllegalStateException if it did not start or the cluster is not ok within 30 seconds
   */
  public void restart(RedisServer node) {
    requireManaged("restart");
    long t0 = System.nanoTime();
    node.restart();
    awaitOk();
    LOG.info("{}: {} restarted and the cluster ok in {} ms", this, node.port(),
        millis(System.nanoTime() - t0));
  }

  /**
   * Closes a node's client connections of a type by {@code CLIENT KILL TYPE type}.
   *
   * @param node the node
   * @param type {@code pubsub}, {@code normal}, {@code master} or {@code replica}
   * @return how many connections the node closed
   */
  public long clientKill(RedisServer node, String type) {
    return Long.parseLong(node.command("CLIENT", "KILL", "TYPE", type));
  }

  /**
   * Returns how many clients a node has subscribed to a sharded channel, by {@code PUBSUB
   * SHARDNUMSUB}; only the node serving the channel's slot should have any.
   *
   * @param node the node to ask
   * @param channel the sharded channel
   * @return the number of {@code SSUBSCRIBE}rs on that node
   */
  public long shardNumSub(RedisServer node, String channel) {
    String reply = node.command("PUBSUB", "SHARDNUMSUB", channel);
    return Long.parseLong(reply.substring(reply.lastIndexOf('\n') + 1));
  }

  /**
   * Waits until every running node reports {@code cluster_state:ok}, flags no running node as
   * failing, sees no slot served by a node that is not running (so after {@link #kill9} it waits
   * for the replica's promotion), and all running nodes agree on which master serves which slots and on each running
   * node's role (polling {@code CLUSTER INFO} and {@code CLUSTER NODES}, at most 30 seconds).
   *
   * @throws IllegalStateException if that did not happen within 30 seconds; the message shows
   *     each node's view
   */
  public void awaitOk() {
    awaitCondition("every node of the cluster to be ok and agree on the slot map", this::isOk);
  }

  /** Restarts killed nodes and waits until the cluster is ok; used for the shared cluster. */
  synchronized void ensureHealthy() {
    if (managed) {
      nodes.stream().filter(n -> !n.isRunning()).forEach(RedisServer::restart);
      awaitOk();
    }
  }

  /**
   * Returns the process ids of the running nodes of a managed cluster.
   *
   * @return the pids; empty for an external cluster
   */
  List<Long> pids() {
    List<Long> pids = new ArrayList<>();
    nodes.forEach(n -> n.pid().ifPresent(pids::add));
    return pids;
  }

  /** Stops every node of a managed cluster and deletes their directories; idempotent. */
  @Override
  public void close() {
    if (managed) {
      nodes.forEach(RedisServer::stop);
    }
  }

  /**
   * Describes this cluster for test reports.
   *
   * @return the nodes' ports and whether the cluster is managed
   */
  @Override
  public String toString() {
    return "RedisCluster[" + nodes.stream().map(n -> n.host() + ":" + n.port())
        .collect(Collectors.joining(",")) + (managed ? ", managed" : ", external") + "]";
  }

  // ---------------------------------------------------------------- internals

  private void create(Path redisCli) {
    List<String> cmd = new ArrayList<>(List.of(redisCli.toString(), "--cluster", "create"));
    nodes.forEach(n -> cmd.add(n.host() + ":" + n.port()));
    cmd.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
    try {
      Path output = Files.createTempFile("herald-cluster-create-", ".log");
      try {
        Process process = new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
        boolean exited = process.waitFor(CREATE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
          process.destroyForcibly().waitFor();
        }
        if (!exited || process.exitValue() != 0) {
          throw new IllegalStateException(String.join(" ", cmd)
              + (exited ? " exited with code " + process.exitValue() : " did not finish") + ":\n"
              + Files.readString(output, StandardCharsets.UTF_8));
        }
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + String.join(" ", cmd), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the cluster", e);
    }
  }

  private boolean isOk() {
    Set<Integer> running = new HashSet<>();
    List<RedisServer> live = new ArrayList<>();
    for (RedisServer node : nodes) {
      if (node.isRunning()) {
        running.add(node.port());
        live.add(node);
      }
    }
    String agreed = null;
    for (RedisServer node : live) {
      if (!node.command("CLUSTER", "INFO").contains("cluster_state:ok")) {
        return false;
      }
      ClusterTopology view = topology(node);
      if (view.nodes().size() != nodes.size() || view.nodes().stream().anyMatch(
          n -> running.contains(n.port()) ? n.isUnhealthy() : n.slotCount() > 0)) {
        return false;
      }
      String agreement = view.agreement(running);
      if (agreed != null && !agreed.equals(agreement)) {
        return false;
      }
      agreed = agreement;
    }
    return agreed != null;
  }

  private void awaitCondition(String what, java.util.concurrent.Callable<Boolean> condition) {
    Polling.until(what, OK_TIMEOUT, condition, () -> "; views:" + describeViews());
  }

  private String describeViews() {
    StringBuilder out = new StringBuilder();
    for (RedisServer node : nodes) {
      out.append("\n--- ").append(node.port()).append(": ");
      if (!node.isRunning()) {
        out.append("not running");
        continue;
      }
      try {
        String info = node.command("CLUSTER", "INFO");
        out.append(info.lines().filter(l -> l.startsWith("cluster_state")).findFirst().orElse(""))
            .append('\n').append(node.command("CLUSTER", "NODES"));
      } catch (RuntimeException e) {
        out.append(e);
      }
    }
    return out.toString();
  }

  /** The topology as seen by the first running node. */
  private ClusterTopology topology() {
    for (RedisServer node : nodes) {
      if (node.isRunning() && node.ping()) {
        return topology(node);
      }
    }
    throw new IllegalStateException("no node of " + this + " answers");
  }

  private static ClusterTopology topology(RedisServer node) {
    return ClusterTopology.parse(node.command("CLUSTER", "NODES"));
  }

  private static String role(RedisServer node) {
    return node.command("INFO", "replication");
  }

  private RedisServer server(int port) {
    return nodes.stream().filter(n -> n.port() == port).findFirst()
        .orElseThrow(() -> new IllegalStateException("port " + port + " is no node of " + this));
  }

  private static void expectOk(RedisServer node, String... command) {
    String reply = node.command(command);
    if (!"OK".equals(reply) && !"NOKEY".equals(reply)) {
      throw new IllegalStateException(String.join(" ", command) + " on " + node + " answered "
          + reply);
    }
  }

  private void requireManaged(String operation) {
    if (!managed) {
      throw new UnsupportedOperationException("cannot " + operation + " a node of the external"
          + " cluster " + this + " (use @RedisServerExtension.Dedicated, which is skipped when"
          + " REDIS_CLUSTER_URL is set)");
    }
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** Finds an executable on {@code PATH}, or says how to install it. */
  static Path findOnPath(String name) {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String entry : path.split(Pattern.quote(File.pathSeparator))) {
        if (!entry.isEmpty()) {
          Path candidate = Paths.get(entry, name);
          if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
            return candidate;
          }
        }
      }
    }
    throw new IllegalStateException(name + " was not found on PATH; install Redis (e.g."
        + " `apt-get install redis-server`, which brings redis-cli) or set REDIS_CLUSTER_URL");
  }
}
