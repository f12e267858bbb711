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
    /**
     * How long a drain runs handlers before it lets waiting subscriptions have the thread. The clock is read after
     * the first message and then after every {@link #CLOCK_EVERY}th: a read costs about 25 ns on a VM, 2 % of a small
     * message's handling, and a handler slow enough to matter shows on the first.
     */
    private static final long BATCH_NANOS = 2_000_000L;
    private static final int CLOCK_EVERY = 8;

    private final DeliveryContext context;
    private final Registry.Key key;
    /** The declared name (channel, template or pattern) its dead letters are kept under. */
    private final String deadLetters;
    /** Measures it under its declared name; {@link #measured} is false for {@link ChannelProbe#NONE}. */
    private final ChannelProbe probe;
    private final boolean measured;
    private final PayloadCodec<T> codec;
    private final Sink<T> sink;
    private final Object handler;
    private final int capacity;
    private final OverflowPolicy overflowPolicy;
    private final RetryPolicy retryPolicy;

    private final ConcurrentLinkedQueue<Object> buffer = new ConcurrentLinkedQueue<>();
    private final BufferCount buffered;
    /** Whether what {@link #codec} decodes can be shared with the other subscriptions of a channel; the dispatch reads it. */
    final boolean sharesDecoded;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final OverflowReports overflowReports;
    private volatile boolean active = true;
    private CompletionStage<Void> unsubscribed;

    /**
     * @param deadLetters the declared name its dead letters are kept under, prefix included
     * @param probe measures it under its declared name
     * @param options complete options: every value set
     */
    Delivery(DeliveryContext context, Registry.Key key, String deadLetters, ChannelProbe probe, PayloadCodec<T> codec,
            Sink<T> sink, Object handler, SubscriptionOptions options) {
        this.context = context;
        this.key = key;
        this.deadLetters = deadLetters;
        this.probe = probe;
        this.measured = probe.active();
        this.codec = codec;
        this.sharesDecoded = context.sharesDecoded().test(codec);
        this.sink = sink;
        this.handler = handler;
        this.capacity = options.bufferCapacity();
        this.buffered = new BufferCount(capacity);
        this.overflowPolicy = options.overflowPolicy();
        this.retryPolicy = options.retryPolicy();
        this.overflowReports = new OverflowReports(key.name(), capacity, overflowPolicy, dropped::get,
                context.failures()::reportAsync);
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

    /** Buffers a message of a channel subscription that other subscriptions of the channel have too. */
    void offer(SharedPayload payload) {
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
        if (!buffered.tryAdd()) {
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
        // read first: under load a drain is under way, and a read leaves the flag's cache line shared with the
        // drainer instead of taking it over for a CAS per message
        // the pool never throws: a thread it cannot start is reported and the turn stays queued
        if (!draining.get() && draining.compareAndSet(false, true) && !context.pool().schedule(this)) {
            draining.set(false); // Herald is closing; what is buffered is counted as unhandled
        }
    }

    @Override
    boolean drainBatch() {
        try {
            long start = System.nanoTime();
            int handled = 0;
            int taken = buffered.taken(); // only drainers write it, one at a time, each after the last
            Object item;
            while (active && (item = buffer.poll()) != null) {
                buffered.took(++taken);
                deliver(item);
                if (++handled >= BATCH_MESSAGES || (handled == 1 || handled % CLOCK_EVERY == 0)
                        && System.nanoTime() - start >= BATCH_NANOS) {
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
        if (measured) {
            probe.dropped(lost);
        }
        context.failures().reportAsync(new HeraldError(HeraldError.Kind.OVERFLOW, key.name(), null,
                new SubscriptionOverflowException(
                "subscription to '" + key.name() + "' ended: its buffer of " + capacity + " messages was full (policy FAIL); "
                        + lost + " buffered or arriving message(s) were not handled", lost)));
        try {
            context.pool().callbacks().execute(this::unsubscribe);
        } catch (RejectedExecutionException e) {
            // Herald is closing: it unsubscribes everything itself
        }
    }

    private void deliver(Object item) {
        String channel;
        byte[] payload;
        SharedPayload shared = null;
        if (item instanceof byte[] bytes) {
            channel = key.name();
            payload = bytes;
        } else if (item instanceof SharedPayload s) {
            channel = key.name();
            payload = s.bytes;
            shared = sharesDecoded ? s : null;
        } else {
            Received received = (Received) item;
            channel = received.channel();
            payload = received.payload();
        }
        HeraldException tooLarge = context.tooLarge(payload.length);
        if (tooLarge != null) {
            if (measured) {
                probe.undecodable();
            }
            context.failures().report(new HeraldError(HeraldError.Kind.DECODE, channel, payload, tooLarge));
            return;
        }
        T message = shared != null ? shared.decodedWith(codec) : null;
        if (message == null) {
            try {
                message = codec.decode(payload);
            } catch (Exception | StackOverflowError e) {
                undecodable(channel, payload, e);
                return;
            }
            if (shared != null && message != null) {
                shared.keep(codec, message);
            }
        }
        if (measured) {
            probe.delivered();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                handle(channel, message);
                return;
            } catch (ChannelParseException e) {
                undecodable(channel, payload, e);
                return;
            } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
                if (active && retryPolicy.shouldRetry(e, attempt) && pause(retryPolicy.backoff(attempt))) {
                    if (measured) {
                        probe.retried();
                    }
                    continue;
                }
                if (measured) {
                    probe.failed(e);
                }
                context.failures().report(new HeraldError(HeraldError.Kind.HANDLER, channel, payload, e, attempt));
                deadLetter(channel, payload, e, attempt);
                return;
            }
        }
    }

    /** One handler call, timed and observed when the subscription is measured. */
    private void handle(String channel, T message) throws Exception {
        if (!measured) {
            sink.accept(channel, message);
            return;
        }
        long start = System.nanoTime();
        Object processing = message instanceof RequestCodec.Request<?> request
                ? probe.processing(channel, request.id(), request.trace())
                : probe.processing(channel, null, null);
        try {
            sink.accept(channel, message);
        } catch (Throwable e) {
            probe.processed(processing, start, e);
            throw e;
        }
        probe.processed(processing, start, null);
    }

    private void undecodable(String channel, byte[] payload, Throwable failure) {
        if (measured) {
            probe.undecodable();
        }
        context.failures().report(new HeraldError(HeraldError.Kind.DECODE, channel, payload, failure));
        deadLetter(channel, payload, failure, 0);
    }

    private void deadLetter(String channel, byte[] payload, Throwable failure, int attempts) {
        context.deadLetters().keep(deadLetters, key.pattern() ? "pattern " + key.name() : key.name(), channel, payload,
                failure, attempts, probe);
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
        if (measured) {
            probe.dropped(1);
        }
        overflowReports.dropped();
    }

    /** Stops delivery; returns how many buffered messages will not be handled. */
    int deactivate() {
        active = false;
        int left = 0;
        while (buffer.poll() != null) {
            left++;
        }
        buffered.discarded(left);
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
        return buffered.buffered();
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    @Override
    public CompletionStage<Void> unsubscribe() {
        CompletionStage<Void> ack = context.owner().remove(this);
        return ack != null ? ack : unsubscribedOrDone();
    }

    private synchronized CompletionStage<Void> unsubscribedOrDone() {
        return unsubscribed != null ? unsubscribed : CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        Waits.await(unsubscribe(), context.commandTimeout(), "unsubscribe from '" + key.name() + "'");
    }

    @Override
    public String toString() {
        return "Subscription[" + (key.pattern() ? "pattern " : "") + key.name() + (active ? "" : ", ended") + "]";
    }
}
