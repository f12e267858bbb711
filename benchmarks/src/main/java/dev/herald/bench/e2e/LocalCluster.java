package dev.herald.bench.e2e;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * A throw-away Redis Cluster of three masters with one replica each, on loopback: six {@code redis-server
 * --cluster-enabled yes} on free ports (each port's cluster bus port, port + 10000, free too), joined by
 * {@code redis-cli --cluster create ... --cluster-replicas 1 --cluster-yes}, ready once every node reports
 * {@code cluster_state:ok}, knows all six nodes and every slot, and every replica's link to its master is up.
 * The nodes run like the single benchmark server: no persistence, no pub/sub output-buffer limit. It also
 * reads the CPU time all six nodes used ({@code INFO cpu}), for the bus amplification of classic
 * {@code PUBLISH}. Adapted from the runtime's test {@code RedisCluster}.
 */
final class LocalCluster implements AutoCloseable {

    private static final int NODES = 6;
    private static final long READY_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final List<RedisServer> nodes;
    private final Path directory;
    private final RedisClient client;
    private final List<StatefulRedisConnection<String, String>> connections = new ArrayList<>();

    private LocalCluster(List<RedisServer> nodes, Path directory) {
        this.nodes = nodes;
        this.directory = directory;
        this.client = RedisClient.create();
        for (RedisServer node : nodes) {
            connections.add(client.connect(RedisURI.create(node.uri())));
        }
    }

    /**
     * Starts the six nodes, creates the cluster and waits until it is ready.
     *
     * @param redisServer the {@code redis-server} to run
     * @param redisCli the {@code redis-cli} that creates the cluster
     * @return the ready cluster
     * @throws IOException when a node does not start, {@code redis-cli} fails, or the cluster is not ready in 60 s
     */
    static LocalCluster start(String redisServer, String redisCli) throws IOException {
        Path directory = Files.createTempDirectory("herald-bench-cluster-");
        List<RedisServer> started = new ArrayList<>();
        LocalCluster cluster = null;
        try {
            for (int port : freePortsWithBusPorts(NODES)) {
                started.add(RedisServer.start(redisServer, port, List.of(
                        "--cluster-enabled", "yes",
                        "--cluster-config-file", directory.resolve("nodes-" + port + ".conf").toString(),
                        "--cluster-node-timeout", "5000",
                        "--dir", directory.toString(),
                        "--repl-diskless-sync-delay", "0")));
            }
            create(redisCli, started);
            cluster = new LocalCluster(started, directory);
            cluster.awaitReady();
            return cluster;
        } catch (IOException | RuntimeException e) {
            if (cluster != null) {
                cluster.close();
            } else {
                started.forEach(RedisServer::close);
                deleteQuietly(directory);
            }
            throw e;
        }
    }

    private static void create(String redisCli, List<RedisServer> nodes) throws IOException {
        List<String> command = new ArrayList<>(List.of(redisCli, "--cluster", "create"));
        nodes.forEach(node -> command.add("127.0.0.1:" + node.port()));
        command.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while creating the cluster", e);
        }
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + READY_NANOS;
        String last = "";
        while (System.nanoTime() < deadline) {
            last = notReady();
            if (last.isEmpty()) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        throw new IOException("the cluster was not ready within 60 s: " + last);
    }

    /** @return why the cluster is not ready yet, or empty when it is */
    private String notReady() {
        for (int i = 0; i < NODES; i++) {
            String info = connections.get(i).sync().clusterInfo();
            if (!info.contains("cluster_state:ok") || !info.contains("cluster_known_nodes:" + NODES)
                    || !info.contains("cluster_slots_ok:16384")) {
                return nodes.get(i).port() + ": " + info.lines().filter(l -> l.startsWith("cluster_state")
                        || l.startsWith("cluster_known_nodes") || l.startsWith("cluster_slots_ok")).toList();
            }
            String replication = connections.get(i).sync().info("replication");
            if (replication.contains("role:slave") && !replication.contains("master_link_status:up")) {
                return nodes.get(i).port() + ": replica link not up yet";
            }
        }
        return "";
    }

    /** @return the nodes' URIs, comma-separated, as {@code REDIS_CLUSTER_URL} holds them */
    String seeds() {
        return String.join(",", nodes.stream().map(RedisServer::uri).toList());
    }

    /** @return the URIs of the nodes that are masters, in port order */
    List<String> masters() {
        List<String> masters = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            if (connections.get(i).sync().info("replication").contains("role:master")) {
                masters.add(nodes.get(i).uri());
            }
        }
        return masters;
    }

    /** @return the CPU time all six nodes used so far ({@code used_cpu_sys + used_cpu_user}), in nanoseconds */
    long cpuNanos() {
        double seconds = 0;
        for (StatefulRedisConnection<String, String> connection : connections) {
            for (String line : connection.sync().info("cpu").split("\\r?\\n")) {
                if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
                    seconds += Double.parseDouble(line.substring(line.indexOf(':') + 1).strip());
                }
            }
        }
        return (long) (seconds * 1e9);
    }

    /** Closes the connections, stops the six nodes and deletes their files. */
    @Override
    public void close() {
        connections.forEach(StatefulRedisConnection::close);
        client.shutdown(0, 5, TimeUnit.SECONDS);
        nodes.forEach(RedisServer::close);
        deleteQuietly(directory);
    }

    /** Ports that are free and whose port + 10000 (the cluster bus) is free too. */
    private static List<Integer> freePortsWithBusPorts(int count) {
        List<Integer> ports = new ArrayList<>();
        while (ports.size() < count) {
            int port = RedisServer.freePort();
            if (port + 10_000 <= 65_535 && !ports.contains(port) && !ports.contains(port + 10_000)
                    && !ports.contains(port - 10_000) && isFree(port + 10_000)) {
                ports.add(port);
            }
        }
        return ports;
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }
}
