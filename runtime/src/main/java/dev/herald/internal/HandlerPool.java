package dev.herald.internal;

import dev.herald.HeraldError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads handlers run on. Subscriptions with messages wait in one {@link ReadyQueue}, in the order they
 * got them; a thread of the {@link HandlerWorkers} takes the first, lets it handle a bounded batch
 * ({@link Drainer#drainBatch}), and puts it back behind the others when it has more, so a busy subscription
 * cannot hold a thread while others wait. A thread that runs out of work spins briefly before it parks, and
 * while it spins a new subscription wakes no other thread (see {@link ReadyQueue}): most messages of a busy
 * pool then cost no wake-up and no context switch.
 * <p>
 * On platform threads at most {@link Config#maxRunning()} threads run handlers. On virtual threads (Java 21
 * or newer, found at run time: the jars target Java 17) a thread per running handler is cheap, and the
 * bound is on handlers running at once; by default there is none beyond one per subscription.
 * <p>
 * The {@link PoolWatchdog} reports subscriptions that wait too long for a thread and threads that cannot be
 * started, in which case the waiting subscriptions are retried when a thread frees or on its next tick.
 * Scheduling never throws and never blocks the caller, which may be the transport's event loop.
 * <p>
 * Callbacks that are not handlers run on {@link CallbackThreads}, so that busy handlers never hold them up.
 */
final class HandlerPool {

    private static final Logger LOG = LoggerFactory.getLogger(HandlerPool.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private static final long PLATFORM_KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long VIRTUAL_KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** How long shutdown waits for interrupted handlers before it gives up on them. */
    private static final long AFTER_INTERRUPT_NANOS = TimeUnit.SECONDS.toNanos(1);

    /**
     * How handlers are run.
     *
     * @param maxRunning the most handlers that run at once, at least 1; 0 for the default: on platform
     *     threads {@link #defaultPlatformThreads()}, on virtual threads no bound
     * @param virtualThreads whether to run handlers on virtual threads when the JVM has them (Java 21+)
     * @param threadFactory makes the handler threads instead of the pool (tests inject failures), or null
     */
    record Config(int maxRunning, boolean virtualThreads, ThreadFactory threadFactory) {
    }

    /**
     * The default bound on platform handler threads.
     *
     * @return 4 per core, and at least 16
     */
    static int defaultPlatformThreads() {
        return Math.max(16, 4 * Runtime.getRuntime().availableProcessors());
    }

    /** @return whether this JVM can run handlers on virtual threads */
    static boolean virtualThreadsAvailable() {
        return HeraldThreads.virtualAvailable();
    }

    /** A subscription with messages to handle, as the pool sees it. */
    abstract static class Drainer {
        /** When it last joined the queue, for the saturation report. */
        volatile long queuedAt;

        /**
         * Handles a bounded batch of messages on the calling thread.
         *
         * @return true when it has more and keeps its turn: the pool queues it again; false when it gave up
         *     its turn (its next message schedules it again)
         */
        abstract boolean drainBatch();

        /** @return the channel or pattern, for reports */
        abstract String channel();
    }

    /** What {@link #shutdown} found. */
    record Stopped(boolean interrupted, List<String> stillRunning) {
    }

    private final int instance = INSTANCES.incrementAndGet();
    private final boolean virtual;
    private final int maxRunning;
    private final ReadyQueue ready = new ReadyQueue();
    private final HandlerWorkers workers;
    private final CallbackThreads callbacks;
    private final PoolWatchdog watchdog;

    /**
     * Starts the pool's watchdog; handler threads start as subscriptions need them.
     *
     * @param config how to run handlers
     * @param report hands a report to the error handler on the calling thread; never throws
     */
    HandlerPool(Config config, Consumer<HeraldError> report) {
        if (config.maxRunning() < 0) {
            throw new IllegalArgumentException("handlerThreads must be positive, was " + config.maxRunning());
        }
        this.virtual = config.virtualThreads() && HeraldThreads.virtualAvailable();
        this.maxRunning = config.maxRunning() > 0 ? config.maxRunning()
                : virtual ? Integer.MAX_VALUE : defaultPlatformThreads();
        String name = "herald-" + instance + "-";
        this.workers = new HandlerWorkers(ready, maxRunning, HeraldThreads.handlerFactory(virtual, config.threadFactory()),
                name + "handler-", virtual ? VIRTUAL_KEEP_ALIVE_NANOS : PLATFORM_KEEP_ALIVE_NANOS, this::startFailed,
                this::allBusy);
        this.callbacks = new CallbackThreads(name + "callback-", this::startFailed);
        this.watchdog = new PoolWatchdog(name + "watchdog", ready, workers, callbacks, report);
        watchdog.start();
    }

    /**
     * @param role what the thread does, such as {@code requests}
     * @return the name of another thread of this Herald's, numbered like its handler threads
     */
    String threadName(String role) {
        return "herald-" + instance + "-" + role;
    }

    private void startFailed(Throwable failure) {
        watchdog.startFailed(failure);
    }

    private void allBusy() {
        watchdog.wake(); // every thread is busy: watch how long the waiting subscriptions wait
    }

    /** @return a description for the start line and reports: the threads and the bound */
    String description() {
        return (virtual ? "virtual" : "platform") + " handler threads, "
                + (maxRunning == Integer.MAX_VALUE ? "no bound" : "at most " + maxRunning + " running");
    }

    /** @return whether the calling thread is a Herald thread (of any Herald) */
    static boolean onHeraldThread() {
        return HeraldThreads.onHeraldThread();
    }

    /**
     * Queues a subscription that has messages and holds its turn; never throws, never blocks.
     *
     * @return false when the pool is shut down: the caller gives up its turn
     */
    boolean schedule(Drainer drainer) {
        if (ready.closed()) {
            return false;
        }
        if (!ready.offer(drainer)) {
            workers.startOrWatch();
        }
        return true;
    }

    /** @return runs callbacks that are not handlers; rejects them once the pool is shut down */
    Executor callbacks() {
        return callbacks;
    }

    /**
     * Stops taking work, lets running handlers finish until {@code end}, then interrupts them and waits
     * a little more. Called from a Herald thread it does not wait (it would wait for itself).
     *
     * @param end the deadline, in {@link System#nanoTime()} terms
     * @param deadline the deadline as given, for the log
     */
    Stopped shutdown(long end, Duration deadline) {
        ready.close(workers::size);
        callbacks.shutdown();
        watchdog.stop();
        if (onHeraldThread()) {
            return new Stopped(false, List.of());
        }
        boolean interrupted = false;
        try {
            if (!awaitAll(end)) {
                LOG.warn("Herald: handlers still running after {}; interrupting them", deadline);
                interrupted = true;
                workers.interruptAll();
                callbacks.shutdownNow();
                awaitAll(System.nanoTime() + AFTER_INTERRUPT_NANOS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callbacks.shutdownNow();
        }
        List<String> stillRunning = stillRunning();
        if (!stillRunning.isEmpty()) {
            LOG.warn("Herald: shutdown gave up on {} handler(s) that ignored the interrupt: {}; their threads are daemons",
                    stillRunning.size(), stillRunning);
        }
        return new Stopped(interrupted, stillRunning);
    }

    /** Waits until every handler, callback and the watchdog is done, or {@code end}; returns whether they are. */
    private boolean awaitAll(long end) throws InterruptedException {
        return workers.awaitAll(end) && callbacks.awaitTermination(end) && HeraldThreads.join(watchdog.thread(), end);
    }

    private List<String> stillRunning() {
        List<String> alive = new ArrayList<>();
        workers.stillRunning(alive);
        callbacks.stillRunning(alive);
        if (watchdog.thread().isAlive()) {
            alive.add("the error handler on " + watchdog.thread().getName());
        }
        return List.copyOf(alive);
    }

    @Override
    public String toString() {
        return "HandlerPool[" + description() + ", " + workers.running() + " running, " + ready.waitingCount()
                + " waiting]";
    }
}
