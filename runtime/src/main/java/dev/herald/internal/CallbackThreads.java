package dev.herald.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the callbacks that are not handlers (the error handler for reports made off a handler thread, the
 * connection listener, completing a subscribe) on threads of their own, so that busy handlers never hold
 * them up. A callback no thread can be started for is kept as an orphan, for the watchdog to run; once
 * shut down, callbacks are rejected.
 */
final class CallbackThreads implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackThreads.class);

    private final ThreadPoolExecutor threads;
    private final Set<Thread> live = ConcurrentHashMap.newKeySet();
    /** Callbacks no thread could be started for: the watchdog runs them. */
    private final ConcurrentLinkedQueue<Runnable> orphans = new ConcurrentLinkedQueue<>();
    private final Consumer<Throwable> startFailed;
    private volatile boolean closed;

    /**
     * @param namePrefix the threads' names start with it, such as {@code herald-3-callback-}
     * @param startFailed told when no thread could be started for a callback
     */
    CallbackThreads(String namePrefix, Consumer<Throwable> startFailed) {
        this.startFailed = startFailed;
        AtomicInteger number = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                task -> {
                    Thread thread = HeraldThreads.platformDaemon(namePrefix + number.incrementAndGet(), () -> {
                        try {
                            task.run();
                        } finally {
                            live.remove(Thread.currentThread());
                        }
                    });
                    live.add(thread);
                    return thread;
                });
    }

    /**
     * Runs the callback on a thread of its own; one that cannot be started leaves it to the watchdog.
     *
     * @throws RejectedExecutionException once shut down
     */
    @Override
    public void execute(Runnable task) {
        try {
            threads.execute(task);
        } catch (RejectedExecutionException e) {
            if (closed) {
                throw e;
            }
            orphan(task, e);
        } catch (Throwable e) { // no thread could be started
            orphan(task, e);
        }
    }

    private void orphan(Runnable task, Throwable failure) {
        orphans.add(task);
        startFailed.accept(failure);
    }

    /** @return whether callbacks wait for the watchdog to run them */
    boolean hasOrphans() {
        return !orphans.isEmpty();
    }

    /** Runs the callbacks no thread could be started for, on the calling thread, until shut down. */
    void runOrphans() {
        Runnable orphan;
        while (!closed && (orphan = orphans.poll()) != null) {
            try {
                orphan.run();
            } catch (RuntimeException e) {
                LOG.warn("Herald: a callback failed", e);
            }
        }
    }

    /** Takes no more callbacks; those running finish. */
    void shutdown() {
        closed = true;
        threads.shutdown();
    }

    /** Interrupts the callbacks still running. */
    void shutdownNow() {
        threads.shutdownNow();
    }

    /**
     * Waits for every callback thread to end: the executor counts itself terminated while its last thread is
     * still on its way out, and a thread alive then would be reported as still running.
     *
     * @param end the deadline, in {@link System#nanoTime()} terms
     * @return whether every callback is done and its thread ended
     * @throws InterruptedException when the caller is interrupted
     */
    boolean awaitTermination(long end) throws InterruptedException {
        if (!threads.awaitTermination(Math.max(end - System.nanoTime(), 0), TimeUnit.NANOSECONDS)) {
            return false;
        }
        for (Thread thread : live) {
            if (!HeraldThreads.join(thread, end)) {
                return false;
            }
        }
        return true;
    }

    /** Adds a line to {@code alive} for each callback still running. */
    void stillRunning(List<String> alive) {
        for (Thread thread : live) {
            if (thread.isAlive()) {
                alive.add("a callback (error handler or connection listener) on " + thread.getName());
            }
        }
    }
}
