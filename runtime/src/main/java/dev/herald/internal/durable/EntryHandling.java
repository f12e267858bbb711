package dev.herald.internal.durable;

import dev.herald.ChannelParseException;
import dev.herald.HeraldError;
import dev.herald.HeraldException;
import dev.herald.PayloadCodec;
import dev.herald.RetryPolicy;
import dev.herald.spi.DurableLog.Entry;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;

/**
 * Handles the entries a consumer read or claimed, one at a time in the order they came, on its lane of Herald's
 * handler threads: an entry delivered too often is dead-lettered without its handler; otherwise it is decoded and
 * handled, retried by the retry policy, dead-lettered when that gives up; then it is acknowledged, together with
 * the others of its batch. An entry that was not handled because the consumer is closing is left pending, for another
 * consumer to claim.
 */
final class EntryHandling<T> {

    /** How often a retry's wait checks whether the consumer is closing. */
    private static final long PAUSE_SLICE_NANOS = 20_000_000L;
    /** The consumer whose handler the current thread runs, so that closing it from its own handler does not wait. */
    private static final ThreadLocal<Object> HANDLING = new ThreadLocal<>();

    private final ConsumerContext ctx;
    private final Window window;
    private final Executor lane;
    private final PayloadCodec<T> codec;
    private final DurableSink<T> sink;
    private final RetryPolicy retryPolicy;
    private final Acknowledger acks;
    private final Object owner;
    /**
     * The entries held, by identity, with when they came ({@link System#nanoTime()}): under its own lock, taken once
     * per batch; no allocation per entry. At most the window's capacity.
     */
    private final Map<Entry, Long> held = new IdentityHashMap<>();
    /** The channel of the last entry's stream, worked out once for a batch of one stream. */
    private String lastStream;
    private String lastChannel;

    EntryHandling(ConsumerContext ctx, Window window, Executor lane, PayloadCodec<T> codec, DurableSink<T> sink,
            RetryPolicy retryPolicy, Object owner) {
        this.ctx = ctx;
        this.window = window;
        this.lane = lane;
        this.codec = codec;
        this.sink = sink;
        this.retryPolicy = retryPolicy;
        this.acks = new Acknowledger(ctx, this::forget);
        this.owner = owner;
    }

    /** @return whether the current thread runs this owner's handler */
    static boolean handlingFor(Object owner) {
        return HANDLING.get() == owner;
    }

    /** @return whether the consumer holds an entry of that stream and id already (read again, or claimed) */
    boolean holds(Entry entry) {
        synchronized (held) {
            for (Entry mine : held.keySet()) {
                if (mine.id().equals(entry.id()) && mine.stream().equals(entry.stream())) {
                    return true;
                }
            }
            return false;
        }
    }

    /** @return how many entries the consumer holds: read or claimed, and not yet acknowledged */
    int heldCount() {
        synchronized (held) {
            return held.size();
        }
    }

    /** @return how long the entry held the longest has been held; zero when none is */
    Duration oldestHeld() {
        long now = System.nanoTime();
        long longest = 0;
        synchronized (held) {
            for (Long since : held.values()) {
                longest = Math.max(longest, now - since);
            }
        }
        return Duration.ofNanos(longest);
    }

    /**
     * Queues entries, each holding a place in the window already: one task on the lane handles them in order, and
     * the entries handled are acknowledged together when it is done (or sooner, see {@link Acknowledger}).
     */
    void accept(List<Entry> entries) {
        Long now = System.nanoTime(); // boxed once for the batch
        synchronized (held) {
            for (Entry entry : entries) {
                held.put(entry, now);
            }
        }
        try {
            lane.execute(() -> handle(entries));
        } catch (RejectedExecutionException e) {
            forget(entries); // Herald is closing: they stay pending
        }
    }

    private void handle(List<Entry> entries) {
        int next = 0;
        HANDLING.set(owner);
        try {
            while (next < entries.size() && !ctx.closed()) {
                Entry entry = entries.get(next++);
                boolean handled = false;
                try {
                    handled = deliver(entry);
                } finally {
                    if (handled) {
                        acks.add(entry);
                    } else {
                        forget(List.of(entry)); // left pending
                    }
                }
            }
        } finally {
            HANDLING.remove();
            acks.flush();
            if (next < entries.size()) {
                forget(entries.subList(next, entries.size())); // closing: left pending for another consumer
            }
        }
    }

    /** @return whether the entry is to be acknowledged: it was handled or dead-lettered */
    private boolean deliver(Entry entry) {
        String channel = channelOf(entry.stream());
        DurableProbe probe = ctx.target().probe();
        if (entry.deliveries() > 1) {
            probe.redelivered();
        }
        int maxDeliveries = ctx.config().maxDeliveries();
        if (entry.deliveries() > maxDeliveries) {
            HeraldException tooOften = new HeraldException(ctx.describe() + ": entry " + entry.id() + " was delivered "
                    + entry.deliveries() + " times, more than maxDeliveries (" + maxDeliveries
                    + "); dead-lettered without calling the handler");
            report(HeraldError.Kind.HANDLER, channel, entry, tooOften, 0);
            deadLetter(channel, entry, tooOften, 0);
            return true;
        }
        HeraldException tooLarge = PayloadLimit.exceeded(entry.payload().length, ctx.config().maxPayloadBytes());
        if (tooLarge != null) {
            probe.undecodable();
            report(HeraldError.Kind.DECODE, channel, entry, tooLarge, 0);
            deadLetter(channel, entry, tooLarge, 0);
            return true;
        }
        T message;
        try {
            message = codec.decode(entry.payload());
        } catch (Exception | StackOverflowError e) {
            probe.undecodable();
            report(HeraldError.Kind.DECODE, channel, entry, e, 0);
            deadLetter(channel, entry, e, 0);
            return true;
        }
        probe.delivered();
        for (int attempt = 1; ; attempt++) {
            try {
                handle(probe, channel, entry, message);
                return true;
            } catch (ChannelParseException e) {
                probe.undecodable();
                report(HeraldError.Kind.DECODE, channel, entry, e, 0);
                deadLetter(channel, entry, e, 0);
                return true;
            } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
                if (ctx.closed() && (e instanceof InterruptedException || Thread.currentThread().isInterrupted())) {
                    return false; // interrupted by the shutdown: not the message's fault, left pending
                }
                boolean retry = retryPolicy.shouldRetry(e, attempt);
                if (retry && pause(retryPolicy.backoff(attempt))) {
                    probe.retried();
                    continue;
                }
                if (retry) {
                    return false; // closing during the wait: left pending for another consumer
                }
                probe.failed(e);
                report(HeraldError.Kind.HANDLER, channel, entry, e, attempt);
                deadLetter(channel, entry, e, attempt);
                return true;
            }
        }
    }

    /** One handler call, timed and observed when the channel is measured. */
    private void handle(DurableProbe probe, String channel, Entry entry, T message) throws Exception {
        if (!probe.active()) {
            sink.accept(channel, message);
            return;
        }
        long start = System.nanoTime();
        Object processing = probe.processing(channel, entry.headers());
        try {
            sink.accept(channel, message);
        } catch (Throwable e) {
            probe.processed(processing, start, e);
            throw e;
        }
        probe.processed(processing, start, null);
    }

    private void report(HeraldError.Kind kind, String channel, Entry entry, Throwable failure, int attempts) {
        ctx.runtime().failures().accept(new HeraldError(kind, channel, entry.payload(), failure, attempts));
    }

    /** Keeps the entry as a dead letter; it is then acknowledged: it is handled, as far as the group is concerned. */
    private void deadLetter(String channel, Entry entry, Throwable failure, int attempts) {
        ctx.runtime().deadLetters().keep(ctx.target().deadLetters(), ctx.target().name(), channel, entry.payload(), failure,
                attempts, ctx.target().probe());
    }

    private void forget(List<Entry> entries) {
        synchronized (held) {
            for (Entry entry : entries) {
                held.remove(entry);
            }
        }
        window.release(entries.size());
    }

    /** @return the channel of a stream; on the lane's thread, one at a time */
    private String channelOf(String stream) {
        if (stream != lastStream) { // a batch's entries share their stream's string
            lastChannel = StreamNames.channel(stream);
            lastStream = stream;
        }
        return lastChannel;
    }

    /** Waits before a retry; gives up (false) when the consumer closes or the thread is interrupted. */
    private boolean pause(Duration backoff) {
        long deadline = System.nanoTime() + backoff.toNanos();
        long left;
        while (!ctx.closed() && (left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, Math.min(left, PAUSE_SLICE_NANOS));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !ctx.closed();
    }
}
