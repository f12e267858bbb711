package dev.herald.bench.e2e;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.herald.bench.model.Orders;
import dev.herald.bench.results.ClusterResults;
import dev.herald.bench.results.E2eResults;
import dev.herald.bench.results.E2eResults.ContenderResult;
import dev.herald.bench.results.E2eResults.LatencyRun;
import dev.herald.bench.results.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end-to-end harness on a Redis Cluster: starts a local cluster of three masters with one replica each
 * ({@link LocalCluster}), connects every contender (each on its own channels), warms each up, then measures
 * delivered throughput (publisher → cluster → subscriber decoding the JSON into the record), latency at a fixed
 * rate, and what each delivered message cost: the JVM's CPU time and the CPU time of all six nodes together
 * ({@code INFO cpu}), which shows classic {@code PUBLISH}'s copy of every message to every node. The
 * repetitions go round-robin over the contenders, as in {@link EndToEnd}, with the same {@link Measurements}.
 *
 * <pre>
 * java -jar benchmarks.jar cluster [--quick] [--out FILE] [--rate N] [--seconds S] [--latency-seconds S]
 *                                  [--warmup-seconds S] [--repetitions N] [--window N] [--contenders a,b]
 *                                  [--redis-server PATH] [--redis-cli PATH]
 * </pre>
 */
public final class ClusterEndToEnd {

    /** Connects a contender to the cluster. */
    @FunctionalInterface
    private interface Factory {
        Contender open(LocalCluster cluster, String prefix, Sink sink);
    }

    private static final Map<String, Factory> CONTENDERS = new LinkedHashMap<>();

    static {
        CONTENDERS.put("lettuce-sharded", (cluster, prefix, sink) -> new LettuceClusterContender(cluster.seeds(), prefix, sink, true));
        CONTENDERS.put("herald-sharded", (cluster, prefix, sink) -> HeraldContender.sharded(cluster.seeds(), prefix, sink));
        CONTENDERS.put("herald-classic", (cluster, prefix, sink) -> {
            List<String> masters = cluster.masters();
            return HeraldContender.classic(masters.get(0), masters.get(1), prefix, sink);
        });
        CONTENDERS.put("redisson-sharded", (cluster, prefix, sink) -> new RedissonShardedContender(cluster.seeds(), prefix, sink));
        // diagnostic, not run by default: raw batched Lettuce with classic PUBLISH / SUBSCRIBE through the cluster client
        CONTENDERS.put("lettuce-classic", (cluster, prefix, sink) -> new LettuceClusterContender(cluster.seeds(), prefix, sink, false));
    }

    private static final List<String> DEFAULT_CONTENDERS =
            List.of("lettuce-sharded", "herald-sharded", "herald-classic", "redisson-sharded");

    private ClusterEndToEnd() {
    }

    /** The harness's settings. */
    private record Options(boolean quick, Path out, int rate, double seconds, double latencySeconds,
            double warmupSeconds, int repetitions, int window, List<String> contenders, String redisServer,
            String redisCli) {

        static Options parse(String[] args) {
            boolean quick = List.of(args).contains("--quick");
            Path out = Path.of("benchmarks/target/results/cluster.json");
            int rate = 20_000;
            double seconds = quick ? 0.5 : 2;
            double latencySeconds = quick ? 0.5 : 2;
            double warmupSeconds = quick ? 0.5 : 2;
            int repetitions = 3;
            int window = 5_000;
            List<String> contenders = DEFAULT_CONTENDERS;
            String redisServer = "redis-server";
            String redisCli = "redis-cli";
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--quick" -> { }
                    case "--out" -> out = Path.of(args[++i]);
                    case "--rate" -> rate = Integer.parseInt(args[++i]);
                    case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                    case "--latency-seconds" -> latencySeconds = Double.parseDouble(args[++i]);
                    case "--warmup-seconds" -> warmupSeconds = Double.parseDouble(args[++i]);
                    case "--repetitions" -> repetitions = Integer.parseInt(args[++i]);
                    case "--window" -> window = Integer.parseInt(args[++i]);
                    case "--contenders" -> contenders = List.of(args[++i].split(","));
                    case "--redis-server" -> redisServer = args[++i];
                    case "--redis-cli" -> redisCli = args[++i];
                    case "--help" -> {
                        usage();
                        System.exit(0);
                    }
                    default -> {
                        System.err.println("unknown option: " + args[i]);
                        usage();
                        System.exit(2);
                    }
                }
            }
            for (String name : contenders) {
                if (!CONTENDERS.containsKey(name)) {
                    throw new IllegalArgumentException("unknown contender " + name + "; known: " + CONTENDERS.keySet());
                }
            }
            return new Options(quick, out, rate, seconds, latencySeconds, warmupSeconds, repetitions, window,
                    contenders, redisServer, redisCli);
        }

        static void usage() {
            System.err.println("usage: java -jar benchmarks.jar cluster [options]");
            System.err.println("  --quick                 short runs (0.5 s each) for a smoke test");
            System.err.println("  --out FILE              result JSON (default benchmarks/target/results/cluster.json)");
            System.err.println("  --rate N                fixed rate of the latency runs, msg/s (default 20000)");
            System.err.println("  --seconds S             length of each delivered-throughput run (default 2)");
            System.err.println("  --latency-seconds S     length of each fixed-rate run (default 2)");
            System.err.println("  --warmup-seconds S      warm-up per contender (default 2)");
            System.err.println("  --repetitions N         repetitions of each measurement (default 3)");
            System.err.println("  --window N              delivered-throughput messages in flight (default 5000)");
            System.err.println("  --contenders a,b        any of " + CONTENDERS.keySet() + " (default " + DEFAULT_CONTENDERS + ")");
            System.err.println("  --redis-server PATH     the redis-server to start (default: from PATH)");
            System.err.println("  --redis-cli PATH        the redis-cli that creates the cluster (default: from PATH)");
        }

        long nanos(double secondsValue) {
            return (long) (secondsValue * 1e9);
        }
    }

    /**
     * Runs the harness.
     *
     * @param args see the class description
     * @throws Exception when the cluster cannot be started or a contender cannot connect
     */
    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        String redisVersion = RedisServer.version(options.redisServer());
        System.out.printf(Locale.ROOT, "cluster: %s, 3 masters + 3 replicas, %d-byte JSON, %d repetitions, "
                        + "delivered runs %.1f s, latency runs %.1f s at %,d msg/s, window %,d%n",
                redisVersion, Orders.PAYLOAD_BYTES, options.repetitions(), options.seconds(),
                options.latencySeconds(), options.rate(), options.window());
        List<ContenderResult> results;
        long started = System.nanoTime();
        try (LocalCluster cluster = LocalCluster.start(options.redisServer(), options.redisCli());
                ProcessStats stats = new ProcessStats(cluster::cpuNanos)) {
            System.out.printf(Locale.ROOT, "cluster ready in %.1f s: %s%n", (System.nanoTime() - started) / 1e9, cluster.seeds());
            results = runAll(cluster, new Measurements(options.window(), stats), options);
        }
        ClusterResults cluster = new ClusterResults(redisVersion, "3 masters + 3 replicas", options.quick(),
                options.repetitions(), options.seconds(), options.latencySeconds(), options.rate(), options.window(),
                Orders.PAYLOAD_BYTES, results);
        Path parent = options.out().toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(options.out().toFile(), cluster);
        System.out.println("wrote " + options.out());
        printSummary(results);
    }

    private static List<ContenderResult> runAll(LocalCluster cluster, Measurements measurements, Options options)
            throws IOException {
        List<Entry> entries = new ArrayList<>();
        try {
            for (String id : options.contenders()) {
                Sink sink = new Sink();
                Contender contender = CONTENDERS.get(id).open(cluster, id + ":", sink);
                Entry entry = new Entry(contender, sink);
                entries.add(entry);
                System.out.println(entry.label() + " " + contender.description());
                measurements.handshake(contender, sink);
            }
            long warmup = options.nanos(options.warmupSeconds());
            for (Entry entry : entries) {
                measurements.delivered(entry.contender, entry.sink, warmup);
                measurements.latency(entry.contender, entry.sink, options.rate(), warmup / 2);
                System.out.println(entry.label() + " warmed up");
            }
            for (int rep = 1; rep <= options.repetitions(); rep++) {
                for (Entry entry : entries) {
                    entry.measure(measurements, options, rep);
                }
            }
        } finally {
            for (Entry entry : entries) {
                entry.contender.close();
            }
        }
        return entries.stream().map(Entry::result).toList();
    }

    /** One contender and what was measured of it so far. */
    private static final class Entry {
        private final Contender contender;
        private final Sink sink;
        private final List<Double> deliveredRates = new ArrayList<>();
        private final List<LatencyRun> latency = new ArrayList<>();
        private final List<E2eResults.Cost> deliveredCost = new ArrayList<>();
        private long deliveredLost;

        Entry(Contender contender, Sink sink) {
            this.contender = contender;
            this.sink = sink;
        }

        String label() {
            return "[" + contender.name() + "]";
        }

        void measure(Measurements measurements, Options options, int rep) {
            String run = label() + " " + rep + "/" + options.repetitions();
            System.gc();
            long before = sink.delivered().get();
            Measurements.DeliveredRun delivered = measurements.delivered(contender, sink, options.nanos(options.seconds()));
            deliveredRates.add(delivered.rate());
            deliveredLost += delivered.lost();
            deliveredCost.add(delivered.cost());
            System.out.printf(Locale.ROOT, "%s delivered %,10.0f msg/s decoded (lost %d, %,d decoded)  [per message: "
                            + "JVM %.1f µs CPU, Redis %.1f µs CPU over all six nodes, %.2f context switches]%n",
                    run, delivered.rate(), delivered.lost(), sink.delivered().get() - before,
                    delivered.cost().jvmCpuMicros(), delivered.cost().redisCpuMicros(), delivered.cost().contextSwitches());

            System.gc();
            LatencyRun lat = measurements.latency(contender, sink, options.rate(), options.nanos(options.latencySeconds()));
            latency.add(lat);
            System.out.printf(Locale.ROOT, "%s latency   p50 %,.0f µs  p99 %,.0f µs  p99.9 %,.0f µs  max %,.0f µs "
                            + "at %,.0f msg/s (lost %d)%n",
                    run, lat.p50Micros(), lat.p99Micros(), lat.p999Micros(), lat.maxMicros(), lat.achievedRate(), lat.lost());
        }

        ContenderResult result() {
            String errors = contender instanceof HeraldContender herald ? herald.errorSummary() : "";
            return new ContenderResult(contender.name(), contender.description(), List.of(), deliveredRates, latency,
                    0, 0, deliveredLost, errors, List.of(), deliveredCost);
        }
    }

    private static void printSummary(List<ContenderResult> results) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-18s %26s %10s %10s %16s %6s%n",
                "contender", "delivered msg/s", "p50 µs", "p99 µs", "Redis µs/msg", "lost");
        for (ContenderResult c : results) {
            Summary delivered = Summary.of(c.deliveredRates());
            Summary p50 = Summary.of(c.latency().stream().map(LatencyRun::p50Micros).toList());
            Summary p99 = Summary.of(c.latency().stream().map(LatencyRun::p99Micros).toList());
            Summary redis = Summary.of(c.deliveredCost().stream().map(E2eResults.Cost::redisCpuMicros).toList());
            long lost = c.deliveredLost() + c.latency().stream().mapToLong(LatencyRun::lost).sum();
            System.out.printf(Locale.ROOT, "%-18s %,12.0f (%,.0f–%,.0f) %10.0f %10.0f %16.1f %6d%n",
                    c.name(), delivered.median(), delivered.min(), delivered.max(), p50.median(), p99.median(),
                    redis.median(), lost);
        }
    }
}
