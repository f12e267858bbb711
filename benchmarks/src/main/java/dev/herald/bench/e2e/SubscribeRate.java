package dev.herald.bench.e2e;

import dev.herald.Herald;
import dev.herald.MessageHandler;
import dev.herald.PayloadType;
import dev.herald.Subscription;
import dev.herald.TypedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * How fast Herald makes many channel subscriptions (issue 17.9): 100,000 channels through
 * {@code Herald.subscribeAll}, through as many {@code subscribeAsync} calls (coalesced into batched
 * SUBSCRIBE commands), and, for comparison, 10,000 blocking {@code subscribe} calls (one round trip each).
 * Each run ends only when Redis acknowledged every channel; the server's count (CLIENT LIST sub=) is
 * checked through {@code health()}.
 *
 * <pre>
 * mvn -q -B -ntp -pl annotations,processor,runtime,benchmarks -am -Dmaven.test.skip=true package -Puberjar
 * java -cp benchmarks/target/benchmarks.jar dev.herald.bench.e2e.SubscribeRate [channels]
 * </pre>
 *
 * Starts a {@code redis-server} of its own on a free loopback port, or uses {@code REDIS_URL}.
 */
public final class SubscribeRate {

    private SubscribeRate() {
    }

    /**
     * @param args optionally the number of channels (default 100,000)
     * @throws Exception when a run fails
     */
    public static void main(String[] args) throws Exception {
        int channels = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String url = System.getenv("REDIS_URL");
        RedisServer server = url == null || url.isBlank() ? RedisServer.start("redis-server") : null;
        String uri = server != null ? "redis://127.0.0.1:" + server.port() : url;
        try {
            for (int round = 1; round <= 3; round++) {
                System.out.println("round " + round);
                run(uri, "subscribeAll", channels, SubscribeRate::subscribeAll);
                run(uri, "subscribeAsync", channels, SubscribeRate::subscribeAsync);
                run(uri, "subscribe (blocking)", Math.min(channels, 10_000), SubscribeRate::subscribeBlocking);
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @FunctionalInterface
    private interface Way {
        Subscription subscribe(Herald herald, String prefix, int channels) throws Exception;
    }

    private static void run(String uri, String name, int channels, Way way) throws Exception {
        try (Herald herald = Herald.builder().redis(uri).commandTimeout(Duration.ofSeconds(60)).build()) {
            String prefix = "rate:" + System.nanoTime() + ":";
            long start = System.nanoTime();
            Subscription all = way.subscribe(herald, prefix, channels);
            long nanos = System.nanoTime() - start;
            int server = herald.health().toCompletableFuture().get(60, TimeUnit.SECONDS).serverChannels();
            if (server != channels) {
                throw new IllegalStateException(name + ": the server holds " + server + " channels, not " + channels);
            }
            System.out.printf(Locale.ROOT, "  %-22s %,8d channels in %,7.0f ms: %,10.0f subscriptions/s%n", name, channels,
                    nanos / 1e6, channels / (nanos / 1e9));
            all.unsubscribe().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
    }

    private static final MessageHandler<String> IGNORE = m -> { };

    private static Subscription subscribeAll(Herald herald, String prefix, int channels) {
        Map<String, MessageHandler<String>> handlers = new LinkedHashMap<>(channels * 2);
        for (int i = 0; i < channels; i++) {
            handlers.put(prefix + i, IGNORE);
        }
        return herald.subscribeAll(handlers, String.class);
    }

    private static Subscription subscribeAsync(Herald herald, String prefix, int channels) throws Exception {
        List<CompletableFuture<Subscription>> stages = new ArrayList<>(channels);
        for (int i = 0; i < channels; i++) {
            TypedChannel<String> channel = herald.channel(prefix + i, PayloadType.of(String.class));
            stages.add(channel.subscribeAsync(IGNORE).toCompletableFuture());
        }
        CompletableFuture.allOf(stages.toArray(CompletableFuture<?>[]::new)).get(60, TimeUnit.SECONDS);
        List<Subscription> made = new ArrayList<>(channels);
        for (CompletableFuture<Subscription> stage : stages) {
            made.add(stage.join());
        }
        return Subscription.all(made);
    }

    private static Subscription subscribeBlocking(Herald herald, String prefix, int channels) {
        List<Subscription> made = new ArrayList<>(channels);
        for (int i = 0; i < channels; i++) {
            made.add(herald.subscribe(prefix + i, String.class, IGNORE));
        }
        return Subscription.all(made);
    }
}
