package dev.herald.bench.e2e;

import dev.herald.bench.model.Orders;
import dev.herald.bench.results.E2eResults;
import dev.herald.bench.results.E2eResults.ContenderResult;
import dev.herald.bench.results.E2eResults.LatencyRun;
import dev.herald.bench.results.E2eResults.ReferenceResult;
import dev.herald.bench.results.Summary;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end-to-end harness: starts a {@code redis-server} on a free port, connects every contender (each
 * on its own channels), warms each up, then measures publish throughput (acknowledged PUBLISHes per
 * second), delivered throughput (publisher → Redis → subscriber decoding the JSON into the record) and
 * latency at a fixed rate, counting lost messages; the repetitions go round-robin over the contenders. Every contender sends the same {@value Orders#PAYLOAD_BYTES}-byte
 * JSON. Finishes with {@code redis-benchmark}'s pipelined PUBLISH as a reference, stops the server and
 * writes the results as JSON.
 *
 * <pre>
 * java -jar benchmarks.jar e2e [--quick] [--out FILE] [--rate N] [--seconds S] [--latency-seconds S]
 *                              [--warmup-seconds S] [--repetitions N] [--window N] [--contenders a,b]
 *                              [--redis-server PATH] [--no-redis-benchmark]
 * </pre>
 */
public final class EndToEnd {

    private static final Map<String, Contender.Factory> CONTENDERS = new LinkedHashMap<>();

    static {
        CONTENDERS.put("lettuce-autoflush", (uri, prefix, sink) -> new LettuceContender(uri, prefix, sink, false, false));
        CONTENDERS.put("lettuce-batched", (uri, prefix, sink) -> new LettuceContender(uri, prefix, sink, true, false));
        CONTENDERS.put("herald", HeraldContender::new);
        CONTENDERS.put("herald-metered", HeraldContender::metered);
        CONTENDERS.put("herald-observed", HeraldContender::observed);
        CONTENDERS.put("redisson", RedissonContender::new);
        CONTENDERS.put("spring", SpringContender::new);
        // diagnostic, not run by default: raw batched Lettuce with the client options Herald's transport sets
        CONTENDERS.put("lettuce-herald-options", (uri, prefix, sink) -> new LettuceContender(uri, prefix, sink, true, true));
    }

    private static final List<String> DEFAULT_CONTENDERS =
            List.of("lettuce-autoflush", "lettuce-batched", "herald", "herald-metered", "herald-observed", "redisson", "spring");

    private EndToEnd() {
    }

    /**
     * Runs the harness.
     *
     * @param args see the class description
     * @throws Exception when Redis cannot be started or a contender cannot connect
     */
    public static void main(String[] args) throws Exception {
        HarnessOptions options =
                HarnessOptions.parse(args, HarnessOptions.Harness.E2E, CONTENDERS.keySet(), DEFAULT_CONTENDERS);
        String redisVersion = RedisServer.version(options.redisServer());
        System.out.printf(Locale.ROOT, "end to end: %s, %d-byte JSON, %d repetitions, throughput runs %.1f s, "
                        + "latency runs %.1f s at %,d msg/s, window %,d%n",
                redisVersion, Orders.PAYLOAD_BYTES, options.repetitions(), options.seconds(),
                options.latencySeconds(), options.rate(), options.window());
        List<ContenderResult> results;
        ReferenceResult reference = null;
        try (RedisServer redis = RedisServer.start(options.redisServer());
                CountingSubscriber counting = new CountingSubscriber(redis.uri());
                ProcessStats stats = new ProcessStats(redis.pid(), redis.uri())) {
            System.out.println("redis-server on port " + redis.port());
            results = runAll(redis.uri(), counting, new Measurements(options.window(), stats), options);
            if (options.redisBenchmark()) {
                reference = RedisBenchmark.run(redis.port(), counting, options);
            }
        }
        E2eResults e2e = new E2eResults(redisVersion, options.quick(), options.repetitions(), options.seconds(),
                options.latencySeconds(), options.rate(), options.window(), Orders.PAYLOAD_BYTES, results, reference);
        options.write(e2e);
        printSummary(e2e);
    }

    /**
     * Connects every contender, warms each up, then runs the repetitions round-robin: repetition 1 of
     * every contender, then repetition 2, and so on, so that drift in the machine's load and in the
     * JIT's state falls on all of them alike.
     */
    private static List<ContenderResult> runAll(String redisUri, CountingSubscriber counting,
            Measurements measurements, HarnessOptions options) {
        List<Entry> entries = new ArrayList<>();
        try {
            for (String id : options.contenders()) {
                String prefix = id + ":";
                Sink sink = new Sink();
                Contender contender = CONTENDERS.get(id).open(redisUri, prefix, sink);
                entries.add(new Entry(contender, sink));
                counting.subscribe(prefix + Orders.CONFIRMED_CHANNEL);
                System.out.println(entries.get(entries.size() - 1).label() + " " + contender.description());
                measurements.handshake(contender, sink);
            }
            long warmup = options.nanos(options.warmupSeconds());
            for (Entry entry : entries) {
                measurements.delivered(entry.contender(), entry.sink(), warmup);
                measurements.publish(entry.contender(), counting.counter(), warmup / 2);
                measurements.latency(entry.contender(), entry.sink(), options.rate(), warmup / 2);
                System.out.println(entry.label() + " warmed up");
            }
            for (int rep = 1; rep <= options.repetitions(); rep++) {
                for (Entry entry : entries) {
                    entry.measure(measurements, counting, options, rep);
                }
            }
        } finally {
            for (Entry entry : entries) {
                entry.contender().close();
            }
        }
        List<ContenderResult> results = new ArrayList<>();
        for (Entry entry : entries) {
            results.add(entry.result());
        }
        return results;
    }

    /** One contender and what was measured of it so far. */
    private static final class Entry {
        private final Contender contender;
        private final Sink sink;
        private final List<Double> publishRates = new ArrayList<>();
        private final List<Double> deliveredRates = new ArrayList<>();
        private final List<LatencyRun> latency = new ArrayList<>();
        private final List<E2eResults.Cost> publishCost = new ArrayList<>();
        private final List<E2eResults.Cost> deliveredCost = new ArrayList<>();
        private long publishLost;
        private long publishFailed;
        private long deliveredLost;

        Entry(Contender contender, Sink sink) {
            this.contender = contender;
            this.sink = sink;
        }

        Contender contender() {
            return contender;
        }

        Sink sink() {
            return sink;
        }

        String label() {
            return "[" + contender.name() + "]";
        }

        void measure(Measurements measurements, CountingSubscriber counting, HarnessOptions options, int rep) {
            String run = label() + " " + rep + "/" + options.repetitions();
            System.gc();
            Measurements.PublishRun publish = measurements.publish(contender, counting.counter(),
                    options.nanos(options.seconds()));
            publishRates.add(publish.rate());
            publishLost += publish.lost();
            publishFailed += publish.failed();
            publishCost.add(publish.cost());
            System.out.printf(Locale.ROOT, "%s publish   %,10.0f msg/s acknowledged (lost %d, failed %d)  %s%n",
                    run, publish.rate(), publish.lost(), publish.failed(), describe(publish.cost()));

            System.gc();
            Measurements.DeliveredRun delivered = measurements.delivered(contender, sink, options.nanos(options.seconds()));
            deliveredRates.add(delivered.rate());
            deliveredLost += delivered.lost();
            deliveredCost.add(delivered.cost());
            System.out.printf(Locale.ROOT, "%s delivered %,10.0f msg/s decoded (lost %d)  %s%n",
                    run, delivered.rate(), delivered.lost(), describe(delivered.cost()));

            System.gc();
            LatencyRun lat = measurements.latency(contender, sink, options.rate(), options.nanos(options.latencySeconds()));
            latency.add(lat);
            System.out.printf(Locale.ROOT, "%s latency   p50 %,.0f µs  p99 %,.0f µs  p99.9 %,.0f µs  max %,.0f µs "
                            + "at %,.0f msg/s (lost %d); a sleeping probe thread woke up to %,.0f µs late%n",
                    run, lat.p50Micros(), lat.p99Micros(), lat.p999Micros(), lat.maxMicros(), lat.achievedRate(), lat.lost(),
                    lat.stallMicros());
        }

        ContenderResult result() {
            String errors = contender instanceof HeraldContender herald ? herald.errorSummary() : "";
            return new ContenderResult(contender.name(), contender.description(), publishRates, deliveredRates,
                    latency, publishLost, publishFailed, deliveredLost, errors, publishCost, deliveredCost);
        }

        private static String describe(E2eResults.Cost cost) {
            return String.format(Locale.ROOT, "[per message: JVM %.1f µs CPU, Redis %.1f µs CPU, %.2f context switches; "
                            + "%.0f commands per Redis read]",
                    cost.jvmCpuMicros(), cost.redisCpuMicros(), cost.contextSwitches(), cost.commandsPerRead());
        }
    }

    private static void printSummary(E2eResults results) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-20s %24s %24s %14s %14s %6s%n",
                "contender", "publish msg/s", "delivered msg/s", "p50 µs", "p99 µs", "lost");
        for (ContenderResult c : results.contenders()) {
            Summary publish = Summary.of(c.publishRates());
            Summary delivered = Summary.of(c.deliveredRates());
            Summary p50 = Summary.of(c.latency().stream().map(LatencyRun::p50Micros).toList());
            Summary p99 = Summary.of(c.latency().stream().map(LatencyRun::p99Micros).toList());
            long lost = c.publishLost() + c.deliveredLost() + c.latency().stream().mapToLong(LatencyRun::lost).sum();
            System.out.printf(Locale.ROOT, "%-20s %,12.0f (%,.0f–%,.0f) %,12.0f (%,.0f–%,.0f) %14.0f %14.0f %6d%n",
                    c.name(), publish.median(), publish.min(), publish.max(), delivered.median(), delivered.min(),
                    delivered.max(), p50.median(), p99.median(), lost);
        }
    }

    /**
     * A raw Lettuce subscriber that only counts messages, without decoding: the one subscriber of the
     * publish-throughput runs, the same for every contender, subscribed to each contender's confirmed
     * channel.
     */
    static final class CountingSubscriber implements AutoCloseable {
        private final RedisClient client;
        private final StatefulRedisPubSubConnection<byte[], byte[]> connection;
        private final Counter counter = new Counter();

        CountingSubscriber(String redisUri) {
            client = RedisClient.create(RedisURI.create(redisUri));
            connection = client.connectPubSub(ByteArrayCodec.INSTANCE);
            connection.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(byte[] ch, byte[] message) {
                    counter.increment();
                }
            });
        }

        void subscribe(String channel) {
            connection.sync().subscribe(channel.getBytes(StandardCharsets.UTF_8));
        }

        Counter counter() {
            return counter;
        }

        @Override
        public void close() {
            connection.close();
            client.shutdown(0, 5, TimeUnit.SECONDS);
        }
    }

    /** {@code redis-benchmark}'s pipelined PUBLISH of the same payload, with the counting subscriber attached. */
    static final class RedisBenchmark {
        private static final Pattern RATE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) requests per second");

        private RedisBenchmark() {
        }

        private static final String CHANNEL = "redis-benchmark:" + Orders.CONFIRMED_CHANNEL;

        static ReferenceResult run(int port, CountingSubscriber counting, HarnessOptions options)
                throws IOException, InterruptedException {
            counting.subscribe(CHANNEL);
            String payload = new String(Orders.encode(Orders.order(0)), StandardCharsets.UTF_8);
            int requests = options.quick() ? 200_000 : 1_000_000;
            List<String> command = List.of("redis-benchmark", "-h", "127.0.0.1", "-p", Integer.toString(port),
                    "-c", "1", "-P", "1000", "-n", Integer.toString(requests), "-q",
                    "PUBLISH", CHANNEL, payload);
            List<Double> rates = new ArrayList<>();
            long lost = 0;
            for (int rep = 1; rep <= options.repetitions(); rep++) {
                long base = counting.counter().get();
                Process process;
                try {
                    process = new ProcessBuilder(command).redirectErrorStream(true).start();
                } catch (IOException e) {
                    System.out.println("[redis-benchmark] not run: " + e.getMessage());
                    return null;
                }
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    System.out.println("[redis-benchmark] failed: " + output);
                    return null;
                }
                Matcher matcher = RATE.matcher(output);
                double rate = Double.NaN;
                while (matcher.find()) {
                    rate = Double.parseDouble(matcher.group(1));
                }
                counting.counter().awaitAtLeast(base + requests, TimeUnit.SECONDS.toNanos(5));
                long missing = Math.max(0, base + requests - counting.counter().get());
                lost += missing;
                rates.add(rate);
                System.out.printf(Locale.ROOT, "[redis-benchmark] %d/%d PUBLISH -c 1 -P 1000: %,10.0f msg/s (lost %d)%n",
                        rep, options.repetitions(), rate, missing);
            }
            String shown = String.join(" ", command.subList(0, command.size() - 1)).replace(Integer.toString(port), "PORT")
                    + " '<the " + Orders.PAYLOAD_BYTES + "-byte JSON>'";
            return new ReferenceResult(shown, rates, lost);
        }
    }
}
