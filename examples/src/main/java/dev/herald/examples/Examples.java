package dev.herald.examples;

import dev.herald.Herald;
import dev.herald.examples.activityfeed.ActivityFeed;
import dev.herald.examples.broadcast.UserUpdateBroadcast;
import dev.herald.examples.cacheinvalidation.CacheInvalidation;
import dev.herald.examples.fanout.FanOut;
import dev.herald.examples.filtering.FilteringAndRouting;
import dev.herald.examples.idempotency.IdempotentProcessing;
import dev.herald.examples.lifecycle.GracefulLifecycle;
import dev.herald.examples.multitenant.MultiTenant;
import dev.herald.examples.notifications.RealTimeNotifications;
import dev.herald.examples.orders.OrderPipeline;
import dev.herald.examples.requestresponse.RequestResponse;
import dev.herald.examples.retry.RetryWithBackoff;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one example by name: in memory by default, on Redis when {@code REDIS_URL} is set.
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
    }

    private Examples() {
    }

    /**
     * Runs the example named by the first argument, or lists the examples.
     *
     * @param args the example's name
     * @throws Exception when the example fails
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        String name = args.length == 0 ? "list" : args[0].strip();
        if (!ALL.containsKey(name)) {
            boolean listing = name.isEmpty() || name.equals("list");
            out.println(listing ? "Examples (run one with -Dexample=NAME):" : "No example named '" + name + "'. Examples:");
            ALL.keySet().forEach(example -> out.println("  " + example));
            System.exit(listing ? 0 : 2);
            return;
        }
        System.exit(run(name, out) ? 0 : 1);
    }

    static boolean run(String name, PrintStream out) throws Exception {
        String redis = System.getenv("REDIS_URL");
        out.println("Herald example '" + name + "' "
                + (redis == null || redis.isBlank() ? "in memory (set REDIS_URL to run it on Redis)" : "on Redis at " + redis.replaceAll("//[^@/]*@", "//***@")));
        try (Herald herald = Herald.fromEnvironment()) {
            long start = System.nanoTime();
            boolean ok = ALL.get(name).run(herald, out);
            out.printf("%s in %.1f ms%n", ok ? "Done" : "FAILED: not every message arrived", (System.nanoTime() - start) / 1e6);
            return ok;
        }
    }
}
