package dev.herald.bench.report;

import dev.herald.bench.results.E2eResults.Cost;
import dev.herald.bench.results.E2eResults.LatencyRun;
import dev.herald.bench.results.RequestResults;
import dev.herald.bench.results.RequestResults.ContenderResult;
import dev.herald.bench.results.RequestResults.NotRun;
import dev.herald.bench.results.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The request-reply part of the report, from {@code requests.json}: the goals of issue 13, Herald's ratios to the
 * hand-written Lettuce requester and to Redisson's {@code RRemoteService}, and the table of contenders.
 */
final class RequestsSection {

    static final String HERALD = "Herald";
    static final String LETTUCE = "Lettuce by hand";
    static final String REDISSON = "Redisson";

    private static final String WHY = """
            **Request-reply.** Not analysed yet: these goals came with request-reply (issue 13), and no full run on a \
            quiet machine has been made. The JVM CPU per round trip (requester, responder and client libraries \
            together) says whether a miss is Herald's own path or the machine.""";

    private final RequestResults requests;

    RequestsSection(RequestResults requests) {
        this.requests = requests;
    }

    private ContenderResult contender(String name) {
        if (requests == null) {
            return null;
        }
        return requests.contenders().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    private double median(String name, Function<ContenderResult, List<Double>> values) {
        ContenderResult c = contender(name);
        if (c == null) {
            return Double.NaN;
        }
        List<Double> known = values.apply(c).stream().filter(v -> !v.isNaN()).toList();
        return known.isEmpty() ? Double.NaN : Summary.of(known).median();
    }

    private static List<Double> roundTrips(ContenderResult c) {
        return c.roundTrips();
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

    /** @return the goals of issue 13, point 7; not measured when the harness or a contender did not run */
    List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("Request-reply: Herald round trips ÷ hand-written Lettuce round trips (closed loop)",
                ratio(HERALD, LETTUCE, RequestsSection::roundTrips), "x", true, 0.9, WHY));
        targets.add(new Target("Request-reply: Herald round trips ÷ Redisson RRemoteService round trips (closed loop)",
                ratio(HERALD, REDISSON, RequestsSection::roundTrips), "x", true, 3, WHY));
        return targets;
    }

    private double ratio(String name, String other, Function<ContenderResult, List<Double>> values) {
        return median(name, values) / median(other, values);
    }

    /**
     * The line of the report's summary: the two round-trip ratios against their goals.
     *
     * @param targets what {@link #targets()} returned
     * @return one sentence, or {@code null} when the harness did not run
     */
    String summaryLine(List<Target> targets) {
        if (requests == null) {
            return null;
        }
        return String.format(Locale.ROOT, "Request-reply (issue 13, see [below](#request-reply)): Herald ÷ hand-written "
                        + "Lettuce round trips %s (goal %s, %s); Herald ÷ Redisson `RRemoteService` round trips %s (goal %s, %s).",
                targets.get(0).measuredText(), targets.get(0).goalText(), targets.get(0).verdict(),
                targets.get(1).measuredText(), targets.get(1).goalText(), targets.get(1).verdict());
    }

    void markdown(StringBuilder md, List<Target> targets) {
        md.append("## Request-reply\n\n");
        if (requests == null) {
            md.append("Not run (`requests.json` missing).\n\n");
            return;
        }
        md.append(String.format(Locale.ROOT, "One `redis-server` on loopback; a %d-byte JSON `QuoteRequest` answered by a "
                        + "%d-byte `Quote`; each contender is a requester and a responder in one JVM over separate "
                        + "connections. %d rounds, each running the contenders in another order; closed-loop runs of "
                        + "%.1f s with %d requests in flight, latency runs of %.1f s at %,d requests/s.%n%n",
                requests.requestBytes(), requests.replyBytes(), requests.rounds(), requests.throughputSeconds(),
                requests.inFlight(), requests.latencySeconds(), requests.rate()));
        md.append("| Herald ÷ | Round trips/s | Goal (issue 13) | Verdict | p50 | p99 | JVM CPU per round trip |\n")
                .append("|---|---:|---:|---|---:|---:|---:|\n");
        ratioRow(md, "hand-written Lettuce", LETTUCE, targets.get(0));
        ratioRow(md, "Redisson `RRemoteService`", REDISSON, targets.get(1));
        md.append("\nFor the latency and CPU ratios lower is better; the issue sets goals only for round trips.\n\n");
        if (targets.stream().anyMatch(t -> t.measuredInThisRun() && !t.passed())) {
            md.append(WHY).append("\n\n");
        }
        md.append("| Contender | Round trips/s, ").append(requests.inFlight()).append(" in flight | p50 µs | p99 µs | "
                + "p99.9 µs | Sent req/s | JVM CPU µs per round trip | Redis CPU µs per round trip | "
                + "Failed or unanswered |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ContenderResult c : requests.contenders()) {
            long failed = c.failed() + c.latency().stream().mapToLong(LatencyRun::lost).sum();
            md.append("| ").append(c.name())
                    .append(" | ").append(figure(c.roundTrips(), "%,.0f"))
                    .append(" | ").append(figure(p50(c), "%,.0f"))
                    .append(" | ").append(figure(p99(c), "%,.0f"))
                    .append(" | ").append(figure(c.latency().stream().map(LatencyRun::p999Micros).toList(), "%,.0f"))
                    .append(" | ").append(figure(c.latency().stream().map(LatencyRun::achievedRate).toList(), "%,.0f"))
                    .append(" | ").append(figure(jvmCpu(c), "%.1f"))
                    .append(" | ").append(figure(c.cost().stream().map(Cost::redisCpuMicros).toList(), "%.1f"))
                    .append(" | ").append(failed).append(" |\n");
        }
        md.append("""

                - **Round trips/s**: a closed loop keeps the requests in flight; each completion sends the next \
                request from the thread that completed it. The rate counts the round trips completed within the run's \
                length; a request that fails ends its lane.
                - **Latency**: an open loop sends at the fixed rate on a schedule and times each request from its \
                *scheduled* send time to the completion of its stage, so a requester that falls behind, or a stall, \
                shows in every request it delays (no coordinated omission). Percentiles from HdrHistogram. The sender never waits for replies, so it keeps the rate ("Sent req/s") even when the responder cannot: a contender that falls behind shows it in its latency.
                - **CPU per round trip**: this JVM's CPU time (requester and responder together) and `redis-server`'s, \
                read before and after each closed-loop run and divided by its round trips.

                Contenders:

                """);
        for (ContenderResult c : requests.contenders()) {
            md.append("- **").append(c.name()).append("**: ").append(c.description()).append('.')
                    .append(c.errors() == null || c.errors().isEmpty() ? "" : " Counted: " + c.errors() + ".")
                    .append('\n');
        }
        for (NotRun n : requests.notRun()) {
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
                .append(" | ").append(times(ratio(HERALD, other, RequestsSection::p50)))
                .append(" | ").append(times(ratio(HERALD, other, RequestsSection::p99)))
                .append(" | ").append(times(ratio(HERALD, other, RequestsSection::jvmCpu)))
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
