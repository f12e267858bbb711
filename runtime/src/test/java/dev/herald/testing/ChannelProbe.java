package dev.herald.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.ConnectionListener;
import dev.herald.Health;
import dev.herald.Herald;
import dev.herald.PayloadType;
import dev.herald.Subscription;
import dev.herald.TypedChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One channel under watch for the failover tests: a Herald subscribed to it, a second one publishing a numbered
 * message every 10 ms throughout, each message's deliveries counted, and what the {@link ConnectionListener} heard.
 * Subclasses say how the two Heralds connect and add the checks that depend on the setup.
 */
public abstract class ChannelProbe implements AutoCloseable {

    /** A numbered message. */
    public record Tick(long id) {
    }

    /** The channel under watch. */
    public final String channel;
    /** The Herald subscribed to the channel, with {@link #events} as its connection listener. */
    public final Herald herald;
    /** The Herald that publishes to the channel. */
    public final Herald publisherHerald;
    /** How many times each message arrived, by its number. */
    public final Map<Long, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    /** When ({@link System#nanoTime()}) each message first arrived, by its number. */
    public final Map<Long, Long> arrivedAt = new ConcurrentHashMap<>();
    /** What the subscribed Herald's connection listener heard; see {@link RecordingConnectionListener#events()}. */
    public final List<String> events;
    /** The outages its onResubscribed reported; see {@link RecordingConnectionListener#outages()}. */
    public final List<Duration> outages;
    /** The number the next message will carry. */
    public final AtomicLong nextId = new AtomicLong();
    private final ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
    private final Subscription subscription;

    /**
     * Subscribes and starts publishing.
     *
     * @param channel the channel to watch
     * @param subscriber builds the subscribed Herald with the listener it is given
     * @param publisher builds the publishing Herald, after the subscribed one
     */
    protected ChannelProbe(String channel, Function<ConnectionListener, Herald> subscriber, Supplier<Herald> publisher) {
        RecordingConnectionListener listener = new RecordingConnectionListener();
        this.channel = channel;
        this.events = listener.events();
        this.outages = listener.outages();
        this.herald = subscriber.apply(listener);
        this.publisherHerald = publisher.get();
        this.subscription = herald.channel(channel, PayloadType.of(Tick.class)).subscribe(tick -> {
            deliveries.computeIfAbsent(tick.id(), id -> new AtomicInteger()).incrementAndGet();
            arrivedAt.putIfAbsent(tick.id(), System.nanoTime());
        });
        TypedChannel<Tick> out = publisherHerald.channel(channel, PayloadType.of(Tick.class));
        this.publisher.scheduleAtFixedRate(() -> out.publish(new Tick(nextId.getAndIncrement()))
                .exceptionally(failure -> null), 0, 10, TimeUnit.MILLISECONDS);
    }

    /**
     * Waits until a message published from now on arrives, and says how long after {@code since} it did.
     *
     * @param since a {@link System#nanoTime()} reading
     * @param bound how long to wait at most
     * @return from {@code since} to the arrival
     */
    public Duration awaitDeliveryAfter(long since, Duration bound) {
        long firstId = nextId.get();
        await().atMost(bound).pollInterval(Duration.ofMillis(10))
                .until(() -> deliveries.keySet().stream().anyMatch(id -> id >= firstId));
        long first = arrivedAt.entrySet().stream().filter(e -> e.getKey() >= firstId)
                .mapToLong(Map.Entry::getValue).min().orElseThrow();
        return Duration.ofNanos(first - since);
    }

    /** Checks that no message arrived twice, ever. */
    public void assertNoDuplicates() {
        List<Long> twice = deliveries.entrySet().stream().filter(e -> e.getValue().get() > 1).map(Map.Entry::getKey)
                .sorted().toList();
        assertEquals(List.of(), twice, "messages delivered more than once");
    }

    /**
     * Waits until {@code health()} says healthy with this many channels held on the server.
     *
     * @param channels how many channels the server should hold
     * @param bound how long to wait at most
     */
    protected void awaitHealthy(int channels, Duration bound) {
        await().atMost(bound).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Health health = herald.health().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(true, health.healthy(), health.toString());
            assertEquals(channels, health.serverChannels(), health.toString());
        });
    }

    /** Stops publishing, unsubscribes and closes both Heralds. */
    @Override
    public void close() {
        publisher.shutdownNow();
        subscription.unsubscribe();
        herald.close();
        publisherHerald.close();
    }
}
