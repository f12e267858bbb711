package dev.herald.bench.report;

import dev.herald.bench.results.E2eResults;
import dev.herald.bench.results.E2eResults.ContenderResult;
import dev.herald.bench.results.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Herald against hand-batched Lettuce alone ({@code e2e-paired.json}): a run of its own with only those two, more and
 * longer repetitions, the two alternating, and each ratio taken <em>within</em> a repetition, Herald's figure over
 * Lettuce's measured right before it. The main end-to-end run interleaves six contenders in three 2-second
 * repetitions, so a drift in the shared machine's load between two contenders' turns moves a ratio by 10–25 %, more
 * than the targets' width; pairing cancels what the two turns share. The figure is the median of the per-repetition
 * ratios, with a 90 % interval for that median (a bootstrap over the repetitions, fixed seed).
 */
final class PairedSection {

    /** The file {@code run.sh} writes this run to, in the results directory. */
    static final String FILE = "e2e-paired.json";

    private static final String HERALD = "Herald";
    private static final String LETTUCE_BATCHED = "Lettuce batched";
    private static final int RESAMPLES = 2_000;

    /** A ratio over the repetitions: each repetition's, their median and the 90 % interval of that median. */
    record Ratio(List<Double> each, double median, double low, double high) {

        String text(String format) {
            if (each.isEmpty()) {
                return "n/a";
            }
            return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", median, low, high);
        }
    }

    private final E2eResults paired;

    /** @param paired the paired run's results, or null when it did not run */
    PairedSection(E2eResults paired) {
        this.paired = paired;
    }

    /** @return whether the paired run ran with both contenders */
    boolean ran() {
        return contender(HERALD) != null && contender(LETTUCE_BATCHED) != null;
    }

    private ContenderResult contender(String name) {
        if (paired == null) {
            return null;
        }
        return paired.contenders().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * Herald's figure over Lettuce's, repetition by repetition.
     *
     * @param figure one figure per repetition of a contender
     * @return the ratios; empty when the run is missing or a figure was not measured
     */
    Ratio ratio(Function<ContenderResult, List<Double>> figure) {
        if (!ran()) {
            return new Ratio(List.of(), Double.NaN, Double.NaN, Double.NaN);
        }
        return ratio(figure.apply(contender(HERALD)), figure.apply(contender(LETTUCE_BATCHED)));
    }

    /**
     * @param herald Herald's figures, repetition by repetition
     * @param lettuce batched Lettuce's, the same repetitions
     * @return the per-repetition ratios (as many as both have), their median and its 90 % bootstrap interval
     */
    static Ratio ratio(List<Double> herald, List<Double> lettuce) {
        List<Double> each = new ArrayList<>();
        for (int i = 0; i < Math.min(herald.size(), lettuce.size()); i++) {
            double ratio = herald.get(i) / lettuce.get(i);
            if (Double.isFinite(ratio)) {
                each.add(ratio);
            }
        }
        if (each.isEmpty()) {
            return new Ratio(List.of(), Double.NaN, Double.NaN, Double.NaN);
        }
        SplittableRandom random = new SplittableRandom(18);
        List<Double> medians = new ArrayList<>(RESAMPLES);
        List<Double> sample = new ArrayList<>(each.size());
        for (int r = 0; r < RESAMPLES; r++) {
            sample.clear();
            for (int i = 0; i < each.size(); i++) {
                sample.add(each.get(random.nextInt(each.size())));
            }
            medians.add(Summary.of(sample).median());
        }
        medians.sort(null);
        return new Ratio(List.copyOf(each), Summary.of(each).median(), medians.get(RESAMPLES / 20),
                medians.get(RESAMPLES - 1 - RESAMPLES / 20));
    }

    // unlike Report's, these keep a repetition whose figure is NaN, so that the two lists stay aligned by repetition
    static List<Double> publishCpu(ContenderResult c) {
        return c.publishCost() == null ? List.of() : c.publishCost().stream().map(E2eResults.Cost::jvmCpuMicros).toList();
    }

    static List<Double> deliveredCpu(ContenderResult c) {
        return c.deliveredCost() == null ? List.of()
                : c.deliveredCost().stream().map(E2eResults.Cost::jvmCpuMicros).toList();
    }

    /**
     * Issue 18's end-to-end targets (and issue 6's publish row) from the paired run, in the order of the main
     * run's.
     *
     * @return the targets; none when the paired run did not run
     */
    List<Target> targets() {
        if (!ran()) {
            return List.of();
        }
        List<Target> targets = new ArrayList<>();
        targets.add(target("JVM CPU per delivered message, Herald ÷ Lettuce batched", ratio(PairedSection::deliveredCpu),
                false, 1.10));
        targets.add(target("JVM CPU per publish, Herald ÷ Lettuce batched", ratio(PairedSection::publishCpu), false,
                1.05));
        targets.add(target("Herald delivered ÷ Lettuce batched delivered (end to end)",
                ratio(ContenderResult::deliveredRates), true, 0.9));
        targets.add(target("Herald publish ÷ Lettuce batched publish (both coalesce writes)",
                ratio(ContenderResult::publishRates), true, 0.95));
        targets.add(target("Herald p99 ÷ Lettuce batched p99 at the fixed rate", ratio(Report::p99), false, 1.2,
                stalls()));
        return targets;
    }

    private Target target(String name, Ratio ratio, boolean higherIsBetter, double goal) {
        return target(name, ratio, higherIsBetter, goal, "");
    }

    /** @param more what the explanation says after the ratios, or "" */
    private Target target(String name, Ratio ratio, boolean higherIsBetter, double goal, String more) {
        return new Target(name + ", paired run", ratio.median(), "x", higherIsBetter, goal, String.format(Locale.ROOT,
                "**%s, paired run.** Median of %d per-repetition ratios %s (90 %% interval of the median in "
                        + "brackets); each repetition: %s.", name, ratio.each().size(), ratio.text("%.2f×"),
                each(ratio)) + more);
    }

    /**
     * @return each latency run's p99 beside how late the stall probe woke up in it, for both contenders; empty when
     *     the run had no probe
     */
    String stalls() {
        String lettuce = stalls(contender(LETTUCE_BATCHED));
        String herald = stalls(contender(HERALD));
        if (lettuce.isEmpty() || herald.isEmpty()) {
            return "";
        }
        return " In each latency run a thread of the benchmark's JVM that only sleeps 1 ms at a time measured how late "
                + "it woke up, which is how long any thread with work could wait for a core then. Each repetition's p99 "
                + "and that lateness, ms: Lettuce batched " + lettuce + "; Herald " + herald + ". Where the lateness "
                + "is as large as the p99, the p99 is the machine's scheduling, for either contender.";
    }

    private static String stalls(ContenderResult c) {
        List<Double> stalls = Report.stalls(c);
        List<Double> p99 = Report.p99(c);
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < stalls.size(); i++) {
            runs.add(String.format(Locale.ROOT, "%.1f/%.1f", p99.get(i) / 1e3, stalls.get(i) / 1e3));
        }
        return String.join(", ", runs);
    }

    private static String each(Ratio ratio) {
        List<String> texts = new ArrayList<>();
        for (double value : ratio.each()) {
            texts.add(String.format(Locale.ROOT, "%.2f", value));
        }
        return String.join(", ", texts);
    }

    /**
     * Writes the section: what the paired run is, and each ratio with its interval and its repetitions.
     *
     * @param md where to write
     * @param mainRun the same ratios from the main end-to-end run (ratios of medians), in {@link #targets()}'s
     *     order, for comparison
     */
    void markdown(StringBuilder md, List<Target> mainRun) {
        if (!ran()) {
            return;
        }
        md.append("## Herald ÷ hand-batched Lettuce, paired\n\n");
        md.append(String.format(Locale.ROOT, "A run of its own with only these two contenders: %d repetitions, "
                        + "throughput runs of %.1f s and latency runs of %.1f s at %,d msg/s, Lettuce then Herald in each. "
                        + "Each ratio is Herald's figure over Lettuce's within one repetition; the table gives the "
                        + "median over the repetitions, the 90 %% interval of that median (bootstrap) and every "
                        + "repetition's ratio. Issue 18's end-to-end targets are read from here; the main run's ratios "
                        + "of medians are beside them.%n%n",
                paired.repetitions(), paired.throughputSeconds(), paired.latencySeconds(), paired.rate()));
        md.append("| Herald ÷ Lettuce batched | Paired: median (90 % interval) | Main run | Each repetition |\n");
        md.append("|---|---:|---:|---|\n");
        List<Ratio> ratios = List.of(ratio(PairedSection::deliveredCpu), ratio(PairedSection::publishCpu),
                ratio(ContenderResult::deliveredRates), ratio(ContenderResult::publishRates), ratio(Report::p99));
        List<String> names = List.of("JVM CPU per delivered message", "JVM CPU per publish", "Delivered msg/s",
                "Publish msg/s", "p99 at the fixed rate");
        for (int i = 0; i < ratios.size(); i++) {
            String main = i < mainRun.size() ? mainRun.get(i).measuredText() : "n/a";
            md.append("| ").append(names.get(i)).append(" | ").append(ratios.get(i).text("%.2f×")).append(" | ")
                    .append(main).append(" | ").append(each(ratios.get(i))).append(" |\n");
        }
        md.append('\n');
    }
}
