package dev.herald.examples;

import dev.herald.examples.durableorders.DurableOrderPipeline;
import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.HeraldException;
import dev.herald.examples.activityfeed.ActivityFeed;
import dev.herald.examples.broadcast.UserUpdateBroadcast;
import dev.herald.examples.cacheinvalidation.CacheInvalidation;
import dev.herald.examples.dashboard.OrderPipelineDashboard;
import dev.herald.examples.fanout.FanOut;
import dev.herald.examples.filtering.FilteringAndRouting;
import dev.herald.examples.idempotency.IdempotentProcessing;
import dev.herald.examples.lifecycle.GracefulLifecycle;
import dev.herald.examples.multitenant.MultiTenant;
import dev.herald.examples.notifications.RealTimeNotifications;
import dev.herald.examples.orders.OrderPipeline;
import dev.herald.examples.requestresponse.RequestResponse;
import dev.herald.examples.retry.RetryWithBackoff;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one example by name: in memory by default, on Redis when {@code REDIS_URL} is set, on a Redis Cluster
 * when {@code REDIS_CLUSTER_URL} (comma-separated seed URIs) is set.
 *
 * <pre>mvn -q -B -ntp -pl examples -am -DskipTests package exec:java -Dexample=order-pipeline</pre>
 *
 * <p>{@code -Dexample=list} lists the examples.
 */
public final class Examples {

    /** One runnable example. */
    @FunctionalInterface
    interface Example {
        boolean run(Herald herald, PrintStream out) throws Exception;
    }

    /**
     * An example that wants Herald's meters: the runner gives Herald a registry of its own (with the handler
     * duration's percentiles) and hands it to the example too.
     */
    @FunctionalInterface
    interface MeasuredExample extends Example {
        /**
         * @param herald made with {@code meterRegistry(meters)}
         * @param meters the registry
         * @param where {@code in memory}, {@code on Redis} or {@code on a Redis Cluster}
         * @param out where the trace goes
         * @return whether every message arrived
         * @throws Exception when the example fails
         */
        boolean run(Herald herald, MeterRegistry meters, String where, PrintStream out) throws Exception;

        @Override
        default boolean run(Herald herald, PrintStream out) throws Exception {
            throw new UnsupportedOperationException("a measured example runs with a meter registry");
        }
    }

    /** Where {@code metrics-dashboard} writes its image unless {@code -Ddashboard=PATH} says otherwise. */
    static final String DEFAULT_DASHBOARD = "target/metrics-dashboard.png";

    static final Map<String, Example> ALL = new LinkedHashMap<>();

    static {
        ALL.put("order-pipeline", (herald, out) -> new OrderPipeline(herald, out).run(3));
        ALL.put("broadcast", (herald, out) -> new UserUpdateBroadcast(herald, out).run());
        ALL.put("notifications", (herald, out) -> new RealTimeNotifications(herald, out).run());
        ALL.put("fan-out", (herald, out) -> new FanOut(herald, out).run());
        ALL.put("filtering", (herald, out) -> new FilteringAndRouting(herald, out).run());
        ALL.put("request-response", (herald, out) -> new RequestResponse(herald, out).run());
        ALL.put("retry", (herald, out) -> new RetryWithBackoff(herald, out).run());
        ALL.put("lifecycle", GracefulLifecycle::run);
        ALL.put("idempotency", (herald, out) -> new IdempotentProcessing(herald, out).run());
        ALL.put("multi-tenant", (herald, out) -> new MultiTenant(herald, out).run());
        ALL.put("cache-invalidation", (herald, out) -> new CacheInvalidation(herald, out).run());
        ALL.put("activity-feed", (herald, out) -> new ActivityFeed(herald, out).run());
        ALL.put("metrics-dashboard", (MeasuredExample) (herald, meters, where, out) ->
                new OrderPipelineDashboard(herald, meters, out).run(Duration.ofSeconds(Long.getLong("dashboard.seconds", 8)), where,
                        Path.of(System.getProperty("dashboard", DEFAULT_DASHBOARD)))
                .complete());
        ALL.put("durable-pipeline", (herald, out) -> new DurableOrderPipeline(herald, out).run(9));
    }

    /**
     * The examples that need one Redis server, with why: they subscribe with a pattern, and Redis Cluster has no
     * sharded pattern subscription (Herald refuses one with {@code [HeraldClusterPattern]}). On a cluster they
     * print one line saying so and exit with {@link #NEEDS_SINGLE_SERVER}.
     */
    static final Map<String, String> SINGLE_SERVER_ONLY = Map.of(
            "notifications", "its store saves every user's notifications through one pattern subscription (notifications:*)");

    /** The exit code of an example in {@link #SINGLE_SERVER_ONLY} asked to run on a cluster. */
    static final int NEEDS_SINGLE_SERVER = 4;

    private Examples() {
    }

    /**
     * Runs the example named by the first argument, or lists the examples, and exits with {@link #run}'s code.
     *
     * @param args the example's name
     * @throws Exception when the example fails
     */
    public static void main(String[] args) throws Exception {
        System.exit(runFromCommandLine(args.length == 0 ? null : args[0], System.getenv("REDIS_URL"),
                System.getenv("REDIS_CLUSTER_URL"), System.out, System.err));
    }

    /**
     * {@link #runFromCommandLine(String, String, String, PrintStream, PrintStream)} without a cluster.
     *
     * @param example the example's name
     * @param redisUrl the Redis to run on; {@code null} or blank runs in memory
     * @param out where the listing and the trace go
     * @param err where a failure to connect goes
     * @return the exit code
     * @throws Exception when the example itself fails
     */
    static int runFromCommandLine(String example, String redisUrl, PrintStream out, PrintStream err) throws Exception {
        return runFromCommandLine(example, redisUrl, null, out, err);
    }

    /**
     * {@link #run(String, String, String, PrintStream)} as the command line wants it: a Redis that cannot be
     * reached (or a {@code REDIS_URL} that is no Redis URI, or both variables set) is one line on {@code err}
     * naming the cause and the fix, and exit code 3, rather than a stack trace; so is an example that needs one
     * Redis server asked to run on a cluster (exit code 4).
     *
     * @param example the example's name
     * @param redisUrl the Redis to run on; {@code null} or blank for none
     * @param clusterUrl the comma-separated seeds of the Redis Cluster to run on; {@code null} or blank for none
     * @param out where the listing and the trace go
     * @param err where a failure to connect goes
     * @return the exit code: those of {@link #run(String, String, String, PrintStream)}, or 3 when Herald could not
     *     start
     * @throws Exception when the example itself fails
     */
    static int runFromCommandLine(String example, String redisUrl, String clusterUrl, PrintStream out, PrintStream err)
            throws Exception {
        try {
            return run(ALL, example, redisUrl, clusterUrl, out, err);
        } catch (HeraldException | IllegalArgumentException e) {
            err.println("Herald could not start: " + e.getMessage());
            return 3;
        }
    }

    /**
     * Runs one example, or lists the examples; {@link #main} without the {@code System.exit}.
     *
     * @param example the example's name; {@code null}, blank or {@code list} lists the examples
     * @param redisUrl the Redis to run on; {@code null} or blank runs in memory
     * @param out where the listing and the trace go
     * @return the exit code: 0 when listed or when every message arrived, 1 when one did not arrive in
     *     time, 2 for an unknown name
     * @throws Exception when the example fails, or Redis cannot be reached
     */
    static int run(String example, String redisUrl, PrintStream out) throws Exception {
        return run(ALL, example, redisUrl, out);
    }

    /**
     * Runs one example on Redis, on a Redis Cluster or in memory, or lists the examples.
     *
     * @param example the example's name; {@code null}, blank or {@code list} lists the examples
     * @param redisUrl the Redis to run on; {@code null} or blank for none
     * @param clusterUrl the comma-separated seeds of the Redis Cluster to run on; {@code null} or blank for none
     * @param out where the listing, the trace and a refusal to run on a cluster go
     * @return the exit codes of {@link #run(String, String, PrintStream)}, and 4 when the example needs one Redis
     *     server and was asked to run on a cluster
     * @throws Exception when the example fails, or Redis cannot be reached
     * @throws IllegalArgumentException when both {@code redisUrl} and {@code clusterUrl} are given
     */
    static int run(String example, String redisUrl, String clusterUrl, PrintStream out) throws Exception {
        return run(ALL, example, redisUrl, clusterUrl, out, out);
    }

    /**
     * {@link #run(String, String, PrintStream)} over other examples, so a test can see a failing one.
     *
     * @param examples the examples by name
     * @param example the example's name; {@code null}, blank or {@code list} lists the examples
     * @param redisUrl the Redis to run on; {@code null} or blank runs in memory
     * @param out where the listing and the trace go
     * @return the exit code
     * @throws Exception when the example fails, or Redis cannot be reached
     */
    static int run(Map<String, Example> examples, String example, String redisUrl, PrintStream out) throws Exception {
        return run(examples, example, redisUrl, null, out, out);
    }

    private static int run(Map<String, Example> examples, String example, String redisUrl, String clusterUrl,
            PrintStream out, PrintStream err) throws Exception {
        String name = example == null ? "list" : example.strip();
        if (!examples.containsKey(name)) {
            boolean listing = name.isEmpty() || name.equals("list");
            out.println(listing ? "Examples (run one with -Dexample=NAME):" : "No example named '" + name + "'. Examples:");
            examples.keySet().forEach(each -> out.println("  " + each));
            return listing ? 0 : 2;
        }
        boolean single = redisUrl != null && !redisUrl.isBlank();
        boolean cluster = clusterUrl != null && !clusterUrl.isBlank();
        if (single && cluster) {
            // as Herald.fromEnvironment() says it
            throw new IllegalArgumentException("both REDIS_URL and REDIS_CLUSTER_URL are set: set REDIS_URL for one"
                    + " Redis server or REDIS_CLUSTER_URL (comma-separated seeds) for a Redis Cluster, not both");
        }
        if (cluster && SINGLE_SERVER_ONLY.containsKey(name)) {
            err.println("Herald example '" + name + "' needs a single Redis server, not a Redis Cluster: "
                    + SINGLE_SERVER_ONLY.get(name) + ", and a cluster has no sharded pattern subscription;"
                    + " unset REDIS_CLUSTER_URL and set REDIS_URL, or run it in memory");
            return NEEDS_SINGLE_SERVER;
        }
        return runExample(name, examples.get(name), single ? redisUrl : null, cluster ? clusterUrl.strip() : null, out)
                ? 0 : 1;
    }

    private static boolean runExample(String name, Example example, String redis, String cluster, PrintStream out)
            throws Exception {
        String where;
        if (cluster != null) {
            where = "on a Redis Cluster at " + hidePasswords(cluster);
        } else if (redis != null) {
            where = "on Redis at " + hidePasswords(redis);
        } else {
            where = "in memory (set REDIS_URL to run it on Redis, REDIS_CLUSTER_URL on a Redis Cluster)";
        }
        out.println("Herald example '" + name + "' " + where);
        // as Herald.fromEnvironment() does with REDIS_URL and REDIS_CLUSTER_URL
        MeterRegistry meters = example instanceof MeasuredExample
                ? OrderPipelineDashboard.withHandlerPercentiles(new SimpleMeterRegistry()) : null;
        HeraldBuilder builder = cluster != null ? Herald.builder().redisCluster(cluster)
                : Herald.builder().redisOrInMemory(redis);
        try (Herald herald = (meters != null ? builder.meterRegistry(meters) : builder).build()) {
            long start = System.nanoTime();
            boolean ok = example instanceof MeasuredExample measured ? measured.run(herald, meters,
                    cluster != null ? "on a Redis Cluster" : redis != null ? "on Redis" : "in memory", out)
                    : example.run(herald, out);
            out.printf("%s in %.1f ms%n", ok ? "Done" : "FAILED: not every message arrived", (System.nanoTime() - start) / 1e6);
            return ok;
        }
    }

    private static String hidePasswords(String uris) {
        return uris.replaceAll("//[^@/,]*@", "//***@");
    }
}
