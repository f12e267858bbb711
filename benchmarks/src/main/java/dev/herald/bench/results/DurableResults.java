package dev.herald.bench.results;

import dev.herald.bench.results.E2eResults.Cost;
import dev.herald.bench.results.E2eResults.LatencyRun;
import java.util.List;

/**
 * What the durable harness (Redis Streams, consumer groups) measured on one {@code redis-server}, written as JSON
 * for the report.
 *
 * @param redisVersion the output of {@code redis-server --version}
 * @param quick whether the run used the shortened settings
 * @param rounds how many times each measurement ran, the contenders in a different order each round
 * @param throughputSeconds how long each throughput run appended
 * @param latencySeconds how long each fixed-rate run appended
 * @param rate the fixed rate of the latency runs, messages per second
 * @param window how many appended messages may be unhandled at once in a throughput run
 * @param payloadBytes the JSON payload's size
 * @param contenders one entry per contender that ran
 * @param notRun the contenders that could not be connected, and why
 */
public record DurableResults(String redisVersion, boolean quick, int rounds, double throughputSeconds,
        double latencySeconds, int rate, int window, int payloadBytes, List<ContenderResult> contenders,
        List<NotRun> notRun) {

    /**
     * One contender's figures; each list has one entry per round.
     *
     * @param name the short name
     * @param description how it appends, reads and acknowledges
     * @param deliveredRates messages per second handled end to end (appended, read, decoded, handled)
     * @param cost what one handled message cost, acknowledgement included
     * @param latency the fixed-rate runs, from the append to the handler; {@code lost} counts messages never handled
     * @param appended messages appended over all measured runs
     * @param missing appended messages never handled, over all measured runs
     * @param duplicates extra deliveries of messages already handled, over all measured runs
     * @param pendingAfterRuns entries pending (delivered, never acknowledged) once each round's runs settled
     * @param pending entries pending at the end of the run ({@code XPENDING}), over the contender's groups
     * @param lag entries never delivered to a group at the end of the run ({@code XINFO GROUPS}); -1 if unknown
     * @param errors failures the contender counted, empty when none
     */
    public record ContenderResult(String name, String description, List<Double> deliveredRates, List<Cost> cost,
            List<LatencyRun> latency, long appended, long missing, long duplicates, List<Long> pendingAfterRuns,
            long pending, long lag, String errors) {
    }

    /**
     * A contender that did not run.
     *
     * @param contender its command-line name
     * @param reason why
     */
    public record NotRun(String contender, String reason) {
    }
}
