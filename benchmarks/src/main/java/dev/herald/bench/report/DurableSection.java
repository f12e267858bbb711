package dev.herald.bench.report;

import dev.herald.bench.results.DurableResults;
import dev.herald.bench.results.DurableResults.ContenderResult;
import dev.herald.bench.results.DurableResults.NotRun;
import dev.herald.bench.results.E2eResults.Cost;
import dev.herald.bench.results.E2eResults.LatencyRun;
import dev.herald.bench.results.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The durable part of the report, from {@code durable.json}: the goals of issue 12, point 7 (Herald's durable
 * channels end to end against raw Lettuce streams batched by hand, Spring Data Redis's
 * {@code StreamMessageListenerContainer} and Redisson's {@code RStream}), the table of contenders, and whether
 * every message was handled at least once and what stayed pending.
 */
final class DurableSection {

    static final String HERALD = "Herald";
    static final String LETTUCE = "Lettuce streams by hand";
    static final String SPRING = "Spring Data Redis";
    static final String REDISSON = "Redisson RStream";

    private static final String WHY = """
            **Durable channels.** Not analysed yet: these goals came with durable channels (issue 12), and no full \
            run on a quiet machine has been made. The JVM CPU per handled message (publisher, consumer and client \
            libraries together) says whether a miss is Herald's own path or the machine.""";

    private final DurableResults durable;

    DurableSection(DurableResults durable) {
        this.durable = durable;
    }

    private ContenderResult contender(String name) {
        if (durable == null) {
            return null;
        }
        return durable.contenders().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    private double median(String name, Function<ContenderResult, List<Double>> values) {
        ContenderResult c = contender(name);
        if (c == null) {
            return Double.NaN;
        }
        List<Double> known = values.apply(c).stream().filter(v -> !v.isNaN()).toList();
        return known.isEmpty() ? Double.NaN : Summary.of(known).median();
    }

    private static List<Double> delivered(ContenderResult c) {
        return c.deliveredRates();
    }

    private static List<Double> p50(ContenderResult c) {
        return c.latency().stream().map(LatencyRun::p50Micros).toList();
    }

    private static List<Double> p99(ContenderResult c) {
        return c.latency().stream().map(LatencyRun::p99Micros).toList();
    }

    private static List<Double> jvmCpu(ContenderResult c) {
        return c.cost().stream().map(Cost::jvmCpuMicros).toList();
    }

    /** @return the goals of issue 12, point 7; not measured ("n/a") until the harness ran with a Herald contender */
    List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("Durable: Herald delivered ÷ raw Lettuce streams batched by hand delivered",
                ratio(HERALD, LETTUCE, DurableSection::delivered), "x", true, 0.8, WHY));
        targets.add(new Target("Durable: Herald delivered ÷ Spring StreamMessageListenerContainer delivered",
                ratio(HERALD, SPRING, DurableSection::delivered), "x", true, 3, WHY));
        targets.add(new Target("Durable: Herald delivered ÷ Redisson RStream delivered",
                ratio(HERALD, REDISSON, DurableSection::delivered), "x", true, 1.5, WHY));
        return targets;
    }

    private double ratio(String name, String other, Function<ContenderResult, List<Double>> values) {
        return median(name, values) / median(other, values);
    }

    /**
     * The line of the report's summary: the three ratios against their goals.
     *
     * @param targets what {@link #targets()} returned
     * @return one sentence, or {@code null} when the harness did not run
     */
    String summaryLine(List<Target> targets) {
        if (durable == null) {
            return null;
        }
        return String.format(Locale.ROOT, "Durable channels (issue 12, see [below](#durable-channels-redis-streams)): "
                        + "Herald ÷ raw Lettuce streams delivered %s (goal %s, %s); ÷ Spring %s (goal %s, %s); "
                        + "÷ Redisson `RStream` %s (goal %s, %s).",
                targets.get(0).measuredText(), targets.get(0).goalText(), targets.get(0).verdict(),
                targets.get(1).measuredText(), targets.get(1).goalText(), targets.get(1).verdict(),
                targets.get(2).measuredText(), targets.get(2).goalText(), targets.get(2).verdict());
    }

    void markdown(StringBuilder md, List<Target> targets) {
        md.append("## Durable channels (Redis Streams)\n\n");
        if (durable == null) {
            md.append("Not run (`durable.json` missing).\n\n");
            return;
        }
        md.append(String.format(Locale.ROOT, "One `redis-server` on loopback, without persistence (`appendonly no`, no "
                        + "snapshots, as in the other harnesses: the figures are the clients' and Redis's stream work, "
                        + "not the disk's). Each contender appends the %d-byte JSON `OrderCreated` in the entry field "
                        + "`payload` of its own stream, and one consumer in a consumer group reads, decodes, handles "
                        + "(counts) and acknowledges. %d rounds, each running the contenders in another order; "
                        + "throughput runs of %.1f s with at most %,d messages appended and not yet handled, latency "
                        + "runs of %.1f s at %,d msg/s.%n%n",
                durable.payloadBytes(), durable.rounds(), durable.throughputSeconds(), durable.window(),
                durable.latencySeconds(), durable.rate()));
        md.append("| Herald ÷ | Delivered msg/s | Goal (issue 12) | Verdict | p50 | p99 | JVM CPU per message |\n")
                .append("|---|---:|---:|---|---:|---:|---:|\n");
        ratioRow(md, "raw Lettuce streams batched by hand", LETTUCE, targets.get(0));
        ratioRow(md, "Spring Data Redis `StreamMessageListenerContainer`", SPRING, targets.get(1));
        ratioRow(md, "Redisson `RStream`", REDISSON, targets.get(2));
        md.append("\nFor the latency and CPU ratios lower is better; the issue sets goals only for delivered throughput.\n\n");
        if (targets.stream().anyMatch(t -> t.measuredInThisRun() && !t.passed())) {
            md.append(WHY).append("\n\n");
        }
        md.append("| Contender | Delivered msg/s | p50 µs | p99 µs | p99.9 µs | Appended msg/s at the fixed rate "
                + "| JVM CPU µs per message | Redis CPU µs per message | Appended | Never handled | Handled twice "
                + "| Pending after the run |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ContenderResult c : durable.contenders()) {
            md.append("| ").append(c.name())
                    .append(" | ").append(figure(c.deliveredRates(), "%,.0f"))
                    .append(" | ").append(figure(p50(c), "%,.0f"))
                    .append(" | ").append(figure(p99(c), "%,.0f"))
                    .append(" | ").append(figure(c.latency().stream().map(LatencyRun::p999Micros).toList(), "%,.0f"))
                    .append(" | ").append(figure(c.latency().stream().map(LatencyRun::achievedRate).toList(), "%,.0f"))
                    .append(" | ").append(figure(jvmCpu(c), "%.1f"))
                    .append(" | ").append(figure(c.cost().stream().map(Cost::redisCpuMicros).toList(), "%.1f"))
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", c.appended()))
                    .append(" | ").append(c.missing())
                    .append(" | ").append(c.duplicates())
                    .append(" | ").append(c.pending()).append(c.lag() > 0 ? " (+" + c.lag() + " never read)" : "")
                    .append(" |\n");
        }
        md.append("""

                - **Delivered msg/s**: one thread appends as fast as the contender accepts, never more than the \
                window ahead of what was handled; the rate counts the distinct messages handled, from the first \
                append to the last message handled.
                - **Latency**: the publisher follows a fixed schedule (parking until each message is due, flushing a \
                batching contender first) and each message is timed from the moment it is handed to the client \
                (encoding included) to the moment the handler got it, decoded. Percentiles from HdrHistogram. A \
                contender whose publisher cannot keep the rate shows it in "Appended msg/s at the fixed rate"; one \
                whose consumer cannot, in its latency.
                - **CPU per message**: this JVM's CPU time (publisher, consumer, client libraries, GC) and \
                `redis-server`'s, read before each throughput run and after its acknowledgements settled, divided by \
                the messages handled.
                - **At least once**: every message carries a sequence number of its own; "never handled" counts \
                those appended and never handed to the handler, "handled twice" the extra deliveries. After each \
                run the harness waits until the contender's consumer groups hold nothing pending (or until the \
                count stops going down for 2 s), then empties the streams (`XTRIM MAXLEN 0`, which leaves the \
                pending entries list alone). "Pending after the run" is what `XINFO GROUPS` (the `XPENDING` count) \
                reports for the contender's streams (`SCAN MATCH <contender>:* TYPE stream`) at the very end: \
                delivered and never acknowledged; a contender that does not acknowledge shows it here.

                Contenders:

                """);
        for (ContenderResult c : durable.contenders()) {
            md.append("- **").append(c.name()).append("**: ").append(c.description()).append('.')
                    .append(c.errors() == null || c.errors().isEmpty() ? "" : " Counted: " + c.errors() + ".")
                    .append('\n');
        }
        for (NotRun n : durable.notRun()) {
            md.append("- **").append(n.contender()).append("**: not run (").append(n.reason().replace("|", "\\|"))
                    .append(").\n");
        }
        md.append('\n');
    }

    private void ratioRow(StringBuilder md, String label, String other, Target target) {
        md.append("| ").append(label)
                .append(" | ").append(target.measuredText())
                .append(" | ").append(target.goalText())
                .append(" | ").append(target.verdict())
                .append(" | ").append(times(ratio(HERALD, other, DurableSection::p50)))
                .append(" | ").append(times(ratio(HERALD, other, DurableSection::p99)))
                .append(" | ").append(times(ratio(HERALD, other, DurableSection::jvmCpu)))
                .append(" |\n");
    }

    private static String times(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f×", ratio);
    }

    private static String figure(List<Double> values, String format) {
        List<Double> known = values.stream().filter(v -> !v.isNaN()).toList();
        if (known.isEmpty()) {
            return "n/a";
        }
        Summary summary = Summary.of(known);
        String median = String.format(Locale.ROOT, format, summary.median());
        if (summary.count() == 1) {
            return median;
        }
        return median + " (" + String.format(Locale.ROOT, format, summary.min()) + "–"
                + String.format(Locale.ROOT, format, summary.max()) + ")";
    }
}
