package dev.herald.internal.durable;

import dev.herald.spi.DurableLog.Entry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledges entries once they were handled or dead-lettered, in batches: one acknowledgement per stream for the
 * entries gathered, sent when the handler lane finished the entries of one read, when a read's worth has gathered,
 * or at the latest a short while after the first of them was handled (a handler that blocks does not hold back the
 * acknowledgement of those before it). One batch at a time is let go (its room in the window freed) once its
 * acknowledgement is sent, not when Redis answers, so the next read overlaps it, as a hand-written loop does; any
 * other batch is let go when Redis answered. In Redis the group's pending count passes the read count by that one
 * batch at most. An acknowledgement that
 * fails leaves the entries pending, so another consumer claims them later: at least once.
 */
final class Acknowledger {

    private static final Logger LOG = LoggerFactory.getLogger(Acknowledger.class);
    /** The longest a handled entry waits for its acknowledgement to be sent. */
    private static final Duration MAX_DELAY = Duration.ofMillis(50);

    private final ConsumerContext ctx;
    private final Consumer<List<Entry>> then;
    private final int most;
    private final long delayNanos;
    private final Trouble failing = new Trouble();
    private List<Entry> gathered = new ArrayList<>();
    private boolean timed;
    /** Whether a batch let go before Redis answered its acknowledgement is still unanswered. */
    private final AtomicBoolean earlyInFlight = new AtomicBoolean();

    /**
     * @param ctx the consumer
     * @param then told of the entries of each acknowledgement once it is sent (one batch at a time) or answered
     */
    Acknowledger(ConsumerContext ctx, Consumer<List<Entry>> then) {
        this.ctx = ctx;
        this.then = then;
        this.most = Math.max(1, ctx.config().readCount());
        Duration tenth = ctx.config().claimIdle().dividedBy(10);
        Duration delay = tenth.compareTo(MAX_DELAY) < 0 ? tenth : MAX_DELAY;
        this.delayNanos = Math.max(1_000_000L, delay.toNanos());
    }

    /** Gathers an entry handled or dead-lettered; sends the acknowledgement once a read's worth has gathered. */
    void add(Entry entry) {
        boolean full;
        boolean schedule;
        synchronized (this) {
            gathered.add(entry);
            full = gathered.size() >= most;
            schedule = !full && !timed;
            if (schedule) {
                timed = true;
            }
        }
        if (full) {
            flush();
        } else if (schedule) {
            try {
                ctx.timer().schedule(this::timeUp, delayNanos, TimeUnit.NANOSECONDS);
            } catch (RuntimeException e) {
                flush(); // the timer is shut down: Herald is closing
            }
        }
    }

    private void timeUp() {
        synchronized (this) {
            timed = false;
        }
        flush();
    }

    /** Sends the acknowledgement of the entries gathered, if any. */
    void flush() {
        List<Entry> batch;
        synchronized (this) {
            if (gathered.isEmpty()) {
                return;
            }
            batch = gathered;
            gathered = new ArrayList<>();
        }
        Map<String, List<String>> byStream = byStream(batch);
        // one batch at a time is let go when its acknowledgement is sent; the others when Redis answered, so the
        // group's pending count passes the read count by one batch at most
        boolean early = earlyInFlight.compareAndSet(false, true);
        AtomicInteger left = new AtomicInteger(byStream.size());
        Runnable answered = () -> {
            if (left.decrementAndGet() == 0) {
                if (early) {
                    earlyInFlight.set(false);
                } else {
                    then.accept(batch);
                }
            }
        };
        byStream.forEach((stream, ids) -> ack(stream, ids, answered));
        if (early) {
            then.accept(batch);
        }
    }

    private static Map<String, List<String>> byStream(List<Entry> batch) {
        String first = batch.get(0).stream();
        boolean one = true;
        for (Entry entry : batch) {
            if (!entry.stream().equals(first)) {
                one = false;
                break;
            }
        }
        Map<String, List<String>> byStream = new LinkedHashMap<>();
        if (one) {
            List<String> ids = new ArrayList<>(batch.size());
            batch.forEach(entry -> ids.add(entry.id()));
            byStream.put(first, ids);
        } else {
            batch.forEach(entry -> byStream.computeIfAbsent(entry.stream(), s -> new ArrayList<>()).add(entry.id()));
        }
        return byStream;
    }

    private void ack(String stream, List<String> ids, Runnable answered) {
        try {
            ctx.thenInline(ctx.log().ack(stream, ctx.group(), ids), (acked, failure) -> {
                if (failure != null) {
                    if (failing.started()) {
                        LOG.warn("Herald: {}: could not acknowledge {} entries of {} (they stay pending and are delivered"
                                + " again): {}", ctx.describe(), ids.size(), stream, Stages.unwrap(failure).toString());
                    }
                } else if (failing.ended()) {
                    LOG.info("Herald: {}: acknowledging again", ctx.describe());
                }
                answered.run();
            });
        } catch (RuntimeException e) {
            LOG.warn("Herald: {}: could not acknowledge {} entries of {}: {}", ctx.describe(), ids.size(), stream,
                    e.toString());
            answered.run();
        }
    }
}
