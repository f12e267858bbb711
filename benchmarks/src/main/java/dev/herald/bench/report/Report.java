package dev.herald.bench.report;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.herald.bench.results.ClusterResults;
import dev.herald.bench.results.CompileResults;
import dev.herald.bench.results.DurableResults;
import dev.herald.bench.results.E2eResults;
import dev.herald.bench.results.E2eResults.ContenderResult;
import dev.herald.bench.results.E2eResults.LatencyRun;
import dev.herald.bench.results.RequestResults;
import dev.herald.bench.results.Summary;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;

/**
 * Turns the result files of one run into {@code RESULTS.md} and a PNG chart: the machine, the versions,
 * every figure as median and min–max, and the targets of issues 18, 6 and 15 with pass or miss and by how much.
 *
 * <pre>
 * java -Djava.awt.headless=true -jar benchmarks.jar report [--results DIR] [--markdown FILE] [--chart FILE]
 * </pre>
 * The results directory holds {@code jmh.json}, {@code jmh-metrics.json} ({@code MetricsOverheadBenchmark} with
 * {@code -prof gc}), {@code e2e.json}, {@code e2e-paired.json} (Herald and batched Lettuce alone, see
 * {@link PairedSection}), {@code cluster.json}, {@code requests.json}, {@code durable.json},
 * {@code compile.json} and {@code run.properties} (written by {@code run.sh}); any of them may be missing.
 */
public final class Report {

    private static final String HERALD = "Herald";
    private static final String LETTUCE_AUTOFLUSH = "Lettuce autoflush";
    private static final String LETTUCE_BATCHED = "Lettuce batched";
    private static final String REDISSON = "Redisson";
    private static final String SPRING = "Spring Data Redis";
    private static final String ONE_TO_ONE = "InMemoryThroughputBenchmark.oneToOne";
    private static final String ONE_TO_EIGHT = "InMemoryThroughputBenchmark.oneToEight";
    /** The one → one pipeline written by hand without Herald: a spinning consumer thread, the least it can cost. */
    private static final String HAND_OFF_SPINNING = "HandOffBaselineBenchmark.spinningThread";
    /** The one → one pipeline written by hand without Herald: a task per message on a single-thread executor. */
    private static final String HAND_OFF_EXECUTOR = "HandOffBaselineBenchmark.singleThreadExecutor";
    /** One → eight and its one → one baseline with a payload of immutable values, which eight subscriptions share. */
    private static final String ONE_TO_EIGHT_SHARED = "InMemoryThroughputBenchmark.oneToEightImmutable";
    private static final String ONE_TO_ONE_SHARED = "InMemoryThroughputBenchmark.oneToOneImmutable";

    private final E2eResults e2e;
    private final PairedSection paired;
    private final ClusterResults clusterResults;
    private final ClusterSection cluster;
    private final RequestResults requestResults;
    private final RequestsSection requests;
    private final DurableResults durableResults;
    private final DurableSection durable;
    private final MetricsSection metrics;
    private final JmhResults jmh;
    private final CompileResults compile;
    private final Properties run;
    private final Properties versions;
    private final Machine machine;

    Report(E2eResults e2e, ClusterResults clusterResults, RequestResults requestResults,
            DurableResults durableResults, JmhResults jmh,
            JmhResults metricsJmh, CompileResults compile, Properties run, Properties versions, Machine machine) {
        this(e2e, null, clusterResults, requestResults, durableResults, jmh, metricsJmh, compile, run, versions, machine);
    }

    Report(E2eResults e2e, E2eResults paired, ClusterResults clusterResults, RequestResults requestResults,
            DurableResults durableResults, JmhResults jmh,
            JmhResults metricsJmh, CompileResults compile, Properties run, Properties versions, Machine machine) {
        this.e2e = e2e;
        this.paired = new PairedSection(paired);
        this.clusterResults = clusterResults;
        this.cluster = new ClusterSection(clusterResults);
        this.requestResults = requestResults;
        this.requests = new RequestsSection(requestResults);
        this.durableResults = durableResults;
        this.durable = new DurableSection(durableResults);
        this.metrics = new MetricsSection(e2e, metricsJmh != null ? metricsJmh : jmh);
        this.jmh = jmh;
        this.compile = compile;
        this.run = run;
        this.versions = versions;
        this.machine = machine;
    }

    /**
     * Writes the report.
     *
     * @param args see the class description
     * @throws IOException when a result file cannot be read or the report cannot be written
     */
    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path results = Path.of("benchmarks/target/results");
        Path markdown = Path.of("benchmarks/RESULTS.md");
        Path chart = Path.of("benchmarks/results.png");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--results" -> results = Path.of(args[++i]);
                case "--markdown" -> markdown = Path.of(args[++i]);
                case "--chart" -> chart = Path.of(args[++i]);
                default -> {
                    System.err.println("unknown option: " + args[i]);
                    System.err.println("usage: java -jar benchmarks.jar report [--results DIR] [--markdown FILE] [--chart FILE]");
                    System.exit(2);
                }
            }
        }
        JsonMapper mapper = JsonMapper.builder().build();
        Path e2eFile = results.resolve("e2e.json");
        Path jmhFile = results.resolve("jmh.json");
        Path metricsJmhFile = results.resolve("jmh-metrics.json");
        Path compileFile = results.resolve("compile.json");
        Path clusterFile = results.resolve("cluster.json");
        Path requestsFile = results.resolve("requests.json");
        Path durableFile = results.resolve("durable.json");
        Path pairedFile = results.resolve(PairedSection.FILE);
        Report report = new Report(
                Files.exists(e2eFile) ? mapper.readValue(e2eFile.toFile(), E2eResults.class) : null,
                Files.exists(pairedFile) ? mapper.readValue(pairedFile.toFile(), E2eResults.class) : null,
                Files.exists(clusterFile) ? mapper.readValue(clusterFile.toFile(), ClusterResults.class) : null,
                Files.exists(requestsFile) ? mapper.readValue(requestsFile.toFile(), RequestResults.class) : null,
                Files.exists(durableFile) ? mapper.readValue(durableFile.toFile(), DurableResults.class) : null,
                Files.exists(jmhFile) ? JmhResults.read(jmhFile) : null,
                Files.exists(metricsJmhFile) ? JmhResults.read(metricsJmhFile) : null,
                Files.exists(compileFile) ? mapper.readValue(compileFile.toFile(), CompileResults.class) : null,
                properties(results.resolve("run.properties")),
                versions(),
                Machine.probe());
        List<Target> targets = report.targets();
        Path markdownParent = markdown.toAbsolutePath().getParent();
        Path chartParent = chart.toAbsolutePath().getParent();
        if (markdownParent != null) {
            Files.createDirectories(markdownParent);
        }
        if (chartParent != null) {
            Files.createDirectories(chartParent);
        }
        Chart.write(chart, report.e2e, targets, report.chartTitle());
        String chartLink = markdownParent != null
                ? markdownParent.relativize(chart.toAbsolutePath()).toString()
                : chart.toString();
        List<Target> clusterTargets = report.cluster.targets();
        List<Target> requestTargets = report.requests.targets();
        List<Target> durableTargets = report.durable.targets();
        Files.writeString(markdown, report.markdown(targets, clusterTargets, requestTargets, durableTargets, chartLink),
                StandardCharsets.UTF_8);
        System.out.println("wrote " + markdown + " and " + chart);
        List<Target> all = new ArrayList<>(targets);
        all.addAll(clusterTargets);
        all.addAll(requestTargets);
        all.addAll(durableTargets);
        for (Target target : all) {
            System.out.printf(Locale.ROOT, "  %-62s %12s  goal %-12s %s%n", target.name(), target.measuredText(),
                    target.goalText(), target.verdict().replace("**", ""));
        }
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
        }
        return properties;
    }

    private static Properties versions() throws IOException {
        Properties versions = new Properties();
        try (InputStream in = Report.class.getResourceAsStream("/dev/herald/bench/versions.properties")) {
            if (in != null) {
                versions.load(in);
            }
        }
        return versions;
    }

    // ------------------------------------------------------------------ figures

    private ContenderResult contender(String name) {
        if (e2e == null) {
            return null;
        }
        return e2e.contenders().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** @return the summary of one contender's per-repetition figures, or null when it did not run or has none */
    private Summary summary(String name, Function<ContenderResult, List<Double>> values) {
        ContenderResult c = contender(name);
        List<Double> list = c == null ? null : values.apply(c);
        return list == null || list.isEmpty() ? null : Summary.of(list);
    }

    private double median(String name, Function<ContenderResult, List<Double>> values) {
        return median(summary(name, values));
    }

    private static double median(Summary summary) {
        return summary == null ? Double.NaN : summary.median();
    }

    private static List<Double> publish(ContenderResult c) {
        return c.publishRates();
    }

    private static List<Double> delivered(ContenderResult c) {
        return c.deliveredRates();
    }

    static List<Double> p99(ContenderResult c) {
        return c.latency().stream().map(LatencyRun::p99Micros).toList();
    }

    private static List<Double> p50(ContenderResult c) {
        return c.latency().stream().map(LatencyRun::p50Micros).toList();
    }

    /** @return JVM CPU µs per acknowledged publish, one per repetition that measured it */
    private static List<Double> publishCpu(ContenderResult c) {
        return cost(c.publishCost(), E2eResults.Cost::jvmCpuMicros);
    }

    /** @return JVM CPU µs per delivered message, one per repetition that measured it */
    private static List<Double> deliveredCpu(ContenderResult c) {
        return cost(c.deliveredCost(), E2eResults.Cost::jvmCpuMicros);
    }

    private static List<Double> publishPerRead(ContenderResult c) {
        return cost(c.publishCost(), E2eResults.Cost::commandsPerRead);
    }

    private static List<Double> deliveredPerRead(ContenderResult c) {
        return cost(c.deliveredCost(), E2eResults.Cost::commandsPerRead);
    }

    private static List<Double> cost(List<E2eResults.Cost> costs, Function<E2eResults.Cost, Double> field) {
        return costs == null ? List.of() : costs.stream().map(field).filter(v -> !v.isNaN()).toList();
    }

    private JmhResults.Score jmhScore(String name) {
        return jmh == null ? null : jmh.get(name);
    }

    private double jmhMedian(String name) {
        return median(jmhSummary(name));
    }

    private Summary jmhSummary(String name) {
        JmhResults.Score score = jmhScore(name);
        return score == null ? null : score.summary();
    }

    /**
     * @param score a JMH score in a time per operation or operations per time unit, or null
     * @return nanoseconds per operation, from the median; NaN when it did not run or its unit is unknown
     */
    static double nanosPerOperation(JmhResults.Score score) {
        if (score == null) {
            return Double.NaN;
        }
        double value = score.summary().median();
        return switch (score.unit()) {
            case "ops/s" -> 1e9 / value;
            case "ops/ms" -> 1e6 / value;
            case "ops/us" -> 1e3 / value;
            case "ops/ns" -> 1 / value;
            case "s/op" -> value * 1e9;
            case "ms/op" -> value * 1e6;
            case "us/op" -> value * 1e3;
            case "ns/op" -> value;
            default -> Double.NaN;
        };
    }

    /**
     * Issue 18's in-memory target: how much longer one delivered message takes, one publisher to one subscriber,
     * than decoding its payload once.
     *
     * @param nanosPerDelivery ns per delivered message, one → one (1 ÷ its throughput)
     * @param decodeNanos ns per decode of the same payload ({@code CodecBenchmark.heraldDecode})
     * @return the overhead beyond the decode, in percent: {@code (nanosPerDelivery ÷ decodeNanos − 1) × 100}
     */
    static double overheadBeyondDecodePercent(double nanosPerDelivery, double decodeNanos) {
        return (nanosPerDelivery / decodeNanos - 1) * 100;
    }

    /**
     * @param compile the compile-cost results, or null
     * @return generated lines ÷ channels in the fixture (interfaces × channels per interface); NaN when not run
     */
    static double generatedLinesPerChannel(CompileResults compile) {
        if (compile == null || compile.interfaces() * compile.channelsPerInterface() == 0) {
            return Double.NaN;
        }
        return (double) compile.generatedLines() / (compile.interfaces() * compile.channelsPerInterface());
    }

    List<Target> targets() {
        // issue 18's end-to-end rows from the paired run when it ran, else from the main run
        List<Target> targets = new ArrayList<>(paired.ran() ? paired.targets() : mainRunEndToEndTargets());
        inMemoryAndOtherTargets(targets);
        return targets;
    }

    /** @return issue 18's end-to-end rows (and issue 6's publish row) from the main run: ratios of its medians */
    List<Target> mainRunEndToEndTargets() {
        List<Target> targets = new ArrayList<>();
        // issue 18: CPU per message first; ratios of the medians of the per-repetition figures
        Summary heraldDeliveredCpu = summary(HERALD, Report::deliveredCpu);
        Summary lettuceDeliveredCpu = summary(LETTUCE_BATCHED, Report::deliveredCpu);
        targets.add(new Target("JVM CPU per delivered message, Herald ÷ Lettuce batched",
                median(heraldDeliveredCpu) / median(lettuceDeliveredCpu), "x", false, 1.10,
                Why.cpu(heraldDeliveredCpu, lettuceDeliveredCpu, "delivered message")));
        Summary heraldPublishCpu = summary(HERALD, Report::publishCpu);
        Summary lettucePublishCpu = summary(LETTUCE_BATCHED, Report::publishCpu);
        targets.add(new Target("JVM CPU per publish, Herald ÷ Lettuce batched",
                median(heraldPublishCpu) / median(lettucePublishCpu), "x", false, 1.05,
                Why.cpu(heraldPublishCpu, lettucePublishCpu, "publish")));
        targets.add(new Target("Herald delivered ÷ Lettuce batched delivered (end to end)",
                median(HERALD, Report::delivered) / median(LETTUCE_BATCHED, Report::delivered), "x", true, 0.9,
                Why.throughput(summary(HERALD, Report::delivered), summary(LETTUCE_BATCHED, Report::delivered),
                        "delivered", median(HERALD, Report::deliveredPerRead),
                        median(LETTUCE_BATCHED, Report::deliveredPerRead))));
        // Herald's RedisTransport coalesces writes on its publish connection, so the raw Lettuce with the
        // same flushing is the batched one
        targets.add(new Target("Herald publish ÷ Lettuce batched publish (both coalesce writes)",
                median(HERALD, Report::publish) / median(LETTUCE_BATCHED, Report::publish), "x", true, 0.95,
                Why.throughput(summary(HERALD, Report::publish), summary(LETTUCE_BATCHED, Report::publish),
                        "publish", median(HERALD, Report::publishPerRead),
                        median(LETTUCE_BATCHED, Report::publishPerRead))));
        targets.add(new Target("Herald p99 ÷ Lettuce batched p99 at the fixed rate",
                median(HERALD, Report::p99) / median(LETTUCE_BATCHED, Report::p99), "x", false, 1.2,
                Why.latency(median(HERALD, Report::p50) / median(LETTUCE_BATCHED, Report::p50),
                        summary(HERALD, Report::p99), summary(LETTUCE_BATCHED, Report::p99))));
        return targets;
    }

    private void inMemoryAndOtherTargets(List<Target> targets) {
        double oneToOneNanos = nanosPerOperation(jmhScore(ONE_TO_ONE));
        double oneToEightNanos = nanosPerOperation(jmhScore(ONE_TO_EIGHT_SHARED));
        double oneToOneSharedNanos = nanosPerOperation(jmhScore(ONE_TO_ONE_SHARED));
        double copiedFanOut = nanosPerOperation(jmhScore(ONE_TO_ONE)) / nanosPerOperation(jmhScore(ONE_TO_EIGHT));
        double decodeNanos = nanosPerOperation(jmhScore("CodecBenchmark.heraldDecode"));
        double encodeNanos = nanosPerOperation(jmhScore("CodecBenchmark.heraldEncode"));
        targets.add(new Target("In memory, one → one: time per delivered message beyond one payload decode",
                overheadBeyondDecodePercent(oneToOneNanos, decodeNanos), "%", false, 10,
                Why.inMemory(oneToOneNanos, decodeNanos, encodeNanos, nanosPerOperation(jmhScore(HAND_OFF_SPINNING)),
                        nanosPerOperation(jmhScore(HAND_OFF_EXECUTOR)))
                        + Why.inMemoryForks(jmhSummary(ONE_TO_ONE), jmhSummary(HAND_OFF_SPINNING), decodeNanos,
                                encodeNanos)));
        // this goal is the report's, not the issue's: see the text under the table
        targets.add(new Target("In memory, one → eight decoded once: fan-out of the immutable record ÷ fan-out of the "
                + "order (fan-out: one → eight ÷ one → one delivered)", oneToOneSharedNanos / oneToEightNanos / copiedFanOut,
                "x", true, 2.0, Why.oneToEight(oneToEightNanos, oneToOneSharedNanos)));
        targets.add(new Target("Generated lines per channel", generatedLinesPerChannel(compile), "lines", false, 35,
                compile == null ? "" : Why.lines(compile.generatedLines(), compile.generatedFiles(), compile.interfaces(),
                        compile.channelsPerInterface(), compile.sourceLines())));
        // issue 6
        String others = Why.otherClients(summary(REDISSON, Report::delivered), summary(SPRING, Report::delivered));
        targets.add(new Target("Herald delivered ÷ Redisson delivered",
                median(HERALD, Report::delivered) / median(REDISSON, Report::delivered), "x", true, 5, others));
        targets.add(new Target("Herald delivered ÷ Spring Data Redis delivered",
                median(HERALD, Report::delivered) / median(SPRING, Report::delivered), "x", true, 30, others));
        String codec = Why.codec(jmhSummary("CodecBenchmark.heraldEncode"), jmhSummary("CodecBenchmark.jacksonEncode"),
                jmhSummary("CodecBenchmark.heraldDecode"), jmhSummary("CodecBenchmark.jacksonDecode"));
        targets.add(new Target("Herald codec encode ÷ pre-bound ObjectWriter",
                jmhMedian("CodecBenchmark.heraldEncode") / jmhMedian("CodecBenchmark.jacksonEncode"), "x", false, 1.05,
                codec));
        targets.add(new Target("Herald codec decode ÷ pre-bound ObjectReader",
                jmhMedian("CodecBenchmark.heraldDecode") / jmhMedian("CodecBenchmark.jacksonDecode"), "x", false, 1.05,
                codec));
        // issue 15
        targets.add(metrics.target());
        double without = compile == null ? Double.NaN : Summary.of(compile.withoutProcessorMillis()).median();
        double with = compile == null ? Double.NaN : Summary.of(compile.withProcessorMillis()).median();
        targets.add(new Target("javac time added by the processor", (with / without - 1) * 100, "%", false, 20,
                compile == null ? "" : Why.compile(without, with, median(listSummary(compile.generatedSourcesMillis())),
                        median(listSummary(compile.replayMillis())))));
    }

    private static Summary listSummary(List<Double> values) {
        return values == null || values.isEmpty() ? null : Summary.of(values);
    }

    // ------------------------------------------------------------------ markdown

    private String chartTitle() {
        return "Herald benchmarks, " + runDate() + " — " + machine.processors() + " cores, "
                + (e2e != null ? e2e.redisVersion().replaceAll(" sha=.*", "") : "");
    }

    private String runDate() {
        String started = run.getProperty("started");
        return started != null ? started : ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE);
    }

    String markdown(List<Target> targets, List<Target> clusterTargets, List<Target> requestTargets,
            List<Target> durableTargets, String chartLink) {
        StringBuilder md = new StringBuilder();
        boolean quick = "quick".equals(run.getProperty("mode")) || (e2e != null && e2e.quick())
                || (clusterResults != null && clusterResults.quick())
                || (requestResults != null && requestResults.quick())
                || (durableResults != null && durableResults.quick());
        md.append("# Herald benchmark results\n\n");
        md.append("Written by `").append(run.getProperty("command", "benchmarks/run.sh")).append("` on ")
                .append(runDate()).append(quick ? " (**quick mode**: short runs, figures are rough)" : "")
                .append(". Every figure is the median of the repetitions, with the minimum–maximum in brackets. ")
                .append("The machine is shared with whatever else ran on it; the load average below says how busy it was.\n\n");

        md.append("## Machine and versions\n\n| | |\n|---|---|\n");
        row(md, "Date (UTC)", runDate() + (run.containsKey("finished") ? ", finished " + run.getProperty("finished") : ""));
        row(md, "Commit", run.getProperty("commit", "unknown"));
        row(md, "CPU", machine.cpuModel() + ", " + machine.processors() + " processors (nproc " + run.getProperty("nproc", "?") + ")");
        row(md, "Memory", machine.memory());
        row(md, "Load average", "before: " + run.getProperty("loadavg.start", "?") + "; after: " + machine.loadAverage());
        row(md, "Java", machine.javaVersion());
        row(md, "Redis", e2e != null ? e2e.redisVersion()
                : clusterResults != null ? clusterResults.redisVersion()
                : requestResults != null ? requestResults.redisVersion()
                : durableResults != null ? durableResults.redisVersion() : "not run");
        row(md, "Libraries", String.format(Locale.ROOT,
                "Herald %s, Lettuce %s, Redisson %s, Spring Data Redis %s (Spring Framework %s), Jackson %s, Netty %s, JMH %s, HdrHistogram %s",
                versions.getProperty("herald"), versions.getProperty("lettuce"), versions.getProperty("redisson"),
                versions.getProperty("spring-data-redis"), versions.getProperty("spring"), versions.getProperty("jackson"),
                versions.getProperty("netty"), versions.getProperty("jmh"), versions.getProperty("hdrhistogram")));
        md.append('\n');

        md.append("## Targets of issues 18, 6 and 15\n\n");
        md.append(paired.ran()
                ? "The five end-to-end rows marked \"paired run\" are medians of per-repetition ratios from the run of "
                        + "Herald and hand-batched Lettuce alone (section \"Herald ÷ hand-batched Lettuce, paired\", "
                        + "which also gives the main run's ratios); the other ratios compare medians measured in this run. "
                : "Each ratio compares medians measured in this run; the CPU rows compare the medians of the "
                        + "per-repetition JVM CPU per message (the cost table under the end-to-end results). ");
        md.append("The first eight "
                + "rows are issue 18's (the publish throughput row is issue 6's, kept; the one → eight goal is this "
                + "report's, see below), then issue 6's, issue 15's metrics row and issue 6's javac row.\n\n");
        md.append("| Target | Measured | Goal | Verdict |\n|---|---:|---:|---|\n");
        for (Target target : targets) {
            md.append("| ").append(target.name()).append(" | ").append(target.measuredText()).append(" | ")
                    .append(target.goalText()).append(" | ").append(target.verdict()).append(" |\n");
        }
        md.append('\n');
        targetInputs(md);
        if (contender(HERALD) != null && contender(LETTUCE_AUTOFLUSH) != null) {
            md.append(String.format(Locale.ROOT, "For comparison, Herald against raw Lettuce with auto-flush "
                            + "(one write per PUBLISH): publish %.2f×, delivered %.2f×, p99 %.2f×.%n%n",
                    median(HERALD, Report::publish) / median(LETTUCE_AUTOFLUSH, Report::publish),
                    median(HERALD, Report::delivered) / median(LETTUCE_AUTOFLUSH, Report::delivered),
                    median(HERALD, Report::p99) / median(LETTUCE_AUTOFLUSH, Report::p99)));
        }
        String requestsLine = requests.summaryLine(requestTargets);
        if (requestsLine != null) {
            md.append(requestsLine).append("\n\n");
        }
        String durableLine = durable.summaryLine(durableTargets);
        if (durableLine != null) {
            md.append(durableLine).append("\n\n");
        }
        List<String> whys = new ArrayList<>();
        for (Target target : targets) {
            if (target.measuredInThisRun() && !target.passed() && !whys.contains(target.why())) {
                whys.add(target.why());
            }
        }
        if (!whys.isEmpty()) {
            md.append("### Why the misses\n\n");
            for (String why : whys) {
                md.append(why).append("\n\n");
            }
        }

        md.append("![throughput, latency and targets per contender](").append(chartLink).append(")\n\n");
        endToEnd(md);
        paired.markdown(md, mainRunEndToEndTargets());
        cluster.markdown(md, clusterTargets);
        requests.markdown(md, requestTargets);
        durable.markdown(md, durableTargets);
        metrics.markdown(md);
        jmhSection(md);
        compileSection(md);
        method(md);
        return md.toString();
    }

    /** The figures the issue-18 rows are computed from, under the targets table. */
    private void targetInputs(StringBuilder md) {
        List<String> lines = new ArrayList<>();
        if (e2e != null) {
            lines.add(String.format(Locale.ROOT, "JVM CPU per message, µs (medians): publish, Herald %s and Lettuce "
                            + "batched %s; delivered, Herald %s and Lettuce batched %s.",
                    number(median(HERALD, Report::publishCpu), "%.2f"),
                    number(median(LETTUCE_BATCHED, Report::publishCpu), "%.2f"),
                    number(median(HERALD, Report::deliveredCpu), "%.2f"),
                    number(median(LETTUCE_BATCHED, Report::deliveredCpu), "%.2f")));
        }
        if (jmh != null) {
            double oneToOne = nanosPerOperation(jmhScore(ONE_TO_ONE));
            double oneToEight = nanosPerOperation(jmhScore(ONE_TO_EIGHT_SHARED));
            double oneToOneShared = nanosPerOperation(jmhScore(ONE_TO_ONE_SHARED));
            double decode = nanosPerOperation(jmhScore("CodecBenchmark.heraldDecode"));
            lines.add(String.format(Locale.ROOT, "In memory (JMH, this run): one → one delivered a message every %s ns "
                            + "(1 ÷ %s msg/s) and `CodecBenchmark.heraldDecode` takes %s ns, so the overhead beyond the "
                            + "decode is %s ÷ %s − 1. One → eight of a record of immutable values (`oneToEightImmutable`, "
                            + "decoded once per message and shared by the eight subscriptions): %s ns per delivery "
                            + "(1 ÷ %s msg/s), against %s ns (1 ÷ %s msg/s) to a lone subscription of it. The order holds a "
                            + "`List`, so each of its eight subscriptions decodes its own copy: `oneToEight` %s msg/s. "
                            + "The target compares the two fan-outs (one → eight ÷ one → one, each against its own "
                            + "payload's one → one, so the two payloads' decode costs cancel out): with a decode per "
                            + "subscription both would be alike, so a ratio of 2× or more shows the one decode.",
                    number(oneToOne, "%,.0f"), number(jmhMedian(ONE_TO_ONE), "%,.0f"), number(decode, "%,.0f"),
                    number(oneToOne, "%,.0f"), number(decode, "%,.0f"), number(oneToEight, "%,.0f"),
                    number(jmhMedian(ONE_TO_EIGHT_SHARED), "%,.0f"), number(oneToOneShared, "%,.0f"),
                    number(jmhMedian(ONE_TO_ONE_SHARED), "%,.0f"), number(jmhMedian(ONE_TO_EIGHT), "%,.0f")));
        }
        if (compile != null) {
            lines.add(String.format(Locale.ROOT, "Generated lines per channel: %,d generated lines ÷ %,d channels "
                            + "(%d interfaces × %d).", compile.generatedLines(),
                    compile.interfaces() * compile.channelsPerInterface(), compile.interfaces(),
                    compile.channelsPerInterface()));
        }
        for (String line : lines) {
            md.append(line).append("\n\n");
        }
    }

    private static String number(double value, String format) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, format, value);
    }

    private void endToEnd(StringBuilder md) {
        md.append("## End to end over Redis\n\n");
        if (e2e == null) {
            md.append("Not run.\n\n");
            return;
        }
        md.append(String.format(Locale.ROOT, "One `redis-server` on loopback, %d-byte JSON order, %d repetitions; "
                        + "throughput runs of %.1f s, latency runs of %.1f s at %,d msg/s.%n%n",
                e2e.payloadBytes(), e2e.repetitions(), e2e.throughputSeconds(), e2e.latencySeconds(), e2e.rate()));
        md.append("| Contender | Publish, msg/s acknowledged | Delivered, msg/s decoded | p50 µs | p99 µs | p99.9 µs | Lost |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (ContenderResult c : e2e.contenders()) {
            long lost = c.publishLost() + c.deliveredLost() + c.latency().stream().mapToLong(LatencyRun::lost).sum();
            md.append("| ").append(c.name())
                    .append(" | ").append(figure(c.publishRates(), "%,.0f"))
                    .append(" | ").append(figure(c.deliveredRates(), "%,.0f"))
                    .append(" | ").append(figure(c.latency().stream().map(LatencyRun::p50Micros).toList(), "%,.0f"))
                    .append(" | ").append(figure(p99(c), "%,.0f"))
                    .append(" | ").append(figure(c.latency().stream().map(LatencyRun::p999Micros).toList(), "%,.0f"))
                    .append(" | ").append(lost).append(c.publishFailed() > 0 ? " (" + c.publishFailed() + " failed)" : "")
                    .append(" |\n");
        }
        if (e2e.redisBenchmark() != null && !e2e.redisBenchmark().rates().isEmpty()) {
            md.append("| redis-benchmark (reference) | ").append(figure(e2e.redisBenchmark().rates(), "%,.0f"))
                    .append(" | | | | | ").append(e2e.redisBenchmark().lost()).append(" |\n");
        }
        md.append('\n');
        md.append("What one message cost during the throughput runs (medians): CPU time of the benchmark JVM "
                + "(publisher, client, subscriber, GC) and of `redis-server`, and context switches of the JVM's live "
                + "threads. Unlike the rates, these hardly depend on what else the machine was doing. \"Cmds/read\" "
                + "is how many commands Redis found in each socket read (`INFO stats`): the batch size the client's "
                + "write coalescing achieved.\n\n");
        md.append("| Contender | Publish: JVM µs | Publish: Redis µs | Publish: switches | Publish: cmds/read "
                + "| Delivered: JVM µs | Delivered: Redis µs | Delivered: switches | Delivered: cmds/read |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ContenderResult c : e2e.contenders()) {
            if (c.publishCost() == null || c.deliveredCost() == null) {
                continue;
            }
            md.append("| ").append(c.name())
                    .append(" | ").append(costFigure(c.publishCost(), E2eResults.Cost::jvmCpuMicros, "%.1f"))
                    .append(" | ").append(costFigure(c.publishCost(), E2eResults.Cost::redisCpuMicros, "%.1f"))
                    .append(" | ").append(costFigure(c.publishCost(), E2eResults.Cost::contextSwitches, "%.2f"))
                    .append(" | ").append(costFigure(c.publishCost(), E2eResults.Cost::commandsPerRead, "%.0f"))
                    .append(" | ").append(costFigure(c.deliveredCost(), E2eResults.Cost::jvmCpuMicros, "%.1f"))
                    .append(" | ").append(costFigure(c.deliveredCost(), E2eResults.Cost::redisCpuMicros, "%.1f"))
                    .append(" | ").append(costFigure(c.deliveredCost(), E2eResults.Cost::contextSwitches, "%.2f"))
                    .append(" | ").append(costFigure(c.deliveredCost(), E2eResults.Cost::commandsPerRead, "%.0f"))
                    .append(" |\n");
        }
        md.append('\n');
        md.append("Fixed-rate runs: the rate the paced publisher achieved, median (min–max), the largest latency, and how "
                + "late a thread of the benchmark's JVM that only sleeps 1 ms at a time woke up during the runs (the "
                + "longest a thread with work waited for a core):\n\n");
        for (ContenderResult c : e2e.contenders()) {
            md.append("- ").append(c.name()).append(": ")
                    .append(figure(c.latency().stream().map(LatencyRun::achievedRate).toList(), "%,.0f"))
                    .append(" msg/s, max latency ")
                    .append(figure(c.latency().stream().map(LatencyRun::maxMicros).toList(), "%,.0f")).append(" µs")
                    .append(stallText(c))
                    .append(c.errors() == null || c.errors().isEmpty() ? "" : "; errors reported: " + c.errors())
                    .append('\n');
        }
        md.append("\nContenders:\n\n");
        for (ContenderResult c : e2e.contenders()) {
            md.append("- **").append(c.name()).append("**: ").append(c.description()).append(".\n");
        }
        if (e2e.redisBenchmark() != null) {
            md.append("- **redis-benchmark**: `").append(e2e.redisBenchmark().command())
                    .append("`, with the same counting subscriber attached; no Java client involved.\n");
        }
        md.append('\n');
    }

    private void jmhSection(StringBuilder md) {
        md.append("## JMH\n\n");
        if (jmh == null) {
            md.append("Not run.\n\n");
            return;
        }
        md.append("| Benchmark | Score | Unit | Forks × iterations |\n|---|---:|---|---|\n");
        for (String name : List.of("CodecBenchmark.heraldEncode", "CodecBenchmark.jacksonEncode",
                "CodecBenchmark.heraldDecode", "CodecBenchmark.jacksonDecode",
                ONE_TO_ONE, HAND_OFF_SPINNING, HAND_OFF_EXECUTOR, ONE_TO_EIGHT, ONE_TO_ONE_SHARED, ONE_TO_EIGHT_SHARED)) {
            JmhResults.Score score = jmh.get(name);
            if (score == null) {
                continue;
            }
            String format = score.unit().equals("ops/s") ? "%,.0f" : "%,.1f";
            md.append("| ").append(name).append(" | ").append(figure(score.summary(), format)).append(" | ")
                    .append(score.unit().equals("ops/s") ? "msg/s delivered" : score.unit()).append(" | ")
                    .append(score.forks()).append(" × ").append(score.iterations()).append(" |\n");
        }
        md.append("\nThe Herald codec is the one `herald.channel(OrderEventsBinding.ORDER_CREATED)` binds "
                + "(`new JacksonCodecFactory(null).codec(...)`); the baseline is an `ObjectWriter`/`ObjectReader` "
                + "pre-bound to the record on a `JsonMapper` configured the same way. In-memory throughput counts "
                + "deliveries: one → eight delivers eight per published message. The `Immutable` pair publishes a "
                + "record of immutable values of about the order's size, which the subscriptions of a channel share, "
                + "decoded once per message; the order holds a `List` a handler could change, so each subscription "
                + "decodes its own. Median and range are over the forks' means.\n\n");
    }

    private void compileSection(StringBuilder md) {
        md.append("## Compile cost\n\n");
        if (compile == null) {
            md.append("Not run.\n\n");
            return;
        }
        Summary without = Summary.of(compile.withoutProcessorMillis());
        Summary with = Summary.of(compile.withProcessorMillis());
        md.append(String.format(Locale.ROOT,
                "%d interfaces × %d channels, %d hand-written files (interfaces and payload records); the processor "
                        + "generated %d files. javac in process, `--release 17 -Xlint:all,-processing -Werror`, "
                        + "%d measured compilations of each kind after warm-up, alternating.%n%n",
                compile.interfaces(), compile.channelsPerInterface(), compile.sourceFiles(), compile.generatedFiles(),
                compile.withProcessorMillis().size()));
        md.append("| javac | Wall time, ms |\n|---|---:|\n");
        md.append("| without the processor (empty processor path) | ").append(figure(without, "%,.0f")).append(" |\n");
        md.append("| with `").append(compile.processorJar()).append("` | ").append(figure(with, "%,.0f")).append(" |\n");
        md.append(String.format(Locale.ROOT, "| ratio of medians | %.2f× (%+.0f%%) |%n", with.median() / without.median(),
                (with.median() / without.median() - 1) * 100));
        if (compile.generatedSourcesMillis() != null && !compile.generatedSourcesMillis().isEmpty()) {
            Summary generated = Summary.of(compile.generatedSourcesMillis());
            md.append("| without the processor, its generated sources added | ").append(figure(generated, "%,.0f"))
                    .append(" |\n");
            boolean replayed = compile.replayMillis() != null && !compile.replayMillis().isEmpty();
            Summary replay = replayed ? Summary.of(compile.replayMillis()) : null;
            if (replayed) {
                md.append("| a processor with no logic that writes the same generated sources | ")
                        .append(figure(replay, "%,.0f")).append(" |\n");
            }
            md.append('\n');
            if (replayed) {
                md.append(String.format(Locale.ROOT, "Of the %,.0f ms the processor adds (medians): compiling the %d files it "
                                + "generates (%,d lines, against %,d hand-written lines) takes %,.0f ms; javac's own cost of "
                                + "having a processor generate them (the extra round, the `Filer`), measured with a processor "
                                + "that only writes the same files, %,.0f ms; and Herald's processor itself (loading it, "
                                + "model, validation, JavaPoet) %,.0f ms.%n%n",
                        with.median() - without.median(), compile.generatedFiles(), compile.generatedLines(),
                        compile.sourceLines(), generated.median() - without.median(), replay.median() - generated.median(),
                        with.median() - replay.median()));
            } else {
                md.append(String.format(Locale.ROOT, "Of the %,.0f ms the processor adds (medians), compiling the %d files it "
                                + "generates (%,d lines, against %,d hand-written lines) accounts for %,.0f ms, and the "
                                + "processor's own work (model, validation, JavaPoet, loading it) for %,.0f ms.%n%n",
                        with.median() - without.median(), compile.generatedFiles(), compile.generatedLines(),
                        compile.sourceLines(), generated.median() - without.median(), with.median() - generated.median()));
            }
        } else {
            md.append('\n');
        }
    }

    private void method(StringBuilder md) {
        md.append("## How it is measured\n\n");
        md.append("""
                - **Publish throughput**: one thread publishes to the contender's `bench:orders:confirmed` as fast as the client \
                accepts, for the run's length, then waits for every acknowledgement; the rate runs from the first \
                publish to the last acknowledgement. At most 10,000 publishes are unacknowledged at once. One raw \
                Lettuce subscriber, the same for every contender, counts the messages; a message it never sees is lost.
                - **Delivered throughput**: one thread publishes to the contender's `bench:orders`, where the contender's own \
                subscriber decodes each message into the `OrderCreated` record; the publisher stays at most the \
                window of messages ahead of the decoded count (so every library is measured at the rate it sustains, \
                not at how much it can buffer). The rate runs from the first publish to the last decoded message.
                - **Latency**: the publisher follows a fixed schedule (parking until each message is due, flushing \
                a batching client first, sending at once what it is late for); each message is timed from the moment \
                it is handed to the client (encoding included) to the moment the subscriber decoded it. Percentiles \
                come from HdrHistogram. A contender that cannot keep up with the rate builds a backlog, and its \
                latency shows it. On a shared two-core VM the tail (p99 and beyond) also holds scheduling stalls \
                and any GC pause, for every contender alike; p50 is the library's own path.
                - **Cost per message**: CPU time of the JVM and of `redis-server` (from `/proc`) and context \
                switches of the JVM's threads, read before and after each throughput run and divided by its \
                messages; commands per read from Redis's `INFO stats` (`total_commands_processed` ÷ \
                `total_reads_processed`).
                - Every contender sends the same plain-JSON bytes, encodes with the same pre-bound Jackson writer \
                (Herald with its own codec) and decodes into the same record. Redis runs with no persistence and \
                no pub/sub output-buffer limit, so a slow subscriber is measured, not disconnected.
                - All contenders are connected at once, each on its own channels (`<contender>:bench:orders`; \
                Herald through its `channelPrefix`), in one JVM (`-Xms2g -Xmx2g -Xmn1g`: a young generation large enough, with a \
                full GC before each measurement, that most 2-second latency runs see no GC pause). Each is warmed up, then the \
                repetitions go round-robin (repetition 1 of every contender, then 2, ...), so drift in the \
                machine's load falls on all of them alike.
                - Waits never sleep: the waiting thread parks until the count it waits for is reached.
                """);
    }

    private static String costFigure(List<E2eResults.Cost> costs, Function<E2eResults.Cost, Double> field, String format) {
        List<Double> values = costs.stream().map(field).filter(v -> !v.isNaN()).toList();
        return values.isEmpty() ? "n/a" : String.format(Locale.ROOT, format, Summary.of(values).median());
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    /**
     * @return how late the stall probe woke up in each of a contender's latency runs, µs, aligned with {@link #p99};
     *     empty when a run had no probe
     */
    static List<Double> stalls(ContenderResult c) {
        List<Double> stalls = c.latency().stream().map(LatencyRun::stallMicros).filter(v -> v > 0).toList();
        return stalls.size() < c.latency().size() ? List.of() : stalls;
    }

    /** @return how late the stall probe woke up during a contender's latency runs, or "" without a probe */
    private static String stallText(ContenderResult c) {
        List<Double> stalls = stalls(c);
        return stalls.isEmpty() ? ""
                : ", a thread that only sleeps 1 ms at a time woke up " + figure(stalls, "%,.0f") + " µs late";
    }

    private static String figure(List<Double> values, String format) {
        return values.isEmpty() ? "n/a" : figure(Summary.of(values), format);
    }

    private static String figure(Summary summary, String format) {
        String median = String.format(Locale.ROOT, format, summary.median());
        if (summary.count() == 1) {
            return median;
        }
        return median + " (" + String.format(Locale.ROOT, format, summary.min()) + "–"
                + String.format(Locale.ROOT, format, summary.max()) + ")";
    }
}
