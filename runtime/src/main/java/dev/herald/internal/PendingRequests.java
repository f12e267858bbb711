package dev.herald.internal;

import dev.herald.HeraldException;
import dev.herald.NoResponderException;
import dev.herald.PayloadCodec;
import dev.herald.RemoteHandlerException;
import dev.herald.RequestCounts;
import dev.herald.RequestTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The requests of one Herald that wait for their reply: one map keyed by correlation id, and one timer thread
 * for their timeouts. An entry leaves the map on its reply, its timeout, a failed publish, no responder, or
 * close; a reply for an id that is not in the map (a second responder's, one after the timeout) is dropped and
 * counted. A timeout is cancelled when its reply comes, and a cancelled timeout leaves the timer's queue at once.
 */
final class PendingRequests {

    /**
     * One request waiting for its reply.
     *
     * @param <R> the reply payload type
     */
    static final class Entry<R> {
        final String id;
        /** The full request channel, for the failures. */
        final String channel;
        final PayloadCodec<R> replyCodec;
        final Duration timeout;
        final CompletableFuture<R> result = new CompletableFuture<>();
        /** Measures it under its declared channel. */
        final RequestProbe probe;
        /** When it was made, for its round trip; 0 when it is not measured. */
        final long startNanos;
        private volatile ScheduledFuture<?> timer;

        private Entry(String id, String channel, PayloadCodec<R> replyCodec, Duration timeout, RequestProbe probe) {
            this.id = id;
            this.channel = channel;
            this.replyCodec = replyCodec;
            this.timeout = timeout;
            this.probe = probe;
            this.startNanos = probe.channel().active() ? System.nanoTime() : 0L;
        }

        private void cancelTimer() {
            ScheduledFuture<?> scheduled = timer;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }

    private final ConcurrentHashMap<String, Entry<?>> entries = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ScheduledThreadPoolExecutor timer;
    private final Executor callbacks;
    private final Instruments instruments;
    private final LongAdder sent = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder timedOut = new LongAdder();
    private final LongAdder noResponder = new LongAdder();
    private final LongAdder remoteFailures = new LongAdder();
    private final LongAdder lateReplies = new LongAdder();
    private volatile boolean closed;

    /**
     * @param threadName the name of the timer thread, started with the first request
     * @param callbacks completes stages that would otherwise complete on the transport's thread
     * @param instruments counts the replies that come for no waiting request
     */
    PendingRequests(String threadName, Executor callbacks, Instruments instruments) {
        this.callbacks = callbacks;
        this.instruments = instruments;
        this.timer = new ScheduledThreadPoolExecutor(1, task -> HeraldThreads.platformDaemon(threadName, task));
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Holds a new request and starts its timeout.
     *
     * @param channel the full request channel
     * @param probe measures it under its declared channel
     * @return the entry; its stage failed already when Herald is closed
     */
    <R> Entry<R> open(String channel, PayloadCodec<R> replyCodec, Duration timeout, RequestProbe probe) {
        Entry<R> entry = new Entry<>(Long.toString(ids.incrementAndGet(), Character.MAX_RADIX), channel, replyCodec, timeout,
                probe);
        if (closed) {
            entry.result.completeExceptionally(closedBeforeReply(channel));
            return entry;
        }
        entries.put(entry.id, entry);
        try {
            entry.timer = timer.schedule(() -> timedOut(entry), timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // closing: close() fails what it finds, and this one in case it came too late to be found
        }
        if (closed || entry.timer == null) {
            fail(entry, closedBeforeReply(channel));
        } else if (entry.result.isDone()) {
            entry.cancelTimer(); // the reply came before the timer was set
        }
        return entry;
    }

    /** Counts a request handed to the transport. */
    void sent() {
        sent.increment();
    }

    /**
     * What the PUBLISH of a request came to; called on the transport's thread. Nobody subscribed, or a failed
     * publish, fails the request at once, on a Herald thread.
     */
    void published(Entry<?> entry, Long receivers, Throwable failure) {
        if (failure == null && receivers > 0) {
            return;
        }
        if (!entries.remove(entry.id, entry)) {
            return;
        }
        entry.cancelTimer();
        Throwable cause;
        if (failure == null) {
            noResponder.increment();
            entry.probe.noResponder();
            cause = new NoResponderException(entry.channel);
        } else {
            cause = Waits.unwrap(failure);
        }
        callbacks.execute(() -> entry.result.completeExceptionally(cause));
    }

    /** Fails a request that is still waiting. */
    void fail(Entry<?> entry, Throwable cause) {
        if (entries.remove(entry.id, entry)) {
            entry.cancelTimer();
            entry.result.completeExceptionally(cause);
        }
    }

    /** Completes the request a reply answers; called on the reply subscription's handler thread. */
    void replied(RequestEnvelopes.Envelope reply) {
        Entry<?> entry = entries.remove(reply.id());
        if (entry == null) {
            lateReplies.increment();
            instruments.lateReply();
            return;
        }
        entry.cancelTimer();
        complete(entry, reply);
    }

    private <R> void complete(Entry<R> entry, RequestEnvelopes.Envelope reply) {
        if (entry.startNanos != 0L) {
            entry.probe.replied(entry.startNanos, reply.isError());
        }
        if (reply.isError()) {
            remoteFailures.increment();
            entry.result.completeExceptionally(new RemoteHandlerException(entry.channel, reply.errorType(),
                    reply.errorMessage()));
            return;
        }
        R value;
        try {
            value = entry.replyCodec.decode(reply.payload());
        } catch (Exception | StackOverflowError e) {
            entry.result.completeExceptionally(new HeraldException("the reply to a request on '" + entry.channel
                    + "' could not be decoded: " + e.getMessage(), e));
            return;
        }
        answered.increment();
        entry.result.complete(value);
    }

    private void timedOut(Entry<?> entry) {
        if (entries.remove(entry.id, entry)) {
            timedOut.increment();
            entry.probe.timedOut();
            entry.result.completeExceptionally(new RequestTimeoutException(entry.channel, entry.timeout));
        }
    }

    /** Fails every request still waiting, stops the timer, and fails every later request at once. */
    void close() {
        closed = true;
        timer.shutdownNow();
        for (Entry<?> entry : entries.values()) {
            fail(entry, closedBeforeReply(entry.channel));
        }
    }

    private static HeraldException closedBeforeReply(String channel) {
        return new HeraldException("Herald closed before the reply to a request on '" + channel + "' came");
    }

    /** @return how many requests wait for their reply now */
    int pending() {
        return entries.size();
    }

    /** @return the counts so far; pending is the map's size */
    RequestCounts counts() {
        return new RequestCounts(sent.sum(), answered.sum(), timedOut.sum(), noResponder.sum(), remoteFailures.sum(),
                lateReplies.sum(), entries.size());
    }
}
