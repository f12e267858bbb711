package dev.herald.bench.report;

import dev.herald.bench.results.Summary;
import java.util.Locale;

/**
 * What the run's own figures say about each kind of miss, printed under the targets a run misses. Each text
 * is made from the figures of the run it describes (ranges, the cost table, the JMH and compile-cost
 * figures) and says only what they show: no cause is named that this run did not measure, so a text cannot
 * go stale when the code it would name changes.
 */
final class Why {

    private Why() {
    }

    /**
     * @param herald Herald's JVM CPU µs per message over the repetitions, or null
     * @param lettuce batched Lettuce's, or null
     * @param what "delivered message" or "publish"
     */
    static String cpu(Summary herald, Summary lettuce, String what) {
        return String.format(Locale.ROOT, "**JVM CPU per %s.** Herald's JVM used %s µs of CPU per %s, batched "
                        + "Lettuce's %s µs (median, min–max over the repetitions), the ranges %s. The figure is the "
                        + "whole JVM (publisher, client, subscriber, GC, JIT) divided by the messages, both measured "
                        + "in the same JVM and run, so the difference is what Herald's path costs on top of raw "
                        + "Lettuce's.",
                what, range(herald, "%.1f"), what, range(lettuce, "%.1f"), overlap(herald, lettuce));
    }

    /**
     * @param herald Herald's rates over the repetitions, or null
     * @param lettuce batched Lettuce's, or null
     * @param what "delivered" or "publish"
     * @param heraldPerRead Herald's commands per socket read in that run (median), or NaN
     * @param lettucePerRead batched Lettuce's, or NaN
     */
    static String throughput(Summary herald, Summary lettuce, String what, double heraldPerRead, double lettucePerRead) {
        return String.format(Locale.ROOT, "**End-to-end %s throughput.** Herald %s msg/s, batched Lettuce %s msg/s "
                        + "(median, min–max), the ranges %s. A rate depends on what else the machine was doing (the "
                        + "load average above): read a throughput miss beside the CPU rows. Commands per socket read (the batch the write coalescing achieved): Herald %s, batched "
                        + "Lettuce %s.",
                what, range(herald, "%,.0f"), range(lettuce, "%,.0f"), overlap(herald, lettuce),
                number(heraldPerRead, "%.0f"),
                number(lettucePerRead, "%.0f"));
    }

    /**
     * @param redisson Redisson's delivered rates, or null
     * @param spring Spring Data Redis's, or null
     */
    static String otherClients(Summary redisson, Summary spring) {
        return String.format(Locale.ROOT, "**Redisson and Spring Data Redis.** Both run with their defaults; they "
                        + "delivered %s and %s msg/s (median, min–max), so these ratios move with Herald's delivered "
                        + "rate as much as with theirs.",
                range(redisson, "%,.0f"), range(spring, "%,.0f"));
    }

    /**
     * @param p50Ratio Herald's median p50 ÷ batched Lettuce's
     * @param herald Herald's p99 over the repetitions, or null
     * @param lettuce batched Lettuce's, or null
     */
    static String latency(double p50Ratio, Summary herald, Summary lettuce) {
        return String.format(Locale.ROOT, "**p99 at the fixed rate.** p99 over the repetitions: Herald %s µs, batched "
                        + "Lettuce %s µs; at p50, Herald ÷ batched Lettuce is %s. On a shared two-core machine the "
                        + "tail also carries GC pauses and scheduling stalls from other processes, for every "
                        + "contender alike.",
                range(herald, "%,.0f"), range(lettuce, "%,.0f"), number(p50Ratio, "%.2f×"));
    }

    /**
     * @param nanosPerDelivery in memory, one → one: ns per delivered message
     * @param decodeNanos {@code CodecBenchmark.heraldDecode}, ns
     * @param encodeNanos {@code CodecBenchmark.heraldEncode}, ns
     * @param spinningNanos {@code HandOffBaselineBenchmark.spinningThread}, ns per message, or NaN when it did not run
     * @param executorNanos {@code HandOffBaselineBenchmark.singleThreadExecutor}, ns per message, or NaN
     */
    static String inMemory(double nanosPerDelivery, double decodeNanos, double encodeNanos, double spinningNanos,
            double executorNanos) {
        String text = String.format(Locale.ROOT, "**In memory, one → one.** A message was delivered every %s ns; one "
                        + "decode of the payload takes %s ns and one encode %s ns (JMH, this run), so %s ns per "
                        + "message went to something other than the decode: the encode on the publishing thread, "
                        + "the hand-off to the subscription's handler thread, the benchmark's wait.",
                number(nanosPerDelivery, "%,.0f"), number(decodeNanos, "%,.0f"), number(encodeNanos, "%,.0f"),
                number(nanosPerDelivery - decodeNanos, "%,.0f"));
        if (Double.isNaN(spinningNanos) || Double.isNaN(executorNanos)) {
            return text + " This run does not split it further.";
        }
        return text + String.format(Locale.ROOT, " The same pipeline written by hand without Herald "
                        + "(`HandOffBaselineBenchmark`: encode on the benchmark thread, decode on a second one) takes "
                        + "%s ns per message (%s beyond the decode) with a consumer thread that spins while idle, the "
                        + "least a hand-off between two threads costs, and %s ns (%s) with a task per message on a "
                        + "single-thread executor; Herald's one → one is %s the spinning thread's time and %s the "
                        + "executor's.%s",
                number(spinningNanos, "%,.0f"), signedPercent(spinningNanos / decodeNanos - 1),
                number(executorNanos, "%,.0f"), signedPercent(executorNanos / decodeNanos - 1),
                number(nanosPerDelivery / spinningNanos, "%.2f×"), number(nanosPerDelivery / executorNanos, "%.2f×"),
                spinningNanos > decodeNanos
                        ? " What the spinning pipeline adds to the decode is the cost of moving each payload to another "
                                + "core, which the decode benchmark (one payload, hot in one core's cache) does not pay."
                        : " This run's decode figure is above the spinning pipeline's time per message, so it is no "
                                + "floor here: see the range of its forks in the JMH table.");
    }

    /**
     * @param oneToOne {@code InMemoryThroughputBenchmark.oneToOne} over its forks, msg/s, or null
     * @param spinning {@code HandOffBaselineBenchmark.spinningThread} over its forks, msg/s, or null
     * @param decodeNanos {@code CodecBenchmark.heraldDecode}, ns
     * @param encodeNanos {@code CodecBenchmark.heraldEncode}, ns
     * @return how far apart the two pipelines' forks were, and the fastest forks against each other; "" when either
     *     ran in one fork or their forks agree within a fifth
     */
    static String inMemoryForks(Summary oneToOne, Summary spinning, double decodeNanos, double encodeNanos) {
        if (oneToOne == null || spinning == null || oneToOne.count() < 2 || spinning.count() < 2
                || oneToOne.max() < 1.2 * oneToOne.min() && spinning.max() < 1.2 * spinning.min()) {
            return "";
        }
        double herald = 1e9 / oneToOne.max();
        double hand = 1e9 / spinning.max();
        return String.format(Locale.ROOT, " The forks of these two-thread pipelines disagree: one fork's mean to the "
                        + "next, Herald's one → one ran at %s–%s msg/s and the spinning pipeline at %s–%s. Their slowest "
                        + "forks took %s and %s ns per message, and an encode and a decode one after the other take %s "
                        + "ns: a fork slower than that ran as if the two threads took turns on one core, which is most "
                        + "likely where the machine put them (the kernel of the VMs of 2026-12 packs threads onto fewer "
                        + "vCPUs). The fastest forks, most likely on two cores: Herald %s ns "
                        + "per message, %s beyond the decode, against the spinning pipeline's %s ns (%s); Herald ÷ "
                        + "spinning %s.",
                number(oneToOne.min(), "%,.0f"), number(oneToOne.max(), "%,.0f"), number(spinning.min(), "%,.0f"),
                number(spinning.max(), "%,.0f"), number(1e9 / oneToOne.min(), "%,.0f"),
                number(1e9 / spinning.min(), "%,.0f"), number(decodeNanos + encodeNanos, "%,.0f"),
                number(herald, "%,.0f"), signedPercent(herald / decodeNanos - 1),
                number(hand, "%,.0f"), signedPercent(hand / decodeNanos - 1), number(herald / hand, "%.2f×"));
    }

    private static String signedPercent(double fraction) {
        return String.format(Locale.ROOT, "%+.0f %%", fraction * 100);
    }

    /**
     * @param oneToEightNanos in memory, one → eight: ns per delivery
     * @param oneToOneNanos one → one: ns per delivery
     */
    static String oneToEight(double oneToEightNanos, double oneToOneNanos) {
        return String.format(Locale.ROOT, "**In memory, one → eight, a record of immutable values.** A delivery to one "
                        + "of eight subscriptions cost %s ns, one to a lone subscription %s ns: the hand-off each of "
                        + "the eight subscriptions pays on its own outweighed the decode they share.",
                number(oneToEightNanos, "%,.0f"), number(oneToOneNanos, "%,.0f"));
    }

    /**
     * @param heraldEncode {@code CodecBenchmark.heraldEncode}, or null
     * @param jacksonEncode {@code CodecBenchmark.jacksonEncode}, or null
     * @param heraldDecode {@code CodecBenchmark.heraldDecode}, or null
     * @param jacksonDecode {@code CodecBenchmark.jacksonDecode}, or null
     */
    static String codec(Summary heraldEncode, Summary jacksonEncode, Summary heraldDecode, Summary jacksonDecode) {
        return String.format(Locale.ROOT, "**Codec.** Herald's codec and the pre-bound Jackson reader and writer, "
                        + "ns/op (median, min–max over the forks): encode %s against %s, the ranges %s; decode %s "
                        + "against %s, the ranges %s.",
                range(heraldEncode, "%,.0f"), range(jacksonEncode, "%,.0f"), overlap(heraldEncode, jacksonEncode),
                range(heraldDecode, "%,.0f"), range(jacksonDecode, "%,.0f"), overlap(heraldDecode, jacksonDecode));
    }

    /**
     * @param withoutMillis javac without the processor, median ms
     * @param withMillis with it
     * @param generatedMillis without it, its generated sources added (NaN when not measured)
     * @param replayMillis with a processor that only writes the same sources (NaN when not measured)
     */
    static String compile(double withoutMillis, double withMillis, double generatedMillis, double replayMillis) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "**Compile cost.** The processor added %,.0f ms to javac's %,.0f ms (medians).", withMillis - withoutMillis,
                withoutMillis));
        if (!Double.isNaN(generatedMillis)) {
            text.append(String.format(Locale.ROOT, " Compiling its generated sources, which hand-written equivalents "
                    + "would cost too, accounts for %,.0f ms of it.", generatedMillis - withoutMillis));
        }
        if (!Double.isNaN(generatedMillis) && !Double.isNaN(replayMillis)) {
            text.append(String.format(Locale.ROOT, " A processor with no logic that only writes the same files adds "
                            + "%,.0f ms more (javac's extra round and `Filer`), which leaves %,.0f ms to Herald's "
                            + "processor itself; with that part at zero, javac would still take %+.0f%%.",
                    replayMillis - generatedMillis, withMillis - replayMillis, (replayMillis / withoutMillis - 1) * 100));
        }
        return text.toString();
    }

    /**
     * @param generatedLines lines the processor generated
     * @param generatedFiles files it generated
     * @param interfaces channel interfaces in the fixture
     * @param channelsPerInterface channels per interface
     * @param sourceLines hand-written lines
     */
    static String lines(long generatedLines, int generatedFiles, int interfaces, int channelsPerInterface, long sourceLines) {
        return String.format(Locale.ROOT, "**Generated lines per channel.** The processor generated %,d lines in %,d "
                        + "files for %,d channels (%,d interfaces × %d), against %,d hand-written lines.",
                generatedLines, generatedFiles, interfaces * channelsPerInterface, interfaces, channelsPerInterface,
                sourceLines);
    }

    private static String overlap(Summary a, Summary b) {
        if (a == null || b == null) {
            return "not both measured";
        }
        return a.min() <= b.max() && b.min() <= a.max() ? "overlap (the run cannot tell the two apart)" : "do not overlap";
    }

    private static String range(Summary summary, String format) {
        if (summary == null) {
            return "n/a";
        }
        String median = String.format(Locale.ROOT, format, summary.median());
        return summary.count() == 1 ? median : median + " (" + String.format(Locale.ROOT, format, summary.min()) + "–"
                + String.format(Locale.ROOT, format, summary.max()) + ")";
    }

    private static String number(double value, String format) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, format, value);
    }
}
