package dev.herald.internal;

import dev.herald.internal.HandlerPool.Drainer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler threads: at most a bound of them, started as subscriptions wait in the {@link ReadyQueue},
 * each taking subscriptions from it, a batch at a time, until it idles for the keep-alive. A thread that
 * cannot be started is reported to the watchdog, and the subscriptions stay queued.
 */
final class HandlerWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(HandlerWorkers.class);

    /** A handler running now, for the saturation report. */
    record Busy(String channel, long since, String thread) {
    }

    private final ReadyQueue ready;
    private final int maxRunning;
    private final ThreadFactory threadFactory;
    private final String namePrefix;
    private final long keepAliveNanos;
    private final Consumer<Throwable> startFailed;
    private final Runnable allBusy;

    private final AtomicInteger threads = new AtomicInteger();
    private final Set<Worker> workers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threadNumber = new AtomicInteger();

    /**
     * @param ready the subscriptions waiting for a thread; its closing ends the threads
     * @param maxRunning the most threads at once
     * @param threadFactory makes the threads
     * @param namePrefix the threads' names start with it, such as {@code herald-3-handler-}
     * @param keepAliveNanos how long a thread idles before it ends
     * @param startFailed told when a thread could not be started
     * @param allBusy told when a subscription waits and the bound allows no other thread: the watchdog watches it
     */
    HandlerWorkers(ReadyQueue ready, int maxRunning, ThreadFactory threadFactory, String namePrefix,
            long keepAliveNanos, Consumer<Throwable> startFailed, Runnable allBusy) {
        this.ready = ready;
        this.maxRunning = maxRunning;
        this.threadFactory = threadFactory;
        this.namePrefix = namePrefix;
        this.keepAliveNanos = keepAliveNanos;
        this.startFailed = startFailed;
        this.allBusy = allBusy;
    }

    /**
     * Starts a thread if the bound allows; never throws.
     *
     * @return whether a thread was started
     */
    boolean tryStart() {
        if (!reserve()) {
            return false;
        }
        Worker worker = new Worker();
        try {
            Thread thread = threadFactory.newThread(worker);
            if (thread == null) {
                throw new RejectedExecutionException("the handler thread factory returned no thread");
            }
            thread.setName(namePrefix + threadNumber.incrementAndGet());
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
            startFailed.accept(e);
            return false;
        }
    }

    /** For a subscription no idle thread will take: starts a thread, or, when none can start, says all are busy. */
    void startOrWatch() {
        if (!tryStart()) {
            allBusy.run();
        }
    }

    private boolean reserve() {
        int running;
        do {
            running = threads.get();
            if (running >= maxRunning || ready.closed()) {
                return false;
            }
        } while (!threads.compareAndSet(running, running + 1));
        return true;
    }

    /** @return how many threads there are */
    int running() {
        return threads.get();
    }

    /** @return how many threads there are, or were and have not yet left the set */
    int size() {
        return workers.size();
    }

    /** @return the bound, for reports */
    String bound() {
        return maxRunning == Integer.MAX_VALUE ? "no bound" : String.valueOf(maxRunning);
    }

    /** @return the handlers running now, longest first */
    List<Busy> busy() {
        List<Busy> busy = new ArrayList<>();
        for (Worker worker : workers) {
            Drainer current = worker.current;
            Thread thread = worker.thread;
            if (current != null) {
                busy.add(new Busy(current.channel(), worker.since, thread != null ? thread.getName() : "?"));
            }
        }
        busy.sort(Comparator.comparingLong(Busy::since));
        return busy;
    }

    /** Interrupts every thread: shutdown's deadline passed. */
    void interruptAll() {
        for (Worker worker : workers) {
            Thread thread = worker.thread;
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    /**
     * @param end the deadline, in {@link System#nanoTime()} terms
     * @return whether every thread ended
     * @throws InterruptedException when the caller is interrupted
     */
    boolean awaitAll(long end) throws InterruptedException {
        for (Worker worker : workers) {
            if (!HeraldThreads.join(worker.thread, end)) {
                return false;
            }
        }
        return true;
    }

    /** Adds a line to {@code alive} for each thread still alive, naming its handler. */
    void stillRunning(List<String> alive) {
        for (Worker worker : workers) {
            Thread thread = worker.thread;
            if (thread != null && thread.isAlive()) {
                Drainer current = worker.current;
                alive.add((current != null ? "'" + current.channel() + "'" : "no handler") + " on " + thread.getName());
            }
        }
    }

    /** One handler thread: takes subscriptions from the queue until it idles for the keep-alive. */
    private final class Worker implements Runnable {
        volatile Thread thread;
        volatile Drainer current;
        volatile long since;

        @Override
        public void run() {
            HeraldThreads.markCurrent();
            boolean counted = true;
            try {
                Drainer next = null;
                while (true) {
                    if (next == null) {
                        next = ready.poll();
                    }
                    if (next == null) {
                        if (ready.closed()) {
                            return;
                        }
                        try {
                            next = ready.poll(keepAliveNanos, HandlerWorkers.this::startOrWatch);
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
                    if (ReadyQueue.isStop(next)) {
                        return;
                    }
                    next = runBatch(next);
                }
            } finally {
                if (counted) {
                    threads.decrementAndGet();
                }
                workers.remove(this);
                if (!ready.isEmpty() && !ready.closed()) {
                    tryStart(); // a fatal error ended this thread: someone else takes over
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
            if (!ready.closed() && Thread.interrupted()) {
                // an interrupt meant for the handler that just ran is not for the next one
                LOG.debug("Herald: cleared an interrupt left by a handler of '{}'", drainer.channel());
            }
            return again ? ready.behindOthers(drainer) : null;
        }
    }
}
