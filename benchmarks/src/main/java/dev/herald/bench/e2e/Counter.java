package dev.herald.bench.e2e;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A monotonic count of events (deliveries, acknowledgements) that one thread can wait on without
 * spinning: the waiter parks, and the increment that reaches its target unparks it. Per event the cost
 * is one atomic increment and one volatile read. Counts are never reset: callers take a base and wait
 * for {@code base + n}.
 */
final class Counter {

    private static final long NOBODY_WAITS = Long.MAX_VALUE;

    private final AtomicLong count = new AtomicLong();
    private volatile long target = NOBODY_WAITS;
    private volatile Thread waiter;

    /** Counts one event; wakes the waiter when its target is reached. Any thread. */
    void increment() {
        long now = count.incrementAndGet();
        if (now >= target) {
            Thread thread = waiter;
            if (thread != null) {
                LockSupport.unpark(thread);
            }
        }
    }

    /** @return the events counted so far */
    long get() {
        return count.get();
    }

    /**
     * Waits until at least {@code goal} events were counted, or until the count made no progress for
     * {@code stallNanos}. One waiter at a time.
     *
     * @param goal the count to wait for
     * @param stallNanos how long the count may stand still before giving up
     * @return {@code true} when the goal was reached, {@code false} when the count stalled below it
     */
    boolean awaitAtLeast(long goal, long stallNanos) {
        if (count.get() >= goal) {
            return true;
        }
        waiter = Thread.currentThread();
        target = goal;
        try {
            long seen = count.get();
            long progressAt = System.nanoTime();
            while (seen < goal) {
                long now = System.nanoTime();
                long quietFor = now - progressAt;
                if (quietFor >= stallNanos) {
                    return false;
                }
                LockSupport.parkNanos(this, stallNanos - quietFor);
                long current = count.get();
                if (current != seen) {
                    seen = current;
                    progressAt = System.nanoTime();
                }
            }
            return true;
        } finally {
            target = NOBODY_WAITS;
            waiter = null;
        }
    }
}
