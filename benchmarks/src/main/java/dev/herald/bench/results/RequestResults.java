package dev.herald.bench.results;

import dev.herald.bench.results.E2eResults.Cost;
import dev.herald.bench.results.E2eResults.LatencyRun;
import java.util.List;

/**
 * What the request-reply harness measured on one {@code redis-server}, written as JSON for the report.
 *
 * @param redisVersion the output of {@code redis-server --version}
 * @param quick whether the run used the shortened settings
 * @param rounds how many times each measurement ran, the contenders in a different order each round
 * @param throughputSeconds how long each closed-loop run lasted
 * @param latencySeconds how long each fixed-rate run sent
 * @param inFlight requests in flight in the closed loop
 * @param rate the fixed rate of the latency runs, requests per second
 * @param requestBytes the request's JSON size
 * @param replyBytes the reply's JSON size
 * @param contenders one entry per contender that ran
 * @param notRun the contenders that could not be connected, and why
 */
public record RequestResults(String redisVersion, boolean quick, int rounds, double throughputSeconds,
        double latencySeconds, int inFlight, int rate, int requestBytes, int replyBytes,
        List<ContenderResult> contenders, List<NotRun> notRun) {

    /**
     * One contender's figures; each list has one entry per round.
     *
     * @param name the short name
     * @param description how it requests, responds and correlates
     * @param roundTrips round trips per second in the closed loop
     * @param cost what one closed-loop round trip cost (requester, responder and Redis together)
     * @param latency the fixed-rate runs; {@code lost} counts requests that failed or were never answered
     * @param failed closed-loop requests that failed, over all rounds
     * @param errors what the library counted (timeouts, late replies, ...), empty when nothing
     */
    public record ContenderResult(String name, String description, List<Double> roundTrips, List<Cost> cost,
            List<LatencyRun> latency, long failed, String errors) {
    }

    /**
     * A contender that did not run.
     *
     * @param contender its command-line name
     * @param reason the exception it failed with
     */
    public record NotRun(String contender, String reason) {
    }
}
