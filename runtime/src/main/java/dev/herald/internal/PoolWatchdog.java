package dev.herald.internal;

import dev.herald.HeraldError;
import dev.herald.HeraldException;
import dev.herald.internal.HandlerPool.Drainer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler pool's watchdog thread. It reports, through the error handler and at most once a second, when
 * subscriptions wait for a thread longer than {@link #SATURATED_AFTER}, naming the handlers that hold the
 * threads; and when a thread cannot be started, in which case it retries starting one on each tick and runs
 * the callbacks no thread could be started for. It parks while there is nothing to watch.
 */
final class PoolWatchdog {

    private static final Logger LOG = LoggerFactory.getLogger(PoolWatchdog.class);

    /** How long subscriptions may wait for a thread before the pool reports it is saturated. */
    static final Duration SATURATED_AFTER = Duration.ofSeconds(1);
    private static final long SATURATED_AFTER_NANOS = SATURATED_AFTER.toNanos();
    private static final long REPORT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long WATCH_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    /** How many running handlers and waiting subscriptions a saturation report names. */
    private static final int NAMED = 10;

    private final ReadyQueue ready;
    private final HandlerWorkers workers;
    private final CallbackThreads callbacks;
    private final Consumer<HeraldError> report;
    private final Thread thread;

    private volatile boolean watching = true;
    private final AtomicLong startFailures = new AtomicLong();
    private final AtomicReference<Throwable> lastStartFailure = new AtomicReference<>();
    private long lastStartFailureReport = System.nanoTime() - REPORT_INTERVAL_NANOS;
    private long lastSaturationReport = System.nanoTime() - REPORT_INTERVAL_NANOS;

    /**
     * @param name the thread's name
     * @param ready the subscriptions waiting for a thread; its closing ends the watchdog
     * @param workers the handler threads
     * @param callbacks the callback threads, whose orphans it runs
     * @param report hands a report to the error handler on the calling thread; never throws
     */
    PoolWatchdog(String name, ReadyQueue ready, HandlerWorkers workers, CallbackThreads callbacks,
            Consumer<HeraldError> report) {
        this.ready = ready;
        this.workers = workers;
        this.callbacks = callbacks;
        this.report = report;
        this.thread = HeraldThreads.platformDaemon(name, this::watch);
    }

    /** Starts the watchdog thread. */
    void start() {
        thread.start();
    }

    /** @return the watchdog's thread, for shutdown */
    Thread thread() {
        return thread;
    }

    /** Wakes the watchdog if it parked with nothing to watch: a subscription waits for a busy thread. */
    void wake() {
        if (!watching) {
            LockSupport.unpark(thread);
        }
    }

    /** Wakes the watchdog even while it watches: the pool is closing. */
    void stop() {
        LockSupport.unpark(thread);
    }

    /** Notes that a thread (handler or callback) could not be started, for the next report. */
    void startFailed(Throwable failure) {
        lastStartFailure.set(failure);
        startFailures.incrementAndGet();
        wake();
    }

    private boolean idle() {
        return ready.isEmpty() && startFailures.get() == 0 && !callbacks.hasOrphans();
    }

    private void watch() {
        while (!ready.closed()) {
            if (idle()) {
                watching = false;
                if (idle() && !ready.closed()) {
                    LockSupport.park(this);
                }
                watching = true;
                continue;
            }
            try {
                tick();
            } catch (RuntimeException e) {
                LOG.warn("Herald: the handler pool's watchdog failed", e);
            }
            LockSupport.parkNanos(this, WATCH_TICK_NANOS);
        }
    }

    private void tick() {
        callbacks.runOrphans();
        long now = System.nanoTime();
        long failures = startFailures.get();
        if (failures > 0 && now - lastStartFailureReport >= REPORT_INTERVAL_NANOS) {
            lastStartFailureReport = now;
            startFailures.addAndGet(-failures);
            reportStartFailure(failures, lastStartFailure.get());
        }
        if (!ready.isEmpty() && workers.running() == 0) {
            workers.tryStart(); // threads could not be started: retry, the waiting subscriptions are still queued
        }
        Drainer oldest = ready.oldest();
        if (oldest != null && now - oldest.queuedAt >= SATURATED_AFTER_NANOS
                && now - lastSaturationReport >= REPORT_INTERVAL_NANOS) {
            if (workers.tryStart()) {
                return; // below the bound after all (a thread could not be started before)
            }
            lastSaturationReport = now;
            reportSaturation(oldest, now);
        }
    }

    private void reportStartFailure(long failures, Throwable failure) {
        Drainer waiting = ready.oldest();
        String channel = waiting != null ? waiting.channel() : "(handler pool)";
        report.accept(new HeraldError(HeraldError.Kind.SATURATED, channel, null, new HeraldException(
                "could not start a handler thread (" + failures + " time(s) in the last second; " + workers.running()
                        + " running, at most " + workers.bound() + "): " + failure + "; " + ready.waitingCount()
                        + " subscription(s) wait for a thread and are retried when one frees", failure)));
    }

    private void reportSaturation(Drainer oldest, long now) {
        List<HandlerWorkers.Busy> busy = workers.busy();
        StringBuilder running = new StringBuilder();
        for (HandlerWorkers.Busy handler : busy.subList(0, Math.min(NAMED, busy.size()))) {
            running.append(running.length() == 0 ? "" : ", ").append('\'').append(handler.channel()).append("' for ")
                    .append(TimeUnit.NANOSECONDS.toMillis(now - handler.since())).append(" ms on ")
                    .append(handler.thread());
        }
        List<Drainer> queued = ready.waiting();
        StringBuilder waiting = new StringBuilder();
        for (Drainer drainer : queued.subList(0, Math.min(NAMED, queued.size()))) {
            waiting.append(waiting.length() == 0 ? "" : ", ").append('\'').append(drainer.channel()).append('\'');
        }
        if (queued.size() > NAMED) {
            waiting.append(" and ").append(queued.size() - NAMED).append(" more");
        }
        report.accept(new HeraldError(HeraldError.Kind.SATURATED, oldest.channel(), null, new HeraldException(
                "handlers saturated: " + busy.size() + " handler(s) running (at most " + workers.bound() + ") and "
                        + queued.size() + " subscription(s) waiting up to "
                        + TimeUnit.NANOSECONDS.toMillis(now - oldest.queuedAt) + " ms for a thread. Running longest: "
                        + running + ". Waiting: " + waiting + ". A handler that blocks holds its thread: make it"
                        + " shorter or asynchronous, raise handlerThreads, or run on Java 21+ (virtual threads)")));
    }
}
