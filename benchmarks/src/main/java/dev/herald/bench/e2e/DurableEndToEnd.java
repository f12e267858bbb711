package dev.herald.bench.e2e;

import dev.herald.bench.model.Orders;
import dev.herald.bench.results.DurableResults;
import dev.herald.bench.results.DurableResults.ContenderResult;
import dev.herald.bench.results.DurableResults.NotRun;
import dev.herald.bench.results.E2eResults.Cost;
import dev.herald.bench.results.E2eResults.LatencyRun;
import dev.herald.bench.results.Summary;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The durable harness (issue 12, point 7): starts a {@code redis-server} on a free port (no persistence, like the
 * other harnesses: the figures are the clients' and Redis's in-memory stream work, not the disk's), connects every
 * contender (a publisher appending {@code OrderCreated} JSON in the entry field {@code payload} and a consumer in
 * a consumer group that reads, decodes, handles and acknowledges, on its own stream keys), checks that each
 * handles, warms each up, then measures in rounds: messages handled per second end to end with the JVM and Redis
 * CPU per message, and latency at a fixed rate; after each run, whether every message was handled at least once
 * and what the contender's groups left pending. Each round runs the contenders in another order (rotated by one).
 *
 * <pre>
 * java -jar benchmarks.jar durable [--quick] [--out FILE] [--rate N] [--seconds S] [--latency-seconds S]
 *                                  [--warmup-seconds S] [--rounds N] [--window N] [--contenders a,b]
 *                                  [--redis-server PATH]
 * </pre>
 *
 * A contender that cannot be connected is reported and left out; the others still run. The Herald contender is
 * the class {@code dev.herald.bench.e2e.HeraldDurableContender}, found by name so that adding it is all it takes;
 * until it exists, Herald is reported as not run.
 */
public final class DurableEndToEnd {

    static final String HERALD_CLASS = "dev.herald.bench.e2e.HeraldDurableContender";

    private static final Map<String, DurableContender.Factory> CONTENDERS = new LinkedHashMap<>();

    static {
        CONTENDERS.put("herald", DurableEndToEnd::herald);
        CONTENDERS.put("lettuce", LettuceDurableContender::new);
        CONTENDERS.put("spring", SpringDurableContender::new);
        CONTENDERS.put("redisson", RedissonDurableContender::new);
        // diagnostic, not run by default: Lettuce by hand that never acknowledges, to see the pending check work
        CONTENDERS.put("lettuce-noack", (uri, prefix, sink) -> new LettuceDurableContender(uri, prefix, sink, false));
    }

    private static final List<String> DEFAULT_CONTENDERS = List.of("herald", "lettuce", "spring", "redisson");

    private DurableEndToEnd() {
    }

    /**
     * Runs the harness.
     *
     * @param args see the class description
     * @throws Exception when Redis cannot be started or the results cannot be written
     */
    public static void main(String[] args) throws Exception {
        DurableOptions options = DurableOptions.parse(args, CONTENDERS.keySet(), DEFAULT_CONTENDERS);
        String redisVersion = RedisServer.version(options.redisServer());
        System.out.printf(Locale.ROOT, "durable: %s, %d-byte JSON in field '%s', %d rounds, throughput runs %.1f s "
                        + "(window %,d), latency runs %.1f s at %,d msg/s%n",
                redisVersion, Orders.PAYLOAD_BYTES, DurableContender.FIELD, options.rounds(), options.seconds(),
                options.window(), options.latencySeconds(), options.rate());
        List<ContenderResult> results;
        List<NotRun> notRun = new ArrayList<>();
        try (RedisServer redis = RedisServer.start(options.redisServer());
                ProcessStats stats = new ProcessStats(redis.pid(), redis.uri());
                StreamInspector inspector = new StreamInspector(redis.uri())) {
            System.out.println("redis-server on port " + redis.port());
            results = runAll(redis.uri(), new DurableMeasurements(options.window(), stats, inspector), inspector,
                    options, notRun);
        }
        DurableResults durable = new DurableResults(redisVersion, options.quick(), options.rounds(), options.seconds(),
                options.latencySeconds(), options.rate(), options.window(), Orders.PAYLOAD_BYTES, results, notRun);
        options.write(durable);
        printSummary(durable);
    }

    private static DurableContender herald(String redisUri, String prefix, DurableSink sink) {
        Class<?> type;
        try {
            type = Class.forName(HERALD_CLASS);
        } catch (ClassNotFoundException e) {
            throw new UnsupportedOperationException("HeraldDurableContender is not written yet: it comes once "
                    + "Herald's durable runtime lands (issue 12)");
        }
        try {
            return (DurableContender) type.getDeclaredConstructor(String.class, String.class, DurableSink.class)
                    .newInstance(redisUri, prefix, sink);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ContenderResult> runAll(String redisUri, DurableMeasurements measurements,
            StreamInspector inspector, DurableOptions options, List<NotRun> notRun) {
        List<Entry> entries = new ArrayList<>();
        try {
            for (String id : options.contenders()) {
                String prefix = id + ":";
                DurableSink sink = new DurableSink();
                DurableContender contender;
                try {
                    contender = CONTENDERS.get(id).open(redisUri, prefix, sink);
                } catch (RuntimeException e) {
                    String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                    System.out.println("[" + id + "] NOT RUN: " + reason);
                    notRun.add(new NotRun(id, reason));
                    continue;
                }
                Entry entry = new Entry(new DurableMeasurements.Subject(contender, sink, prefix));
                entries.add(entry);
                System.out.println(entry.label() + " " + contender.description());
                measurements.handshake(entry.subject);
            }
            long warmup = RequestOptions.nanos(options.warmupSeconds());
            for (Entry entry : entries) {
                measurements.delivered(entry.subject, warmup);
                measurements.latency(entry.subject, options.rate(), warmup / 2);
                System.out.println(entry.label() + " warmed up");
            }
            for (int round = 0; round < options.rounds(); round++) {
                for (int i = 0; i < entries.size(); i++) {
                    entries.get((i + round) % entries.size()).measure(measurements, options, round + 1);
                }
            }
            for (Entry entry : entries) {
                entry.last = inspector.state(entry.subject.prefix);
                System.out.printf(Locale.ROOT, "%s after the run: %d streams, %d groups, %d pending, lag %d%n",
                        entry.label(), entry.last.streams(), entry.last.groups(), entry.last.pending(),
                        entry.last.lag());
            }
        } finally {
            for (Entry entry : entries) {
                entry.subject.contender.close();
            }
        }
        return entries.stream().map(Entry::result).toList();
    }

    /** One contender and what was measured of it so far. */
    private static final class Entry {
        private final DurableMeasurements.Subject subject;
        private final List<Double> delivered = new ArrayList<>();
        private final List<Cost> cost = new ArrayList<>();
        private final List<LatencyRun> latency = new ArrayList<>();
        private final List<Long> pendingAfterRuns = new ArrayList<>();
        private long appended;
        private long missing;
        private long duplicates;
        private StreamInspector.State last;

        Entry(DurableMeasurements.Subject subject) {
            this.subject = subject;
        }

        String label() {
            return "[" + subject.contender.name() + "]";
        }

        void measure(DurableMeasurements measurements, DurableOptions options, int round) {
            String run = label() + " " + round + "/" + options.rounds();
            System.gc();
            DurableMeasurements.ThroughputRun throughput =
                    measurements.delivered(subject, RequestOptions.nanos(options.seconds()));
            delivered.add(throughput.rate());
            cost.add(throughput.cost());
            appended += throughput.appended();
            missing += throughput.missing();
            duplicates += throughput.duplicates();
            System.out.printf(Locale.ROOT, "%s delivered %,9.0f msg/s handled (appended %d, never handled %d, twice %d; "
                            + "pending after %d)  [per message: JVM %.1f µs CPU, Redis %.1f µs CPU, %.2f context "
                            + "switches; %.1f commands per Redis read]%n",
                    run, throughput.rate(), throughput.appended(), throughput.missing(), throughput.duplicates(),
                    throughput.settled().pending(), throughput.cost().jvmCpuMicros(), throughput.cost().redisCpuMicros(),
                    throughput.cost().contextSwitches(), throughput.cost().commandsPerRead());

            System.gc();
            DurableMeasurements.LatencyResult result =
                    measurements.latency(subject, options.rate(), RequestOptions.nanos(options.latencySeconds()));
            LatencyRun lat = result.run();
            latency.add(lat);
            appended += lat.messages();
            missing += lat.lost();
            duplicates += result.duplicates();
            pendingAfterRuns.add(result.settled().pending());
            System.out.printf(Locale.ROOT, "%s latency   p50 %,.0f µs  p99 %,.0f µs  p99.9 %,.0f µs  max %,.0f µs "
                            + "at %,.0f msg/s (never handled %d, twice %d; pending after %d)%n",
                    run, lat.p50Micros(), lat.p99Micros(), lat.p999Micros(), lat.maxMicros(), lat.achievedRate(),
                    lat.lost(), result.duplicates(), result.settled().pending());
        }

        ContenderResult result() {
            return new ContenderResult(subject.contender.name(), subject.contender.description(), delivered, cost,
                    latency, appended, missing, duplicates, pendingAfterRuns, last == null ? -1 : last.pending(),
                    last == null ? -1 : last.lag(), subject.contender.errors());
        }
    }

    private static void printSummary(DurableResults results) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-24s %30s %9s %9s %11s %9s %8s %8s%n",
                "contender", "delivered msg/s", "p50 µs", "p99 µs", "JVM µs/msg", "missing", "twice", "pending");
        for (ContenderResult c : results.contenders()) {
            Summary rate = Summary.of(c.deliveredRates());
            Summary p50 = Summary.of(c.latency().stream().map(LatencyRun::p50Micros).toList());
            Summary p99 = Summary.of(c.latency().stream().map(LatencyRun::p99Micros).toList());
            List<Double> cpu = c.cost().stream().map(Cost::jvmCpuMicros).filter(v -> !v.isNaN()).toList();
            System.out.printf(Locale.ROOT, "%-24s %,12.0f (%,.0f–%,.0f) %9.0f %9.0f %11.1f %9d %8d %8d%s%n",
                    c.name(), rate.median(), rate.min(), rate.max(), p50.median(), p99.median(),
                    cpu.isEmpty() ? Double.NaN : Summary.of(cpu).median(), c.missing(), c.duplicates(), c.pending(),
                    c.errors().isEmpty() ? "" : "  " + c.errors());
        }
        for (NotRun n : results.notRun()) {
            System.out.println(n.contender() + ": not run (" + n.reason() + ")");
        }
    }
}
