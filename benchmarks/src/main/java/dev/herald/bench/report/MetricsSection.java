package dev.herald.bench.report;

import dev.herald.bench.results.E2eResults;
import dev.herald.bench.results.E2eResults.ContenderResult;
import dev.herald.bench.results.Summary;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The cost of metrics and observations (issue 15, point 5): the end-to-end ratio of the contender
 * {@code Herald metrics+observations} to plain {@code Herald}, measured in the same run, and the JMH comparison of
 * {@code MetricsOverheadBenchmark} with {@code -prof gc} (messages per second and bytes allocated per message on
 * the publish and dispatch paths together, in memory), from {@code jmh-metrics.json}.
 */
final class MetricsSection {

    static final String HERALD = "Herald";
    static final String OBSERVED = "Herald metrics+observations";
    static final String METERED = "Herald metrics";
    private static final String BENCHMARK = "MetricsOverheadBenchmark.oneToOne:measure=";
    private static final List<String> MEASURES =
            List.of("off", "meters", "empty-handler", "observed-no-process", "observed-no-ltt", "observed");

    static final String WHY = """
            **Metrics and observations.** Meters alone cost a counter increment and a timer record per \
            message, made once per channel; the JMH table shows no allocation per message beyond noise. An \
            observation is Micrometer's work: `Observation.Context` allocates three `ConcurrentHashMap`s \
            and fills two of them with the key values, `SimpleObservation` copies the handler list, \
            `openScope` sets a thread local (the `empty-handler` row: what an observation costs before any \
            handler keeps anything), and `DefaultMeterObservationHandler` then turns the key values into \
            tags and looks its timer and long task timer up twice per observation, with a `Timer.Sample` \
            and a `LongTaskTimer.Sample` (the `observed` row over `empty-handler`). Herald's own part is the \
            two context objects and their suppliers: the low-cardinality key values, the contextual names \
            and a plain channel's `herald.channel` are made once per channel (`HeraldChannelKeys`). What a \
            user can switch off: the long task timers \
            (`DefaultMeterObservationHandler(registry, IgnoredMeters.LONG_TASK_TIMER)`; Spring Boot 4 \
            `management.metrics.observations.ignored-meters=long-task-timer`, 3.x \
            `management.observations.long-task-timer.enabled=false`: the `observed-no-ltt` row), or the \
            per-message `herald.process` observation with an `ObservationPredicate` (Spring Boot \
            `management.observations.enable.herald.process=false`: the `observed-no-process` row), keeping \
            Herald's own `herald.handler.duration` timer, which measures the same handler calls.""";

    private final E2eResults e2e;
    private final JmhResults jmh;

    /**
     * @param e2e the end-to-end results, or null when they did not run
     * @param jmh the results of {@code MetricsOverheadBenchmark} with {@code -prof gc}, or null
     */
    MetricsSection(E2eResults e2e, JmhResults jmh) {
        this.e2e = e2e;
        this.jmh = jmh;
    }

    private ContenderResult contender(String name) {
        return e2e == null ? null
                : e2e.contenders().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    private double median(String name, Function<ContenderResult, List<Double>> values) {
        ContenderResult c = contender(name);
        return c == null || values.apply(c).isEmpty() ? Double.NaN : Summary.of(values.apply(c)).median();
    }

    private static List<Double> delivered(ContenderResult c) {
        return c.deliveredRates();
    }

    private static List<Double> publish(ContenderResult c) {
        return c.publishRates();
    }

    private static List<Double> deliveredCpu(ContenderResult c) {
        return c.deliveredCost().stream().map(E2eResults.Cost::jvmCpuMicros).filter(v -> !v.isNaN()).toList();
    }

    /** @return the goal of issue 15, point 5, on Redis; not measured when either contender did not run */
    Target target() {
        return new Target("Issue 15: Herald metrics+observations delivered ÷ Herald delivered (same run)",
                median(OBSERVED, MetricsSection::delivered) / median(HERALD, MetricsSection::delivered), "x", true, 0.95,
                "**Metrics and observations.** See \"Metrics and observations: what they cost\" below: what is "
                        + "Micrometer's, what is Herald's, and what a user can switch off.");
    }

    private double jmh(String measure, boolean allocation) {
        JmhResults.Score score = jmh == null ? null
                : jmh.get(BENCHMARK + measure + (allocation ? "/" + JmhResults.ALLOCATION : ""));
        return score == null ? Double.NaN : score.summary().median();
    }

    void markdown(StringBuilder md) {
        md.append("## Metrics and observations: what they cost\n\n");
        if (contender(OBSERVED) != null && contender(HERALD) != null) {
            md.append(String.format(Locale.ROOT, "End to end over Redis, in the same run: %s delivered %,.0f msg/s, "
                            + "%s %,.0f msg/s: **%.2f×** (publish %.2f×); JVM CPU per delivered message %.1f µs against "
                            + "%.1f µs.%n%n",
                    OBSERVED, median(OBSERVED, MetricsSection::delivered), HERALD,
                    median(HERALD, MetricsSection::delivered),
                    median(OBSERVED, MetricsSection::delivered) / median(HERALD, MetricsSection::delivered),
                    median(OBSERVED, MetricsSection::publish) / median(HERALD, MetricsSection::publish),
                    median(OBSERVED, MetricsSection::deliveredCpu), median(HERALD, MetricsSection::deliveredCpu)));
            if (contender(METERED) != null) {
                md.append(String.format(Locale.ROOT, "With the meters only (%s): delivered %,.0f msg/s, **%.2f×** "
                                + "(publish %.2f×); JVM CPU per delivered message %.1f µs.%n%n",
                        METERED, median(METERED, MetricsSection::delivered),
                        median(METERED, MetricsSection::delivered) / median(HERALD, MetricsSection::delivered),
                        median(METERED, MetricsSection::publish) / median(HERALD, MetricsSection::publish),
                        median(METERED, MetricsSection::deliveredCpu)));
            }
        } else {
            md.append("End to end: not run (the e2e contenders `herald` and `herald-observed`).\n\n");
        }
        if (jmh == null || Double.isNaN(jmh("off", false))) {
            md.append("JMH (`MetricsOverheadBenchmark -prof gc`): not run.\n\n");
            return;
        }
        md.append("In memory, JMH `MetricsOverheadBenchmark` with `-prof gc`, one publisher → one subscription, in "
                + "the same run: delivered messages per second, and bytes allocated per message on the publish and "
                + "dispatch paths together (encode and decode included: the `off` row is Herald with no registry).\n\n");
        md.append("| Measure | Delivered msg/s | × off | B/msg | B/msg over off |\n|---|---:|---:|---:|---:|\n");
        double offRate = jmh("off", false);
        double offBytes = jmh("off", true);
        for (String measure : MEASURES) {
            double rate = jmh(measure, false);
            if (Double.isNaN(rate)) {
                continue;
            }
            double bytes = jmh(measure, true);
            md.append("| `").append(measure).append("` | ").append(String.format(Locale.ROOT, "%,.0f", rate))
                    .append(" | ").append(String.format(Locale.ROOT, "%.2f×", rate / offRate))
                    .append(" | ").append(Double.isNaN(bytes) ? "n/a" : String.format(Locale.ROOT, "%,.0f", bytes))
                    .append(" | ").append(Double.isNaN(bytes) ? "n/a" : String.format(Locale.ROOT, "%+,.0f", bytes - offBytes))
                    .append(" |\n");
        }
        md.append("""

                - `meters`: a `SimpleMeterRegistry` (every meter of Herald's); no observation registry.
                - `empty-handler`: meters, and an observation registry whose one handler keeps nothing: the \
                observations' own cost (Micrometer's `Observation` and context maps, Herald's two contexts).
                - `observed`: meters, and `DefaultMeterObservationHandler` on the observation registry: what Spring \
                Boot sets up without tracing. `observed-no-ltt`: the same handler without its long task timers. \
                `observed-no-process`: `observed` with an `ObservationPredicate` that switches `herald.process` off.
                - A JMH allocation figure moves by about ±64 B per message from run to run (the batch of 1,000 \
                messages is one operation); differences under that are noise.

                """);
        md.append(WHY).append("\n\n");
    }
}
