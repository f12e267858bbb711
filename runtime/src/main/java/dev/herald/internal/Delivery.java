package dev.herald.internal;

import dev.herald.HeraldError;
import dev.herald.MessageHandler;
import dev.herald.OverflowPolicy;
import dev.herald.PayloadCodec;
import dev.herald.Subscription;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One subscription: a bounded buffer of raw payloads drained by at most one handler thread at a time,
 * which gives publish order, one message at a time, and lets different subscriptions run concurrently.
 * {@link #offer} runs on the transport's thread and only buffers.
 */
final class Delivery<T> implements Subscription, Runnable {

    private static final long OVERFLOW_REPORT_INTERVAL_NANOS = 1_000_000_000L;

    private final DefaultHerald herald;
    private final String channel;
    private final PayloadCodec<T> codec;
    private final MessageHandler<? super T> handler;
    private final int capacity;
    private final OverflowPolicy overflowPolicy;

    private final ConcurrentLinkedQueue<byte[]> buffer = new ConcurrentLinkedQueue<>();
    private final AtomicInteger buffered = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong droppedSinceReport = new AtomicLong();
    private volatile long lastOverflowReport = System.nanoTime() - OVERFLOW_REPORT_INTERVAL_NANOS;
    private volatile boolean active = true;
    private CompletionStage<Void> unsubscribed;

    Delivery(DefaultHerald herald, String channel, PayloadCodec<T> codec, MessageHandler<? super T> handler,
            int capacity, OverflowPolicy overflowPolicy) {
        this.herald = herald;
        this.channel = channel;
        this.codec = codec;
        this.handler = handler;
        this.capacity = capacity;
        this.overflowPolicy = overflowPolicy;
    }

    MessageHandler<? super T> handler() {
        return handler;
    }

    /** Buffers one payload and makes sure a handler thread drains the buffer. */
    void offer(byte[] payload) {
        if (!active) {
            return;
        }
        if (buffered.incrementAndGet() > capacity) {
            buffered.decrementAndGet();
            if (overflowPolicy == OverflowPolicy.DROP_OLDEST && buffer.poll() != null) {
                buffer.offer(payload); // the count stays: one out, one in
            }
            overflowed();
        } else {
            buffer.offer(payload);
        }
        schedule();
    }

    private void schedule() {
        if (draining.compareAndSet(false, true)) {
            try {
                herald.handlerExecutor().execute(this);
            } catch (RejectedExecutionException e) {
                draining.set(false); // Herald is closing; what is buffered is counted as unhandled
            }
        }
    }

    @Override
    public void run() {
        boolean again;
        do {
            try {
                byte[] payload;
                while (active && (payload = buffer.poll()) != null) {
                    buffered.decrementAndGet();
                    deliver(payload);
                }
            } finally {
                // even if a fatal error escapes, the next offer must be able to schedule a drain
                draining.set(false);
            }
            again = active && !buffer.isEmpty() && draining.compareAndSet(false, true);
        } while (again);
    }

    private void deliver(byte[] payload) {
        T message;
        try {
            message = codec.decode(payload);
        } catch (Exception | StackOverflowError e) {
            herald.report(new HeraldError(HeraldError.Kind.DECODE, channel, payload, e));
            return;
        }
        try {
            handler.onMessage(message);
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            herald.report(new HeraldError(HeraldError.Kind.HANDLER, channel, payload, e));
        }
    }

    private void overflowed() {
        dropped.incrementAndGet();
        droppedSinceReport.incrementAndGet();
        long now = System.nanoTime();
        long last = lastOverflowReport;
        if (now - last >= OVERFLOW_REPORT_INTERVAL_NANOS) {
            lastOverflowReport = now;
            long count = droppedSinceReport.getAndSet(0);
            herald.reportAsync(new HeraldError(HeraldError.Kind.OVERFLOW, channel, null,
                    new IllegalStateException("subscription buffer full (" + capacity + " messages, policy "
                            + overflowPolicy + "): dropped " + count + " message(s), " + dropped.get() + " in all")));
        }
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
        return channel;
    }

    @Override
    public boolean isActive() {
        return active;
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
        Waits.await(unsubscribe(), herald.commandTimeout(), "UNSUBSCRIBE of '" + channel + "'");
    }

    @Override
    public String toString() {
        return "Subscription[" + channel + (active ? "" : ", ended") + "]";
    }
}
