package dev.herald.bench.results;

import dev.herald.bench.results.E2eResults.ContenderResult;
import java.util.List;

/**
 * What the cluster harness measured on a local Redis Cluster, written as JSON for the report. Each contender's
 * {@link ContenderResult} has delivered throughput, the fixed-rate runs and the cost per delivered message,
 * whose Redis CPU time is summed over every node of the cluster; it has no publish-throughput figures
 * (empty lists).
 *
 * @param redisVersion the output of {@code redis-server --version}
 * @param topology the cluster, such as "3 masters + 3 replicas"
 * @param quick whether the run used the shortened settings
 * @param repetitions how many times each measurement ran
 * @param throughputSeconds how long each delivered-throughput run published
 * @param latencySeconds how long each fixed-rate run published
 * @param rate the fixed rate of the latency runs, messages per second
 * @param window how many delivered-throughput messages may be in flight at once
 * @param payloadBytes the JSON payload's size
 * @param contenders one entry per contender
 */
public record ClusterResults(String redisVersion, String topology, boolean quick, int repetitions,
        double throughputSeconds, double latencySeconds, int rate, int window, int payloadBytes,
        List<ContenderResult> contenders) {
}
