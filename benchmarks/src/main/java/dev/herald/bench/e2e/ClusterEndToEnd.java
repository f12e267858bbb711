package dev.herald.bench.e2e;

import dev.herald.bench.model.Orders;
import dev.herald.bench.results.ClusterResults;
import dev.herald.bench.results.E2eResults;
import dev.herald.bench.results.E2eResults.ContenderResult;
import dev.herald.bench.results.E2eResults.LatencyRun;
import dev.herald.bench.results.Summary;
import java.io.IOException;
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
        CONTENDERS.put("redisson-sharded", (cluster, prefix, sink) -> RedissonContender.sharded(cluster.seeds(), prefix, sink));
        // diagnostic, not run by default: raw batched Lettuce with classic PUBLISH / SUBSCRIBE through the cluster client
        CONTENDERS.put("lettuce-classic", (cluster, prefix, sink) -> new LettuceClusterContender(cluster.seeds(), prefix, sink, false));
    }

    private static final List<String> DEFAULT_CONTENDERS =
            List.of("lettuce-sharded", "herald-sharded", "herald-classic", "redisson-sharded");

    private ClusterEndToEnd() {
    }

    /**
     * Runs the harness.
     *
     * @param args see the class description
     * @throws Exception when the cluster cannot be started or a contender cannot connect
     */
    public static void main(String[] args) throws Exception {
        HarnessOptions options =
                HarnessOptions.parse(args, HarnessOptions.Harness.CLUSTER, CONTENDERS.keySet(), DEFAULT_CONTENDERS);
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
        options.write(cluster);
        printSummary(results);
    }

    private static List<ContenderResult> runAll(LocalCluster cluster, Measurements measurements, HarnessOptions options)
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

        void measure(Measurements measurements, HarnessOptions options, int rep) {
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
