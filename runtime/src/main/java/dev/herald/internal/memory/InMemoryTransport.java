package dev.herald.internal.memory;

import dev.herald.PublishFailedException;
import dev.herald.spi.DeadLetterStore;
import dev.herald.spi.DurableLog;
import dev.herald.spi.Transport;
import dev.herald.spi.TransportHealth;
import dev.herald.spi.TransportListener;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The embedded transport: a channel is subscribed or not, and a publish to a subscribed channel is handed
 * to Herald's dispatch on the publishing thread (which only buffers it). Patterns match as Redis's
 * glob matching does. Counts receivers as Redis does for one client: one for the channel, one per matching
 * pattern.
 */
public final class InMemoryTransport implements Transport {

    // minimal stages: shared by every caller, so none of them can obtrude another value on the others
    private static final CompletionStage<Long> NONE = CompletableFuture.completedStage(0L);
    private static final CompletionStage<Long> ONE = CompletableFuture.completedStage(1L);
    private static final CompletionStage<Void> SENT = CompletableFuture.completedStage(null);

    private final Set<String> subscribed = ConcurrentHashMap.newKeySet();
    private final Map<String, GlobPattern> patterns = new ConcurrentHashMap<>();
    private final DeadLetterStore deadLetters = new InMemoryDeadLetterStore();
    private final InMemoryDurableLog durable;
    private volatile TransportListener listener;
    private volatile boolean closed;

    /** Creates an empty transport with a durable log of its own. */
    public InMemoryTransport() {
        this(new InMemoryDurableLog());
    }

    private InMemoryTransport(InMemoryDurableLog durable) {
        this.durable = Objects.requireNonNull(durable, "durable");
    }

    @Override
    public void start(TransportListener listener) {
        this.listener = listener;
    }

    @Override
    public CompletionStage<Long> publish(String channel, byte[] payload) {
        if (closed) {
            return CompletableFuture.failedFuture(new PublishFailedException("in-memory transport is closed: cannot publish to '"
                    + channel + "'"));
        }
        long receivers = deliver(channel, payload);
        return receivers == 0 ? NONE : receivers == 1 ? ONE : CompletableFuture.completedStage(receivers);
    }

    @Override
    public CompletionStage<Void> send(String channel, byte[] payload) {
        if (closed) {
            return CompletableFuture.failedFuture(new PublishFailedException("in-memory transport is closed: cannot publish to '"
                    + channel + "'"));
        }
        deliver(channel, payload);
        return SENT;
    }

    @Override
    public void sendAndForget(String channel, byte[] payload, Consumer<? super Throwable> onFailure) {
        if (closed) {
            onFailure.accept(new PublishFailedException("in-memory transport is closed: cannot publish to '" + channel + "'"));
            return;
        }
        deliver(channel, payload);
    }

    private long deliver(String channel, byte[] payload) {
        long receivers = 0;
        if (subscribed.contains(channel)) {
            listener.onMessage(channel, payload);
            receivers++;
        }
        if (!patterns.isEmpty()) {
            for (GlobPattern pattern : patterns.values()) {
                if (pattern.matches(channel)) {
                    listener.onPatternMessage(pattern.pattern(), channel, payload);
                    receivers++;
                }
            }
        }
        return receivers;
    }

    @Override
    public CompletionStage<Void> psubscribe(String pattern) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("in-memory transport is closed"));
        }
        patterns.computeIfAbsent(pattern, GlobPattern::new);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> punsubscribe(String pattern) {
        patterns.remove(pattern);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> subscribe(String channel) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("in-memory transport is closed"));
        }
        subscribed.add(channel);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> subscribeAll(Collection<String> channels) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("in-memory transport is closed"));
        }
        subscribed.addAll(channels);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> unsubscribeAll(Collection<String> channels) {
        subscribed.removeAll(channels);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> unsubscribe(String channel) {
        subscribed.remove(channel);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<String> ping() {
        return closed
                ? CompletableFuture.failedFuture(new IllegalStateException("in-memory transport is closed"))
                : CompletableFuture.completedFuture("PONG");
    }

    @Override
    public CompletionStage<TransportHealth> health(Collection<String> channels) {
        Map<String, Long> counts = new LinkedHashMap<>();
        channels.forEach(channel -> counts.put(channel, subscriberCount(channel)));
        return CompletableFuture.completedFuture(new TransportHealth(!closed, subscribed.size(), patterns.size(), counts));
    }

    @Override
    public DeadLetterStore deadLetters() {
        return deadLetters;
    }

    @Override
    public DurableLog durable() {
        return durable;
    }

    /**
     * A new transport, with channels of its own, whose durable channels live in this one's log: as two clients of
     * one Redis, two Heralds on them share streams and consumer groups.
     *
     * @return the new transport, not started
     */
    public InMemoryTransport sharingDurableLog() {
        return new InMemoryTransport(durable);
    }

    /**
     * Deletes a durable channel's stream with its groups ({@code DEL}); reads blocked on it fail with
     * {@link DurableLog.NoGroupException}, as Redis unblocks them with an error.
     *
     * @param stream the stream's name ({@code herald:stream:} and the full channel name)
     * @return whether it existed
     */
    public boolean deleteStream(String stream) {
        return durable.delete(stream);
    }

    /**
     * The in-memory counterpart of {@code XLEN}.
     *
     * @param stream the stream's name
     * @return how many entries it holds, 0 when there is none
     */
    public long streamLength(String stream) {
        return durable.length(stream);
    }

    @Override
    public boolean isIoThread() {
        return false;
    }

    /**
     * The in-memory counterpart of {@code PUBSUB NUMSUB}: how many transport-level subscribers a channel has.
     *
     * @param channel the full channel name
     * @return 1 when subscribed, 0 otherwise
     */
    public long subscriberCount(String channel) {
        return subscribed.contains(channel) ? 1 : 0;
    }

    @Override
    public void close() {
        closed = true;
        subscribed.clear();
        patterns.clear();
    }

    @Override
    public String description() {
        return "in memory";
    }
}
