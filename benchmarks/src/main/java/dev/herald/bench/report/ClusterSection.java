package dev.herald.bench.report;

import dev.herald.bench.results.ClusterResults;
import dev.herald.bench.results.E2eResults;
import dev.herald.bench.results.E2eResults.ContenderResult;
import dev.herald.bench.results.E2eResults.LatencyRun;
import dev.herald.bench.results.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Redis Cluster part of the report, from {@code cluster.json}: the goals of issue 11 and the table of
 * contenders on the local cluster.
 */
final class ClusterSection {

    static final String HERALD_SHARDED = "Herald sharded";
    static final String HERALD_CLASSIC = "Herald classic";
    static final String LETTUCE_SHARDED = "Lettuce sharded";
    static final String REDISSON_SHARDED = "Redisson sharded";

    private static final String WHY = """
            **Cluster.** Not analysed yet: these goals were added with the cluster transport, and the figures so \
            far come from smoke runs on a loaded machine. The cost columns (JVM and Redis CPU per message) say \
            whether a miss is Herald's own path or the machine.""";

    private final ClusterResults cluster;

    ClusterSection(ClusterResults cluster) {
        this.cluster = cluster;
    }

    private double median(String name, Function<ContenderResult, List<Double>> values) {
        if (cluster == null) {
            return Double.NaN;
        }
        return cluster.contenders().stream().filter(c -> c.name().equals(name)).findFirst()
                .map(c -> values.apply(c).stream().filter(v -> !v.isNaN()).toList())
                .filter(list -> !list.isEmpty())
                .map(list -> Summary.of(list).median()).orElse(Double.NaN);
    }

    private static List<Double> delivered(ContenderResult c) {
        return c.deliveredRates();
    }

    private static List<Double> redisCpu(ContenderResult c) {
        return c.deliveredCost().stream().map(E2eResults.Cost::redisCpuMicros).toList();
    }

    /** @return the goals of issue 11, point 6; not measured when the cluster harness did not run */
    List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("Cluster: Herald sharded delivered ÷ Lettuce sharded (batched) delivered",
                median(HERALD_SHARDED, ClusterSection::delivered) / median(LETTUCE_SHARDED, ClusterSection::delivered),
                "x", true, 0.9, WHY));
        targets.add(new Target("Cluster: Herald sharded delivered ÷ Redisson RShardedTopic delivered",
                median(HERALD_SHARDED, ClusterSection::delivered) / median(REDISSON_SHARDED, ClusterSection::delivered),
                "x", true, 3, WHY));
        targets.add(new Target("Cluster: Redis CPU per message, all six nodes, Herald sharded ÷ Herald classic PUBLISH",
                median(HERALD_SHARDED, ClusterSection::redisCpu) / median(HERALD_CLASSIC, ClusterSection::redisCpu),
                "x", false, 0.5, WHY));
        return targets;
    }

    void markdown(StringBuilder md, List<Target> targets) {
        md.append("## Redis Cluster\n\n");
        if (cluster == null) {
            md.append("Not run (`cluster.json` missing: the cluster harness needs `redis-cli` on the PATH too).\n\n");
            return;
        }
        md.append(String.format(Locale.ROOT, "A local cluster of %s started by the harness (`redis-server "
                        + "--cluster-enabled yes`, `redis-cli --cluster create --cluster-replicas 1`), %d-byte JSON order, "
                        + "%d repetitions; delivered runs of %.1f s, latency runs of %.1f s at %,d msg/s. Every contender "
                        + "is on its own channel, whose slot may belong to any of the three masters.%n%n",
                cluster.topology(), cluster.payloadBytes(), cluster.repetitions(), cluster.throughputSeconds(),
                cluster.latencySeconds(), cluster.rate()));
        md.append("| Target (issue 11) | Measured | Goal | Verdict |\n|---|---:|---:|---|\n");
        for (Target target : targets) {
            md.append("| ").append(target.name().replace("Cluster: ", "")).append(" | ").append(target.measuredText())
                    .append(" | ").append(target.goalText()).append(" | ").append(target.verdict()).append(" |\n");
        }
        md.append('\n');
        md.append("| Contender | Delivered, msg/s decoded | p50 µs | p99 µs | Redis CPU µs per message, all six nodes "
                + "| JVM CPU µs per message | Lost |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (ContenderResult c : cluster.contenders()) {
            long lost = c.deliveredLost() + c.latency().stream().mapToLong(LatencyRun::lost).sum();
            md.append("| ").append(c.name())
                    .append(" | ").append(figure(c.deliveredRates(), "%,.0f"))
                    .append(" | ").append(figure(c.latency().stream().map(LatencyRun::p50Micros).toList(), "%,.0f"))
                    .append(" | ").append(figure(c.latency().stream().map(LatencyRun::p99Micros).toList(), "%,.0f"))
                    .append(" | ").append(figure(redisCpu(c), "%.1f"))
                    .append(" | ").append(figure(c.deliveredCost().stream().map(E2eResults.Cost::jvmCpuMicros).toList(), "%.1f"))
                    .append(" | ").append(lost).append(" |\n");
        }
        md.append("\nRedis CPU per message is `used_cpu_sys + used_cpu_user` from `INFO cpu`, read on all six nodes "
                + "before and after each delivered run, summed, and divided by the messages decoded: classic `PUBLISH` "
                + "is copied by the cluster bus to every node, `SPUBLISH` stays in the shard that owns the channel's slot "
                + "(its master and its replica).\n\nContenders:\n\n");
        for (ContenderResult c : cluster.contenders()) {
            md.append("- **").append(c.name()).append("**: ").append(c.description()).append(".")
                    .append(c.errors() == null || c.errors().isEmpty() ? "" : " Errors reported: " + c.errors() + ".")
                    .append('\n');
        }
        md.append('\n');
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
