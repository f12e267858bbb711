package dev.herald.bench.e2e;

import dev.herald.bench.model.Quotes;
import dev.herald.bench.results.E2eResults.Cost;
import dev.herald.bench.results.E2eResults.LatencyRun;
import dev.herald.bench.results.RequestResults;
import dev.herald.bench.results.RequestResults.ContenderResult;
import dev.herald.bench.results.RequestResults.NotRun;
import dev.herald.bench.results.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request-reply harness (issue 13): starts a {@code redis-server} on a free port, connects every contender (a
 * requester and a responder each, on its own channels or keys), checks that each answers right, warms each up,
 * then measures in rounds: round trips per second in a closed loop with a fixed number of requests in flight, the
 * cost per round trip (JVM and Redis CPU time), and latency at a fixed rate in an open loop, timed from each
 * request's scheduled send time. Each round runs the contenders in another order (rotated by one), so that drift
 * in the machine's load and the JIT's state falls on all of them alike.
 *
 * <pre>
 * java -jar benchmarks.jar requests [--quick] [--out FILE] [--rate N] [--seconds S] [--latency-seconds S]
 *                                   [--warmup-seconds S] [--rounds N] [--in-flight N] [--contenders a,b]
 *                                   [--redis-server PATH]
 * </pre>
 *
 * A contender that cannot be connected (a library that refuses, or a request-reply not built yet) is reported and
 * left out; the others still run.
 */
public final class RequestsEndToEnd {

    /** The workers of the diagnostic Redisson contender that serves requests concurrently. */
    private static final int REDISSON_WORKERS = 16;

    private static final Map<String, RequestContender.Factory> CONTENDERS = new LinkedHashMap<>();

    static {
        CONTENDERS.put("herald", HeraldRequestContender::new);
        CONTENDERS.put("lettuce", LettuceRequestContender::new);
        CONTENDERS.put("redisson", (uri, prefix) -> new RedissonRequestContender(uri, prefix, 1));
        // diagnostic, not run by default: RRemoteService with workers serving requests concurrently
        CONTENDERS.put("redisson-workers", (uri, prefix) -> new RedissonRequestContender(uri, prefix, REDISSON_WORKERS));
    }

    private static final List<String> DEFAULT_CONTENDERS = List.of("herald", "lettuce", "redisson");

    private RequestsEndToEnd() {
    }

    /**
     * Runs the harness.
     *
     * @param args see the class description
     * @throws Exception when Redis cannot be started or the results cannot be written
     */
    public static void main(String[] args) throws Exception {
        RequestOptions options = RequestOptions.parse(args, CONTENDERS.keySet(), DEFAULT_CONTENDERS);
        String redisVersion = RedisServer.version(options.redisServer());
        System.out.printf(Locale.ROOT, "request-reply: %s, %d-byte request, %d-byte reply, %d rounds, closed loop of %d "
                        + "in flight for %.1f s, latency runs %.1f s at %,d req/s%n",
                redisVersion, Quotes.REQUEST_BYTES, Quotes.REPLY_BYTES, options.rounds(), options.inFlight(),
                options.seconds(), options.latencySeconds(), options.rate());
        List<ContenderResult> results;
        List<NotRun> notRun = new ArrayList<>();
        try (RedisServer redis = RedisServer.start(options.redisServer());
                ProcessStats stats = new ProcessStats(redis.pid(), redis.uri())) {
            System.out.println("redis-server on port " + redis.port());
            results = runAll(redis.uri(), new RequestMeasurements(options.inFlight(), stats), options, notRun);
        }
        RequestResults requests = new RequestResults(redisVersion, options.quick(), options.rounds(), options.seconds(),
                options.latencySeconds(), options.inFlight(), options.rate(), Quotes.REQUEST_BYTES, Quotes.REPLY_BYTES,
                results, notRun);
        options.write(requests);
        printSummary(requests);
    }

    private static List<ContenderResult> runAll(String redisUri, RequestMeasurements measurements,
            RequestOptions options, List<NotRun> notRun) {
        List<Entry> entries = new ArrayList<>();
        try {
            for (String id : options.contenders()) {
                RequestContender contender;
                try {
                    contender = CONTENDERS.get(id).open(redisUri, id + ":");
                } catch (RuntimeException e) {
                    String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                    System.out.println("[" + id + "] NOT RUN: " + reason);
                    notRun.add(new NotRun(id, reason));
                    continue;
                }
                Entry entry = new Entry(contender);
                entries.add(entry);
                System.out.println(entry.label() + " " + contender.description());
                measurements.handshake(contender);
            }
            long warmup = RequestOptions.nanos(options.warmupSeconds());
            for (Entry entry : entries) {
                measurements.roundTrips(entry.contender, warmup);
                measurements.latency(entry.contender, options.rate(), warmup / 2);
                System.out.println(entry.label() + " warmed up");
            }
            for (int round = 0; round < options.rounds(); round++) {
                for (int i = 0; i < entries.size(); i++) {
                    entries.get((i + round) % entries.size()).measure(measurements, options, round + 1);
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
        private final RequestContender contender;
        private final List<Double> roundTrips = new ArrayList<>();
        private final List<Cost> cost = new ArrayList<>();
        private final List<LatencyRun> latency = new ArrayList<>();
        private long failed;

        Entry(RequestContender contender) {
            this.contender = contender;
        }

        String label() {
            return "[" + contender.name() + "]";
        }

        void measure(RequestMeasurements measurements, RequestOptions options, int round) {
            String run = label() + " " + round + "/" + options.rounds();
            System.gc();
            RequestMeasurements.ThroughputRun throughput =
                    measurements.roundTrips(contender, RequestOptions.nanos(options.seconds()));
            roundTrips.add(throughput.rate());
            cost.add(throughput.cost());
            failed += throughput.failed();
            System.out.printf(Locale.ROOT, "%s closed loop %,9.0f round trips/s (failed %d)  [per round trip: JVM %.1f µs "
                            + "CPU, Redis %.1f µs CPU, %.2f context switches; %.1f commands per Redis read]%n",
                    run, throughput.rate(), throughput.failed(), throughput.cost().jvmCpuMicros(),
                    throughput.cost().redisCpuMicros(), throughput.cost().contextSwitches(),
                    throughput.cost().commandsPerRead());

            System.gc();
            LatencyRun lat = measurements.latency(contender, options.rate(), RequestOptions.nanos(options.latencySeconds()));
            latency.add(lat);
            System.out.printf(Locale.ROOT, "%s latency     p50 %,.0f µs  p99 %,.0f µs  p99.9 %,.0f µs  max %,.0f µs "
                            + "at %,.0f req/s (unanswered %d)%n",
                    run, lat.p50Micros(), lat.p99Micros(), lat.p999Micros(), lat.maxMicros(), lat.achievedRate(), lat.lost());
        }

        ContenderResult result() {
            return new ContenderResult(contender.name(), contender.description(), roundTrips, cost, latency, failed,
                    contender.errors());
        }
    }

    private static void printSummary(RequestResults results) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-22s %28s %10s %10s %12s %8s%n",
                "contender", "round trips/s", "p50 µs", "p99 µs", "JVM µs/rt", "failed");
        for (ContenderResult c : results.contenders()) {
            Summary rate = Summary.of(c.roundTrips());
            Summary p50 = Summary.of(c.latency().stream().map(LatencyRun::p50Micros).toList());
            Summary p99 = Summary.of(c.latency().stream().map(LatencyRun::p99Micros).toList());
            List<Double> cpu = c.cost().stream().map(Cost::jvmCpuMicros).filter(v -> !v.isNaN()).toList();
            long failed = c.failed() + c.latency().stream().mapToLong(LatencyRun::lost).sum();
            System.out.printf(Locale.ROOT, "%-22s %,12.0f (%,.0f–%,.0f) %10.0f %10.0f %12.1f %8d%s%n",
                    c.name(), rate.median(), rate.min(), rate.max(), p50.median(), p99.median(),
                    cpu.isEmpty() ? Double.NaN : Summary.of(cpu).median(), failed,
                    c.errors().isEmpty() ? "" : "  " + c.errors());
        }
        for (NotRun n : results.notRun()) {
            System.out.println(n.contender() + ": not run (" + n.reason() + ")");
        }
    }
}
