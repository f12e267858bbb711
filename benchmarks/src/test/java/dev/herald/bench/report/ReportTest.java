package dev.herald.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.bench.results.CompileResults;
import dev.herald.bench.results.E2eResults;
import dev.herald.bench.results.E2eResults.ContenderResult;
import dev.herald.bench.results.E2eResults.Cost;
import dev.herald.bench.results.E2eResults.LatencyRun;
import dev.herald.bench.results.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issue-18 targets are computed from the right figures, with the right formula and direction. */
class ReportTest {

    private static final double EPSILON = 1e-9;

    @TempDir
    Path dir;

    @Test
    void cpuRatiosAreRatiosOfTheMediansOfTheRepetitionsAndCeilings() throws IOException {
        List<Target> targets = report().targets();

        // delivered: medians 7.0 and 6.0 (the outliers 50 and 100 would sway a mean, not a median)
        Target delivered = find(targets, "JVM CPU per delivered message, Herald ÷ Lettuce batched");
        assertEquals(7.0 / 6.0, delivered.measured(), EPSILON);
        assertEquals("≤ 1.10×", delivered.goalText());
        assertFalse(delivered.passed());

        // publish: medians 4.2 and 4.1; the NaN of a repetition that could not read /proc is left out
        Target publish = find(targets, "JVM CPU per publish, Herald ÷ Lettuce batched");
        assertEquals(4.2 / 4.1, publish.measured(), EPSILON);
        assertEquals("≤ 1.05×", publish.goalText());
        assertTrue(publish.passed());
        assertTrue(publish.score() > 1);
    }

    @Test
    void inMemoryOverheadIsTimePerDeliveryOverDecodeMinusOne() throws IOException {
        List<Target> targets = report().targets();

        // one → one at 200,000 msg/s is 5,000 ns a message; the decode takes 4,000 ns: 25 % beyond it
        Target overhead = find(targets, "In memory, one → one: time per delivered message beyond one payload decode");
        assertEquals(25.0, overhead.measured(), EPSILON);
        assertEquals("≤ +10%", overhead.goalText());
        assertFalse(overhead.passed());
        assertEquals(110.0 / 125.0, overhead.score(), EPSILON);

        // fan-out of the immutable record 900,000 / 300,000 = 3, of the order 250,000 / 200,000 = 1.25
        Target fanout = find(targets, "In memory, one → eight decoded once: fan-out of the immutable record ÷ fan-out "
                + "of the order (fan-out: one → eight ÷ one → one delivered)");
        assertEquals(3.0 / 1.25, fanout.measured(), EPSILON);
        assertTrue(fanout.passed(), "goal 2×");
    }

    @Test
    void overheadFormula() {
        assertEquals(0.0, Report.overheadBeyondDecodePercent(3_000, 3_000), EPSILON);
        assertEquals(100.0, Report.overheadBeyondDecodePercent(6_000, 3_000), EPSILON);
        assertEquals(-50.0, Report.overheadBeyondDecodePercent(1_500, 3_000), EPSILON);
    }

    @Test
    void jmhScoresBecomeNanosecondsPerOperation() {
        assertEquals(5_000.0, Report.nanosPerOperation(score(200_000, "ops/s")), EPSILON);
        assertEquals(5_000.0, Report.nanosPerOperation(score(200, "ops/ms")), EPSILON);
        assertEquals(5_000.0, Report.nanosPerOperation(score(5, "us/op")), EPSILON);
        assertEquals(5_000.0, Report.nanosPerOperation(score(5_000, "ns/op")), EPSILON);
        assertTrue(Double.isNaN(Report.nanosPerOperation(null)));
    }

    @Test
    void generatedLinesPerChannelDividesByEveryChannelOfTheFixture() throws IOException {
        assertEquals(58.4, Report.generatedLinesPerChannel(compile(58_400)), EPSILON);
        assertTrue(Double.isNaN(Report.generatedLinesPerChannel(null)));

        Target lines = find(report().targets(), "Generated lines per channel");
        assertEquals(30.0, lines.measured(), EPSILON);
        assertEquals("≤ 35.0 lines", lines.goalText());
        assertTrue(lines.passed());
    }

    @Test
    void anOverheadBelowZeroPassesAndScoresAboveOne() {
        Target target = new Target("overhead", -20, "%", false, 10, "");
        assertTrue(target.passed());
        assertEquals(110.0 / 80.0, target.score(), EPSILON);
        assertEquals("**pass**, 30 points under the ceiling", target.verdict());
    }

    @Test
    void theMarkdownShowsTheInputsAndNoNaN() throws IOException {
        Report report = report();
        List<Target> targets = report.targets();
        String md = report.markdown(targets, List.of(), List.of(), List.of(), "results.png");
        assertTrue(md.contains("one → one delivered a message every 5,000 ns (1 ÷ 200,000 msg/s) and "
                + "`CodecBenchmark.heraldDecode` takes 4,000 ns"), md);
        assertTrue(md.contains("30,000 generated lines ÷ 1,000 channels"), md);
        // 1e9 / 225,000 = 4,444 ns, +11 % beyond the 4,000 ns decode; 1e9 / 180,000 = 5,556 ns, +39 %
        assertTrue(md.contains("takes 4,444 ns per message (+11 % beyond the decode) with a consumer thread that spins"),
                md);
        assertTrue(md.contains("and 5,556 ns (+39 %) with a task per message on a single-thread executor; Herald's one → "
                + "one is 1.13× the spinning thread's time and 0.90× the executor's."), md);
        assertTrue(md.contains("| HandOffBaselineBenchmark.spinningThread | 225,000"), md);
        assertTrue(md.contains("1,111 ns per delivery (1 ÷ 900,000 msg/s), against 3,333 ns (1 ÷ 300,000 msg/s)"), md);
        assertTrue(md.contains("delivered, Herald 7.00 and Lettuce batched 6.00"), md);
        assertFalse(md.contains("NaN"), md);
    }

    @Test
    void withoutTheHandWrittenPipelinesTheInMemoryExplanationSaysItDoesNotSplitTheOverhead() {
        String text = Why.inMemory(5_000, 4_000, 1_000, Double.NaN, Double.NaN);
        assertTrue(text.endsWith("the benchmark's wait. This run does not split it further."), text);
    }

    @Test
    void aDecodeSlowerThanTheSpinningPipelineIsSaidToBeNoFloor() {
        String text = Why.inMemory(2_600, 2_000, 700, 1_900, 2_050);
        assertTrue(text.contains("(-5 % beyond the decode)"), text);
        assertTrue(text.endsWith("so it is no floor here: see the range of its forks in the JMH table."), text);
        assertFalse(text.contains("moving each payload"), text);
    }

    @Test
    void whenThePipelinesForksDisagreeTheInMemoryExplanationComparesTheFastestForks() {
        String text = Why.inMemoryForks(new Summary(400_000, 300_000, 600_000, 3), new Summary(440_000, 430_000, 640_000, 3),
                1_400, 400);
        assertTrue(text.contains("Herald's one → one ran at 300,000–600,000 msg/s and the spinning pipeline at "
                + "430,000–640,000. Their slowest forks took 3,333 and 2,326 ns per message, and an encode and a "
                + "decode one after the other take 1,800 ns: a fork slower than that"), text);
        // 1e9 / 600,000 = 1,667 ns, 19 % over 1,400; 1e9 / 640,000 = 1,563 ns, 12 %; 1,667 / 1,563 = 1.07
        assertTrue(text.contains("Herald 1,667 ns per message, +19 % beyond the decode, against the spinning pipeline's "
                + "1,563 ns (+12 %); Herald ÷ spinning 1.07×."), text);
        assertEquals("", Why.inMemoryForks(new Summary(600_000, 590_000, 610_000, 3),
                new Summary(640_000, 630_000, 650_000, 3), 1_400, 400), "forks that agree need no comparison");
        assertEquals("", Why.inMemoryForks(new Summary(400_000, 300_000, 600_000, 3), null, 1_400, 400));
    }

    @Test
    void withAPairedRunTheEndToEndTargetsAreMediansOfPerRepetitionRatios() throws IOException {
        // Lettuce's delivered CPU drifts 4 → 8 over the repetitions, and Herald's with it: each repetition's ratio is
        // 1.05, while the ratio of the medians of these unaligned lists would be 6.3 / 5.0 = 1.26
        ContenderResult lettuce = contender("Lettuce batched", List.of(4.0, 4.0, 4.0, 4.0, 4.0),
                List.of(4.0, 5.0, 6.0, 7.0, 8.0));
        ContenderResult herald = contender("Herald", List.of(4.4, 4.4, 4.0, 4.4, 4.4),
                List.of(4.2, 5.25, 6.3, 7.35, 8.4));
        E2eResults paired = new E2eResults("Redis test", false, 5, 5, 3, 20_000, 5_000, 148, List.of(lettuce, herald),
                null);
        Report report = report(paired);
        List<Target> targets = report.targets();

        Target delivered = find(targets, "JVM CPU per delivered message, Herald ÷ Lettuce batched, paired run");
        assertEquals(1.05, delivered.measured(), EPSILON);
        assertTrue(delivered.passed(), "goal ≤ 1.10×");
        Target publish = find(targets, "JVM CPU per publish, Herald ÷ Lettuce batched, paired run");
        assertEquals(1.1, publish.measured(), EPSILON); // ratios 1.1, 1.1, 1.0, 1.1, 1.1
        assertFalse(publish.passed(), "goal ≤ 1.05×");
        assertTrue(targets.stream().noneMatch(t -> t.name().equals("JVM CPU per delivered message, Herald ÷ Lettuce batched")),
                "the main run's ratio is not a target as well");

        PairedSection.Ratio ratio = PairedSection.ratio(List.of(1.0, 2.0, 3.0), List.of(1.0, 1.0, 1.0));
        assertEquals(List.of(1.0, 2.0, 3.0), ratio.each());
        assertEquals(2.0, ratio.median(), EPSILON);
        assertTrue(ratio.low() >= 1.0 && ratio.low() <= 2.0 && ratio.high() >= 2.0 && ratio.high() <= 3.0, ratio.toString());

        String md = report.markdown(targets, List.of(), List.of(), List.of(), "results.png");
        assertTrue(md.contains("## Herald ÷ hand-batched Lettuce, paired"), md);
        assertTrue(md.contains("the other ratios compare medians measured in this run. The first eight rows are issue "
                + "18's"), md);
        // the main run's ratio of medians beside the paired one: 7.0 / 6.0
        assertTrue(md.contains("| JVM CPU per delivered message | 1.05× (1.05×–1.05×) | 1.17× | 1.05, 1.05, 1.05, 1.05, 1.05 |"), md);
        assertFalse(md.contains("NaN"), md);
    }

    @Test
    void theP99TargetShowsEachRunsP99BesideHowLateTheStallProbeWokeUp() throws IOException {
        List<LatencyRun> lettuceRuns = List.of(new LatencyRun(60_000, 20_000, 90, 10_700, 20_000, 23_000, 0, 12_000),
                new LatencyRun(60_000, 20_000, 95, 17_800, 27_000, 28_000, 0, 21_500));
        List<LatencyRun> heraldRuns = List.of(new LatencyRun(60_000, 20_000, 180, 19_200, 28_000, 28_500, 0, 24_000),
                new LatencyRun(60_000, 20_000, 170, 36_200, 53_000, 53_500, 0, 40_000));
        ContenderResult lettuce = withLatency(contender("Lettuce batched", List.of(4.0, 4.0), List.of(5.0, 5.0)),
                lettuceRuns);
        ContenderResult herald = withLatency(contender("Herald", List.of(4.0, 4.0), List.of(5.0, 5.0)), heraldRuns);
        E2eResults paired = new E2eResults("Redis test", false, 2, 5, 3, 20_000, 5_000, 148, List.of(lettuce, herald),
                null);
        Report report = report(paired);
        List<Target> targets = report.targets();

        Target p99 = find(targets, "Herald p99 ÷ Lettuce batched p99 at the fixed rate, paired run");
        assertTrue(p99.why().contains("Each repetition's p99 and that lateness, ms: Lettuce batched 10.7/12.0, "
                + "17.8/21.5; Herald 19.2/24.0, 36.2/40.0."), p99.why());

        E2eResults main = new E2eResults("Redis test", false, 2, 5, 3, 20_000, 5_000, 148, List.of(lettuce, herald),
                null);
        String md = new Report(main, null, null, null, null, null, null, null, new Properties(), new Properties(),
                new Machine(2, "test CPU", "1 GiB", "17", "0.00")).markdown(List.of(), List.of(), List.of(), List.of(),
                "results.png");
        assertTrue(md.contains("- Herald: 20,000 (20,000–20,000) msg/s, max latency 41,000 (28,500–53,500) µs, a thread that only "
                + "sleeps 1 ms at a time woke up 32,000 (24,000–40,000) µs late"), md);
        assertFalse(report().markdown(report().targets(), List.of(), List.of(), List.of(), "results.png")
                .contains("µs late"), "no probe, no lateness");
    }

    // ------------------------------------------------------------------ fixtures

    private static ContenderResult withLatency(ContenderResult c, List<LatencyRun> latency) {
        return new ContenderResult(c.name(), c.description(), c.publishRates(), c.deliveredRates(), latency,
                c.publishLost(), c.publishFailed(), c.deliveredLost(), c.errors(), c.publishCost(), c.deliveredCost());
    }

    private Report report() throws IOException {
        return report(null);
    }

    private Report report(E2eResults paired) throws IOException {
        ContenderResult lettuce = contender("Lettuce batched", List.of(4.0, 4.1, 20.0), List.of(5.0, 6.0, 100.0));
        ContenderResult herald = contender("Herald", List.of(4.4, 4.2, Double.NaN, 4.0), List.of(6.0, 7.0, 50.0));
        E2eResults e2e = new E2eResults("Redis test", false, 3, 2, 2, 20_000, 5_000, 148, List.of(lettuce, herald), null);
        Path jmh = dir.resolve("jmh.json");
        Files.writeString(jmh, "["
                + jmh("CodecBenchmark.heraldDecode", "ns/op", 4_000)
                + "," + jmh("CodecBenchmark.heraldEncode", "ns/op", 1_000)
                + "," + jmh("InMemoryThroughputBenchmark.oneToOne", "ops/s", 200_000)
                + "," + jmh("InMemoryThroughputBenchmark.oneToEight", "ops/s", 250_000)
                + "," + jmh("HandOffBaselineBenchmark.spinningThread", "ops/s", 225_000)
                + "," + jmh("HandOffBaselineBenchmark.singleThreadExecutor", "ops/s", 180_000)
                + "," + jmh("InMemoryThroughputBenchmark.oneToOneImmutable", "ops/s", 300_000)
                + "," + jmh("InMemoryThroughputBenchmark.oneToEightImmutable", "ops/s", 900_000)
                + "]");
        return new Report(e2e, paired, null, null, null, JmhResults.read(jmh), null, compile(30_000), new Properties(),
                new Properties(), new Machine(2, "test CPU", "1 GiB", "17", "0.00"));
    }

    private static ContenderResult contender(String name, List<Double> publishCpu, List<Double> deliveredCpu) {
        List<LatencyRun> latency = List.of(new LatencyRun(40_000, 20_000, 100, 1_000, 2_000, 3_000, 0));
        return new ContenderResult(name, name, List.of(100_000.0), List.of(90_000.0), latency, 0, 0, 0, "",
                publishCpu.stream().map(cpu -> new Cost(cpu, 1, 0, 90)).toList(),
                deliveredCpu.stream().map(cpu -> new Cost(cpu, 1, 0, 90)).toList());
    }

    private static CompileResults compile(long generatedLines) {
        return new CompileResults(200, 5, 1_200, 600, "processor.jar", List.of(3_000.0), List.of(9_000.0),
                List.of(5_500.0), List.of(7_000.0), 15_800, generatedLines);
    }

    private static String jmh(String name, String unit, double score) {
        return "{\"benchmark\":\"dev.herald.bench.jmh." + name + "\",\"primaryMetric\":{\"score\":" + score
                + ",\"scoreUnit\":\"" + unit + "\",\"rawData\":[[" + score + "," + score + "]]}}";
    }

    private static JmhResults.Score score(double median, String unit) {
        return new JmhResults.Score(new Summary(median, median, median, 1), unit, 1, 1);
    }

    private static Target find(List<Target> targets, String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no target " + name + " in " + targets));
    }
}
