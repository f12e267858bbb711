package dev.herald.bench.results;

import java.util.List;

/**
 * What the end-to-end harness measured, written as JSON for the report.
 *
 * @param redisVersion the output of {@code redis-server --version}
 * @param quick whether the run used the shortened settings
 * @param repetitions how many times each measurement ran
 * @param throughputSeconds how long each throughput measurement published
 * @param latencySeconds how long each fixed-rate run published
 * @param rate the fixed rate of the latency runs, messages per second
 * @param window how many delivered-throughput messages may be in flight at once
 * @param payloadBytes the JSON payload's size
 * @param contenders one entry per library
 * @param redisBenchmark the {@code redis-benchmark} reference, or {@code null} when it did not run
 */
public record E2eResults(String redisVersion, boolean quick, int repetitions, double throughputSeconds,
        double latencySeconds, int rate, int window, int payloadBytes, List<ContenderResult> contenders,
        ReferenceResult redisBenchmark) {

    /**
     * One contender's figures; each list has one entry per repetition.
     *
     * @param name the short name
     * @param description how it publishes and subscribes
     * @param publishRates acknowledged publishes per second
     * @param deliveredRates messages per second decoded by the subscriber
     * @param latency the fixed-rate runs
     * @param publishLost publishes acknowledged but never seen by the counting subscriber, over all repetitions
     * @param publishFailed publishes that failed, over all repetitions
     * @param deliveredLost delivered-throughput messages never decoded, over all repetitions
     * @param errors errors the library reported, empty when none
     * @param publishCost what one acknowledged publish cost, one entry per repetition
     * @param deliveredCost what one delivered message cost, one entry per repetition
     */
    public record ContenderResult(String name, String description, List<Double> publishRates,
            List<Double> deliveredRates, List<LatencyRun> latency, long publishLost, long publishFailed,
            long deliveredLost, String errors, List<Cost> publishCost, List<Cost> deliveredCost) {
    }

    /**
     * What one message cost during a throughput run, on average: independent of how busy the machine
     * was, unlike the rate.
     *
     * @param jvmCpuMicros CPU time of the benchmark JVM (publisher, client, subscriber, GC, JIT), µs
     * @param redisCpuMicros CPU time of {@code redis-server}, µs
     * @param contextSwitches context switches of the JVM's live threads
     * @param commandsPerRead commands Redis processed per socket read: how many PUBLISHes the client's
     *     writes carried together (all clients together; only one publishes at a time)
     */
    public record Cost(double jvmCpuMicros, double redisCpuMicros, double contextSwitches, double commandsPerRead) {
    }

    /**
     * One fixed-rate run.
     *
     * @param messages how many were published
     * @param achievedRate messages per second the paced publisher achieved
     * @param p50Micros median latency, microseconds
     * @param p99Micros 99th percentile, microseconds
     * @param p999Micros 99.9th percentile, microseconds
     * @param maxMicros the largest latency, microseconds
     * @param lost messages never decoded
     * @param stallMicros the most a thread of the benchmark's JVM that only sleeps 1 ms at a time woke up late
     *     during the run, microseconds: how long a thread with work could wait for a core; 0 or NaN when not measured
     */
    public record LatencyRun(int messages, double achievedRate, double p50Micros, double p99Micros,
            double p999Micros, double maxMicros, long lost, double stallMicros) {

        /** A run measured without a stall probe. */
        public LatencyRun(int messages, double achievedRate, double p50Micros, double p99Micros, double p999Micros,
                double maxMicros, long lost) {
            this(messages, achievedRate, p50Micros, p99Micros, p999Micros, maxMicros, lost, Double.NaN);
        }
    }

    /**
     * {@code redis-benchmark}'s pipelined PUBLISH with one subscriber attached: what the server and the
     * loopback allow, with no Java client involved.
     *
     * @param command the command line
     * @param rates requests per second, one per repetition
     * @param lost messages the counting subscriber did not see
     */
    public record ReferenceResult(String command, List<Double> rates, long lost) {
    }
}
