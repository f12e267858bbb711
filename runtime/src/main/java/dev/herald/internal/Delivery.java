package dev.herald.internal;

import dev.herald.ChannelParseException;
import dev.herald.HeraldError;
import dev.herald.HeraldException;
import dev.herald.OverflowPolicy;
import dev.herald.PayloadCodec;
import dev.herald.RetryPolicy;
import dev.herald.Subscription;
import dev.herald.SubscriptionOptions;
import dev.herald.SubscriptionOverflowException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One subscription: a bounded buffer of raw payloads drained by at most one handler thread at a time,
 * which gives publish order, one message at a time, and lets different subscriptions run concurrently.
 * {@link #offer} runs on the transport's thread and only buffers; decoding happens on the handler thread.
 * A drain handles a bounded batch, then gives its thread to the next subscription in the
 * {@link HandlerPool}'s queue.
 */
final class Delivery<T> extends HandlerPool.Drainer implements Subscription {

    /** What a subscription hands each decoded message to. */
    @FunctionalInterface
    interface Sink<T> {
        void accept(String channel, T message) throws Exception;
    }

    /** A message of a pattern subscription: unlike a channel subscription's, it carries its channel. */
    private record Received(String channel, byte[] payload) {
    }

    /** How often a retry's wait checks whether the subscription ended. */
    private static final long PAUSE_SLICE_NANOS = 20_000_000L;
    /** The most messages a drain handles before it lets waiting subscriptions have the thread. */
    private static final int BATCH_MESSAGES = 64;
    /** How long a drain runs handlers before it lets waiting subscriptions have the thread. */
    private static final long BATCH_NANOS = 2_000_000L;

    private final DefaultHerald herald;
    private final Registry.Key key;
    /** The declared name (channel, template or pattern) its dead letters are kept under. */
    private final String deadLetters;
    private final PayloadCodec<T> codec;
    private final Sink<T> sink;
    private final Object handler;
    private final int capacity;
    private final OverflowPolicy overflowPolicy;
    private final RetryPolicy retryPolicy;

    private final ConcurrentLinkedQueue<Object> buffer = new ConcurrentLinkedQueue<>();
    private final AtomicInteger buffered = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final OverflowReports overflowReports;
    private volatile boolean active = true;
    private CompletionStage<Void> unsubscribed;

    /**
     * @param deadLetters the declared name its dead letters are kept under, prefix included
     * @param options complete options: every value set
     */
    Delivery(DefaultHerald herald, Registry.Key key, String deadLetters, PayloadCodec<T> codec, Sink<T> sink,
            Object handler, SubscriptionOptions options) {
        this.herald = herald;
        this.key = key;
        this.deadLetters = deadLetters;
        this.codec = codec;
        this.sink = sink;
        this.handler = handler;
        this.capacity = options.bufferCapacity();
        this.overflowPolicy = options.overflowPolicy();
        this.retryPolicy = options.retryPolicy();
        this.overflowReports = new OverflowReports(key.name(), capacity, overflowPolicy, dropped::get, herald::reportAsync);
    }

    Registry.Key key() {
        return key;
    }

    Object handler() {
        return handler;
    }

    /** Buffers a message of a channel subscription. */
    void offer(byte[] payload) {
        enqueue(payload);
    }

    /** Buffers a message of a pattern subscription. */
    void offer(String channel, byte[] payload) {
        enqueue(new Received(channel, payload));
    }

    private void enqueue(Object item) {
        if (!active) {
            return;
        }
        if (buffered.incrementAndGet() > capacity) {
            buffered.decrementAndGet();
            if (overflowPolicy == OverflowPolicy.FAIL) {
                failOnOverflow();
                return;
            }
            if (overflowPolicy == OverflowPolicy.DROP_OLDEST && buffer.poll() != null) {
                buffer.offer(item); // the count stays: one out, one in
            }
            overflowed();
        } else {
            buffer.offer(item);
        }
        schedule();
    }

    private void schedule() {
        // the pool never throws: a thread it cannot start is reported and the turn stays queued
        if (draining.compareAndSet(false, true) && !herald.handlerPool().schedule(this)) {
            draining.set(false); // Herald is closing; what is buffered is counted as unhandled
        }
    }

    @Override
    boolean drainBatch() {
        try {
            long start = System.nanoTime();
            int handled = 0;
            Object item;
            while (active && (item = buffer.poll()) != null) {
                buffered.decrementAndGet();
                deliver(item);
                if (++handled >= BATCH_MESSAGES || System.nanoTime() - start >= BATCH_NANOS) {
                    if (active && !buffer.isEmpty()) {
                        return true; // keep the turn, behind the subscriptions that wait
                    }
                    break;
                }
            }
        } catch (Throwable e) {
            // even if a fatal error escapes, the next offer must be able to schedule a drain
            draining.set(false);
            throw e;
        }
        draining.set(false);
        return active && !buffer.isEmpty() && draining.compareAndSet(false, true);
    }

    /** Ends the subscription at once and loudly; the UNSUBSCRIBE is sent from a Herald thread. */
    private void failOnOverflow() {
        if (!active) {
            return;
        }
        int lost = deactivate() + 1;
        dropped.addAndGet(lost);
        herald.reportAsync(new HeraldError(HeraldError.Kind.OVERFLOW, key.name(), null, new SubscriptionOverflowException(
                "subscription to '" + key.name() + "' ended: its buffer of " + capacity + " messages was full (policy FAIL); "
                        + lost + " buffered or arriving message(s) were not handled", lost)));
        try {
            herald.handlerExecutor().execute(this::unsubscribe);
        } catch (RejectedExecutionException e) {
            // Herald is closing: it unsubscribes everything itself
        }
    }

    private void deliver(Object item) {
        String channel;
        byte[] payload;
        if (item instanceof Received received) {
            channel = received.channel();
            payload = received.payload();
        } else {
            channel = key.name();
            payload = (byte[]) item;
        }
        if (payload.length > herald.maxPayloadBytes()) {
            herald.report(new HeraldError(HeraldError.Kind.DECODE, channel, payload, new HeraldException("payload of "
                    + payload.length + " bytes is larger than maxPayloadBytes (" + herald.maxPayloadBytes() + "); not parsed")));
            return;
        }
        T message;
        try {
            message = codec.decode(payload);
        } catch (Exception | StackOverflowError e) {
            herald.report(new HeraldError(HeraldError.Kind.DECODE, channel, payload, e));
            deadLetter(channel, payload, e, 0);
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                sink.accept(channel, message);
                return;
            } catch (ChannelParseException e) {
                herald.report(new HeraldError(HeraldError.Kind.DECODE, channel, payload, e));
                deadLetter(channel, payload, e, 0);
                return;
            } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
                if (active && retryPolicy.shouldRetry(e, attempt) && pause(retryPolicy.backoff(attempt))) {
                    continue;
                }
                herald.report(new HeraldError(HeraldError.Kind.HANDLER, channel, payload, e, attempt));
                deadLetter(channel, payload, e, attempt);
                return;
            }
        }
    }

    private void deadLetter(String channel, byte[] payload, Throwable failure, int attempts) {
        herald.deadLetter(deadLetters, key.pattern() ? "pattern " + key.name() : key.name(), channel, payload, failure,
                attempts);
    }

    /** Waits before a retry; gives up early (returns false) when the subscription ends or Herald closes. */
    private boolean pause(java.time.Duration backoff) {
        long deadline = System.nanoTime() + backoff.toNanos();
        long left;
        while (active && (left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, Math.min(left, PAUSE_SLICE_NANOS));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return active;
    }

    private void overflowed() {
        dropped.incrementAndGet();
        overflowReports.dropped();
    }

    /** Stops delivery; returns how many buffered messages will not be handled. */
    int deactivate() {
        active = false;
        int left = 0;
        while (buffer.poll() != null) {
            left++;
        }
        buffered.addAndGet(-left);
        return left;
    }

    synchronized void unsubscribedBy(CompletionStage<Void> ack) {
        this.unsubscribed = ack;
    }

    @Override
    public String channel() {
        return key.name();
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public int buffered() {
        return buffered.get();
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    @Override
    public CompletionStage<Void> unsubscribe() {
        CompletionStage<Void> ack = herald.remove(this);
        return ack != null ? ack : unsubscribedOrDone();
    }

    private synchronized CompletionStage<Void> unsubscribedOrDone() {
        return unsubscribed != null ? unsubscribed : CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        Waits.await(unsubscribe(), herald.commandTimeout(), "unsubscribe from '" + key.name() + "'");
    }

    @Override
    public String toString() {
        return "Subscription[" + (key.pattern() ? "pattern " : "") + key.name() + (active ? "" : ", ended") + "]";
    }
}
