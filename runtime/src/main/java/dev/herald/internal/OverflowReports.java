package dev.herald.internal;

import dev.herald.HeraldError;
import dev.herald.OverflowPolicy;
import dev.herald.SubscriptionOverflowException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The OVERFLOW reports of one subscription that drops messages: at most one a second while it drops, and
 * one about a second after it stopped, each with the count since the previous one, so that the counts add
 * up to the subscription's total. The reports are made by a timer of the JDK's (as the logging error
 * handler does), never on the transport's thread, and a drop costs two atomic operations.
 */
final class OverflowReports {

    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final String channel;
    private final int capacity;
    private final OverflowPolicy policy;
    private final LongSupplier total;
    private final Consumer<HeraldError> report;
    private final AtomicLong unreported = new AtomicLong();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long lastReportAt = System.nanoTime() - INTERVAL_NANOS;

    /**
     * @param channel the subscription's channel or pattern, as sent to Redis
     * @param total the subscription's count of dropped messages, for the text
     * @param report hands a report to the error handler, from any thread
     */
    OverflowReports(String channel, int capacity, OverflowPolicy policy, LongSupplier total, Consumer<HeraldError> report) {
        this.channel = channel;
        this.capacity = capacity;
        this.policy = policy;
        this.total = total;
        this.report = report;
    }

    /** Counts one dropped message; the first after a quiet second is reported at once, the rest by the timer. */
    void dropped() {
        // counted before the flag is looked at: a report that clears the flag after this either sees this
        // drop or leaves the flag clear for this call to schedule the next report
        unreported.incrementAndGet();
        if (scheduled.compareAndSet(false, true)) {
            long delay = Math.max(lastReportAt + INTERVAL_NANOS - System.nanoTime(), 0);
            CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS).execute(this::reportNow);
        }
    }

    private void reportNow() {
        lastReportAt = System.nanoTime();
        scheduled.set(false);
        long count = unreported.getAndSet(0);
        if (count > 0) {
            report.accept(new HeraldError(HeraldError.Kind.OVERFLOW, channel, null, new SubscriptionOverflowException(
                    "subscription buffer full (" + capacity + " messages, policy " + policy + "): dropped " + count
                            + " message(s), " + total.getAsLong() + " in all", count)));
        }
    }
}
