package dev.herald.internal;

import dev.herald.HeraldError;
import dev.herald.HeraldException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads handlers run on. Subscriptions with messages wait in one queue, in the order they got them;
 * a thread takes the first, lets it handle a bounded batch ({@link Drainer#drainBatch}), and puts it back
 * behind the others when it has more, so a busy subscription cannot hold a thread while others wait.
 * <p>
 * On platform threads at most {@link Config#maxRunning()} threads run handlers. On virtual threads (Java 21
 * or newer, found at run time: the jars target Java 17) a thread per running handler is cheap, and the
 * bound is on handlers running at once; by default there is none beyond one per subscription.
 * <p>
 * A watchdog thread reports, through the error handler and at most once a second, when subscriptions wait
 * for a thread longer than {@link #SATURATED_AFTER}, naming the handlers that hold the threads; and when a
 * thread cannot be started, in which case the waiting subscriptions are retried when a thread frees or on
 * the watchdog's next tick. Scheduling never throws and never blocks the caller, which may be the
 * transport's event loop.
 * <p>
 * Callbacks that are not handlers (the error handler for reports made off a handler thread, the connection
 * listener, completing a subscribe) run on threads of their own, so that busy handlers never hold them up.
 */
public final class HandlerPool {

    private static final Logger LOG = LoggerFactory.getLogger(HandlerPool.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    /** How long subscriptions may wait for a thread before the pool reports it is saturated. */
    static final Duration SATURATED_AFTER = Duration.ofSeconds(1);
    private static final long SATURATED_AFTER_NANOS = SATURATED_AFTER.toNanos();
    private static final long REPORT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long WATCH_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final long PLATFORM_KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long VIRTUAL_KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** How many running handlers and waiting subscriptions a saturation report names. */
    private static final int NAMED = 10;
    /** How long shutdown waits for interrupted handlers before it gives up on them. */
    private static final long AFTER_INTERRUPT_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Makes virtual threads on Java 21 or newer; null before. Looked up once. */
    private static final ThreadFactory VIRTUAL_THREADS = virtualThreadFactory();

    /** Whether the current thread is one of a Herald's: a handler, callback or watchdog thread. */
    private static final ThreadLocal<Boolean> HERALD_THREAD = new ThreadLocal<>();

    /**
     * How handlers are run.
     *
     * @param maxRunning the most handlers that run at once, at least 1; 0 for the default: on platform
     *     threads {@link #defaultPlatformThreads()}, on virtual threads no bound
     * @param virtualThreads whether to run handlers on virtual threads when the JVM has them (Java 21+)
     * @param threadFactory makes the handler threads instead of the pool (tests inject failures), or null
     */
    public record Config(int maxRunning, boolean virtualThreads, ThreadFactory threadFactory) {

        /**
         * The defaults: virtual threads where the JVM has them, else {@link #defaultPlatformThreads()}.
         *
         * @return the default configuration
         */
        public static Config defaults() {
            return new Config(0, true, null);
        }
    }

    /**
     * The default bound on platform handler threads.
     *
     * @return 4 per core, and at least 16
     */
    public static int defaultPlatformThreads() {
        return Math.max(16, 4 * Runtime.getRuntime().availableProcessors());
    }

    /** @return whether this JVM can run handlers on virtual threads */
    static boolean virtualThreadsAvailable() {
        return VIRTUAL_THREADS != null;
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

    private static final Drainer STOP = new Drainer() {
        @Override
        boolean drainBatch() {
            return false;
        }

        @Override
        String channel() {
            return "(stop)";
        }
    };

    private final int instance = INSTANCES.incrementAndGet();
    private final int maxRunning;
    private final boolean virtual;
    private final ThreadFactory threadFactory;
    private final long keepAliveNanos;
    private final Consumer<HeraldError> report;

    private final LinkedTransferQueue<Drainer> ready = new LinkedTransferQueue<>();
    private final AtomicInteger threads = new AtomicInteger();
    private final Set<Worker> workers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger handlerThreadNumber = new AtomicInteger();

    private final ThreadPoolExecutor callbackThreads;
    private final Set<Thread> liveCallbackThreads = ConcurrentHashMap.newKeySet();
    private final Executor callbacks = this::executeCallback;
    /** Callbacks no thread could be started for: the watchdog runs them. */
    private final ConcurrentLinkedQueue<Runnable> orphanedCallbacks = new ConcurrentLinkedQueue<>();

    private final Thread watchdog;
    private volatile boolean watching = true;
    private final AtomicLong startFailures = new AtomicLong();
    private final AtomicReference<Throwable> lastStartFailure = new AtomicReference<>();
    private long lastStartFailureReport = System.nanoTime() - REPORT_INTERVAL_NANOS;
    private long lastSaturationReport = System.nanoTime() - REPORT_INTERVAL_NANOS;

    private volatile boolean closing;

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
        this.report = report;
        this.virtual = config.virtualThreads() && VIRTUAL_THREADS != null;
        this.maxRunning = config.maxRunning() > 0 ? config.maxRunning()
                : virtual ? Integer.MAX_VALUE : defaultPlatformThreads();
        this.threadFactory = config.threadFactory() != null ? config.threadFactory()
                : virtual ? VIRTUAL_THREADS : Thread::new;
        this.keepAliveNanos = virtual ? VIRTUAL_KEEP_ALIVE_NANOS : PLATFORM_KEEP_ALIVE_NANOS;
        AtomicInteger callbackNumber = new AtomicInteger();
        this.callbackThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                task -> {
                    Thread thread = new Thread(() -> {
                        HERALD_THREAD.set(Boolean.TRUE);
                        try {
                            task.run();
                        } finally {
                            liveCallbackThreads.remove(Thread.currentThread());
                        }
                    }, "herald-" + instance + "-callback-" + callbackNumber.incrementAndGet());
                    thread.setDaemon(true);
                    liveCallbackThreads.add(thread);
                    return thread;
                });
        this.watchdog = new Thread(this::watch, "herald-" + instance + "-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** @return a description for the start line and reports: the threads and the bound */
    String description() {
        return (virtual ? "virtual" : "platform") + " handler threads, "
                + (maxRunning == Integer.MAX_VALUE ? "no bound" : "at most " + maxRunning + " running");
    }

    /** @return whether the calling thread is a Herald thread (of any Herald) */
    static boolean onHeraldThread() {
        return HERALD_THREAD.get() != null;
    }

    // ---------------------------------------------------------------- handlers

    /**
     * Queues a subscription that has messages and holds its turn; never throws, never blocks.
     *
     * @return false when the pool is shut down: the caller gives up its turn
     */
    boolean schedule(Drainer drainer) {
        if (closing) {
            return false;
        }
        drainer.queuedAt = System.nanoTime();
        if (ready.tryTransfer(drainer)) {
            return true; // an idle thread took it
        }
        ready.offer(drainer);
        if (!tryStartWorker() && !watching) {
            LockSupport.unpark(watchdog); // every thread is busy: watch how long this one waits
        }
        return true;
    }

    private boolean tryStartWorker() {
        if (!reserve()) {
            return false;
        }
        Worker worker = new Worker();
        try {
            Thread thread = threadFactory.newThread(worker);
            if (thread == null) {
                throw new RejectedExecutionException("the handler thread factory returned no thread");
            }
            thread.setName("herald-" + instance + "-handler-" + handlerThreadNumber.incrementAndGet());
            if (!thread.isDaemon()) {
                thread.setDaemon(true);
            }
            worker.thread = thread;
            workers.add(worker);
            thread.start();
            return true;
        } catch (Throwable e) { // OutOfMemoryError "unable to create native thread", RejectedExecutionException, ...
            workers.remove(worker);
            threads.decrementAndGet();
            startFailed(e);
            return false;
        }
    }

    private void startFailed(Throwable failure) {
        lastStartFailure.set(failure);
        startFailures.incrementAndGet();
        if (!watching) {
            LockSupport.unpark(watchdog);
        }
    }

    /** One handler thread: takes subscriptions from the queue until it idles for the keep-alive. */
    private final class Worker implements Runnable {
        volatile Thread thread;
        volatile Drainer current;
        volatile long since;

        @Override
        public void run() {
            HERALD_THREAD.set(Boolean.TRUE);
            boolean counted = true;
            try {
                Drainer next = null;
                while (true) {
                    if (next == null) {
                        next = ready.poll();
                    }
                    if (next == null) {
                        if (closing) {
                            return;
                        }
                        try {
                            next = ready.poll(keepAliveNanos, TimeUnit.NANOSECONDS);
                        } catch (InterruptedException e) {
                            continue; // closing, or an interrupt a handler left behind
                        }
                        if (next == null) {
                            // idle for the keep-alive: leave, unless work arrived while nobody could start a thread
                            threads.decrementAndGet();
                            counted = false;
                            if (ready.isEmpty() || !reserve()) {
                                return;
                            }
                            counted = true;
                            continue;
                        }
                    }
                    if (next == STOP) {
                        return;
                    }
                    next = runBatch(next);
                }
            } finally {
                if (counted) {
                    threads.decrementAndGet();
                }
                workers.remove(this);
                if (!ready.isEmpty() && !closing) {
                    tryStartWorker(); // a fatal error ended this thread: someone else takes over
                }
            }
        }

        /** Runs one batch; returns the subscription to run again at once when nobody else waits. */
        private Drainer runBatch(Drainer drainer) {
            current = drainer;
            since = System.nanoTime();
            boolean again;
            try {
                again = drainer.drainBatch();
            } catch (Throwable e) {
                // the Drainer gave up its turn; a fatal error must not cost the other subscriptions this thread
                LOG.error("Herald: a handler of '{}' failed with an error Herald does not handle", drainer.channel(), e);
                again = false;
            } finally {
                current = null;
            }
            if (!closing && Thread.interrupted()) {
                // an interrupt meant for the handler that just ran is not for the next one
                LOG.debug("Herald: cleared an interrupt left by a handler of '{}'", drainer.channel());
            }
            if (!again) {
                return null;
            }
            if (ready.isEmpty()) {
                return drainer;
            }
            drainer.queuedAt = System.nanoTime();
            ready.offer(drainer); // behind the others
            return null;
        }
    }

    private boolean reserve() {
        int running;
        do {
            running = threads.get();
            if (running >= maxRunning || closing) {
                return false;
            }
        } while (!threads.compareAndSet(running, running + 1));
        return true;
    }

    // ---------------------------------------------------------------- callbacks

    /** @return runs callbacks that are not handlers; rejects them once the pool is shut down */
    Executor callbacks() {
        return callbacks;
    }

    private void executeCallback(Runnable task) {
        try {
            callbackThreads.execute(task);
        } catch (RejectedExecutionException e) {
            if (closing) {
                throw e;
            }
            orphan(task, e);
        } catch (Throwable e) { // no thread could be started
            orphan(task, e);
        }
    }

    private void orphan(Runnable task, Throwable failure) {
        orphanedCallbacks.add(task);
        startFailed(failure);
    }

    // ---------------------------------------------------------------- watchdog

    private void watch() {
        HERALD_THREAD.set(Boolean.TRUE);
        while (!closing) {
            if (ready.isEmpty() && startFailures.get() == 0 && orphanedCallbacks.isEmpty()) {
                watching = false;
                if (ready.isEmpty() && startFailures.get() == 0 && orphanedCallbacks.isEmpty() && !closing) {
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
        Runnable orphan;
        while ((orphan = orphanedCallbacks.poll()) != null && !closing) {
            try {
                orphan.run();
            } catch (RuntimeException e) {
                LOG.warn("Herald: a callback failed", e);
            }
        }
        long now = System.nanoTime();
        long failures = startFailures.get();
        if (failures > 0 && now - lastStartFailureReport >= REPORT_INTERVAL_NANOS) {
            lastStartFailureReport = now;
            startFailures.addAndGet(-failures);
            reportStartFailure(failures, lastStartFailure.get());
        }
        if (!ready.isEmpty() && threads.get() == 0) {
            tryStartWorker(); // threads could not be started: retry, the waiting subscriptions are still queued
        }
        Drainer oldest = ready.peek();
        if (oldest != null && oldest != STOP && now - oldest.queuedAt >= SATURATED_AFTER_NANOS
                && now - lastSaturationReport >= REPORT_INTERVAL_NANOS) {
            if (tryStartWorker()) {
                return; // below the bound after all (a thread could not be started before)
            }
            lastSaturationReport = now;
            reportSaturation(oldest, now);
        }
    }

    private void reportStartFailure(long failures, Throwable failure) {
        Drainer waiting = ready.peek();
        String channel = waiting != null && waiting != STOP ? waiting.channel() : "(handler pool)";
        report.accept(new HeraldError(HeraldError.Kind.SATURATED, channel, null, new HeraldException(
                "could not start a handler thread (" + failures + " time(s) in the last second; " + threads.get()
                        + " running, at most " + bound() + "): " + failure + "; " + waitingCount()
                        + " subscription(s) wait for a thread and are retried when one frees", failure)));
    }

    private void reportSaturation(Drainer oldest, long now) {
        List<Worker> busy = new ArrayList<>();
        for (Worker worker : workers) {
            if (worker.current != null) {
                busy.add(worker);
            }
        }
        busy.sort(Comparator.comparingLong(worker -> worker.since));
        StringBuilder running = new StringBuilder();
        for (Worker worker : busy.subList(0, Math.min(NAMED, busy.size()))) {
            Drainer current = worker.current;
            Thread thread = worker.thread;
            if (current != null) {
                running.append(running.length() == 0 ? "" : ", ").append('\'').append(current.channel()).append("' for ")
                        .append(TimeUnit.NANOSECONDS.toMillis(now - worker.since)).append(" ms on ")
                        .append(thread != null ? thread.getName() : "?");
            }
        }
        StringBuilder waiting = new StringBuilder();
        int count = 0;
        for (Drainer drainer : ready) {
            if (drainer == STOP) {
                continue;
            }
            if (count < NAMED) {
                waiting.append(count == 0 ? "" : ", ").append('\'').append(drainer.channel()).append('\'');
            }
            count++;
        }
        if (count > NAMED) {
            waiting.append(" and ").append(count - NAMED).append(" more");
        }
        report.accept(new HeraldError(HeraldError.Kind.SATURATED, oldest.channel(), null, new HeraldException(
                "handlers saturated: " + busy.size() + " handler(s) running (at most " + bound() + ") and " + count
                        + " subscription(s) waiting up to " + TimeUnit.NANOSECONDS.toMillis(now - oldest.queuedAt)
                        + " ms for a thread. Running longest: " + running + ". Waiting: " + waiting + ". A handler that"
                        + " blocks holds its thread: make it shorter or asynchronous, raise handlerThreads, or run on"
                        + " Java 21+ (virtual threads)")));
    }

    private String bound() {
        return maxRunning == Integer.MAX_VALUE ? "no bound" : String.valueOf(maxRunning);
    }

    private int waitingCount() {
        int count = 0;
        for (Drainer drainer : ready) {
            if (drainer != STOP) {
                count++;
            }
        }
        return count;
    }

    // ---------------------------------------------------------------- shutdown

    /**
     * Stops taking work, lets running handlers finish until {@code end}, then interrupts them and waits
     * a little more. Called from a Herald thread it does not wait (it would wait for itself).
     *
     * @param end the deadline, in {@link System#nanoTime()} terms
     * @param deadline the deadline as given, for the log
     */
    Stopped shutdown(long end, Duration deadline) {
        closing = true;
        callbackThreads.shutdown();
        for (int i = workers.size(); i >= 0; i--) {
            ready.offer(STOP); // one per thread, and one spare: an idle thread wakes up and leaves
        }
        LockSupport.unpark(watchdog);
        if (onHeraldThread()) {
            return new Stopped(false, List.of());
        }
        boolean interrupted = false;
        try {
            if (!awaitAll(end)) {
                LOG.warn("Herald: handlers still running after {}; interrupting them", deadline);
                interrupted = true;
                for (Worker worker : workers) {
                    Thread thread = worker.thread;
                    if (thread != null) {
                        thread.interrupt();
                    }
                }
                callbackThreads.shutdownNow();
                awaitAll(System.nanoTime() + AFTER_INTERRUPT_NANOS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callbackThreads.shutdownNow();
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
        for (Worker worker : workers) {
            Thread thread = worker.thread;
            if (!join(thread, end)) {
                return false;
            }
        }
        if (!callbackThreads.awaitTermination(Math.max(end - System.nanoTime(), 0), TimeUnit.NANOSECONDS)) {
            return false;
        }
        return join(watchdog, end);
    }

    private static boolean join(Thread thread, long end) throws InterruptedException {
        if (thread == null) {
            return true;
        }
        long left = end - System.nanoTime();
        if (left > 0) {
            thread.join(Math.max(TimeUnit.NANOSECONDS.toMillis(left), 1));
        }
        return !thread.isAlive();
    }

    private List<String> stillRunning() {
        List<String> alive = new ArrayList<>();
        for (Worker worker : workers) {
            Thread thread = worker.thread;
            if (thread != null && thread.isAlive()) {
                Drainer current = worker.current;
                alive.add((current != null ? "'" + current.channel() + "'" : "no handler") + " on " + thread.getName());
            }
        }
        for (Thread thread : liveCallbackThreads) {
            if (thread.isAlive()) {
                alive.add("a callback (error handler or connection listener) on " + thread.getName());
            }
        }
        if (watchdog.isAlive()) {
            alive.add("the error handler on " + watchdog.getName());
        }
        return List.copyOf(alive);
    }

    // ---------------------------------------------------------------- virtual threads

    /** Thread.ofVirtual().factory(), looked up by reflection: the jars target Java 17. */
    private static ThreadFactory virtualThreadFactory() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> builder = Class.forName("java.lang.Thread$Builder");
            Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
            MethodHandle newBuilder = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual));
            MethodHandle factory = lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class));
            return (ThreadFactory) factory.invoke(newBuilder.invoke());
        } catch (Throwable e) { // before Java 21: no such class, or a preview feature that is not enabled
            return null;
        }
    }

    @Override
    public String toString() {
        return "HandlerPool[" + description() + ", " + threads.get() + " running, " + waitingCount() + " waiting]";
    }
}
