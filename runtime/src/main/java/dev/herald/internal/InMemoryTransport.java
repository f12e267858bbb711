package dev.herald.internal;

import dev.herald.spi.Transport;
import dev.herald.spi.TransportListener;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded transport: a channel is subscribed or not, and a publish to a subscribed channel is handed
 * to Herald's dispatch on the publishing thread (which only buffers it). Counts receivers as Redis
 * does for one client: 1 when subscribed, 0 otherwise.
 */
public final class InMemoryTransport implements Transport {

    private static final CompletableFuture<Long> NONE = CompletableFuture.completedFuture(0L);
    private static final CompletableFuture<Long> ONE = CompletableFuture.completedFuture(1L);

    private final Set<String> subscribed = ConcurrentHashMap.newKeySet();
    private volatile TransportListener listener;
    private volatile boolean closed;

    /** Creates an empty transport. */
    public InMemoryTransport() {
    }

    @Override
    public void start(TransportListener listener) {
        this.listener = listener;
    }

    @Override
    public CompletionStage<Long> publish(String channel, byte[] payload) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("in-memory transport is closed"));
        }
        if (!subscribed.contains(channel)) {
            return NONE;
        }
        listener.onMessage(channel, payload);
        return ONE;
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
    }
}
