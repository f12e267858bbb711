package dev.herald.internal;

import dev.herald.internal.HandlerPool.Drainer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

/**
 * The subscriptions that have messages and wait for a handler thread, in the order they asked, and the idle
 * threads that wait for them. A subscription that had its batch and has more goes behind the others, which
 * is what makes the pool fair. Once closed it takes no more, and every idle thread is told to leave.
 * <p>
 * Waking a parked thread costs a system call on each side and a context switch, more than handling a small
 * message. So a thread that finds the queue empty first <em>spins</em> a little, polling it, and while one
 * spins a new subscription wakes nobody: the spinner takes it. Only one thread spins at a time, and only for
 * as long as spinning has lately paid off ({@link #spinNanos}, halved each time a spin finds nothing), so an
 * idle or slow pool costs next to nothing. Parked threads wait last-in first-out, so that threads the load
 * does not need idle out.
 * <p>
 * The spinner that finds a subscription stops spinning; if more wait, the taker wakes another thread
 * ({@link #offer} does not while one spins), so that a subscription queued behind a handler that turns out to
 * block is not left waiting.
 */
final class ReadyQueue {

    /** What a thread takes from a closed queue: leave. */
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

    /** The longest a thread spins before it parks; roughly what a wake-up costs the two threads on a VM. */
    private static final long MAX_SPIN_NANOS = 20_000;
    /** The shortest spin, so that a pool whose spins found nothing still notices the load coming back. */
    private static final long MIN_SPIN_NANOS = 1_000;
    /** Spinning on one core only delays the thread that would offer the work. */
    private static final boolean SPIN = Runtime.getRuntime().availableProcessors() > 1;

    private final ConcurrentLinkedQueue<Drainer> queue = new ConcurrentLinkedQueue<>();
    /** Parked threads, the latest first. */
    private final ConcurrentLinkedDeque<Waiter> parked = new ConcurrentLinkedDeque<>();
    /** Whether a thread spins on the queue. */
    private final AtomicBoolean spinning = new AtomicBoolean();
    private final long maxSpinNanos;
    /** How long the next spin may last: doubled when a spin finds work, halved when it does not. */
    private volatile long spinNanos;
    private volatile boolean closed;

    /** A queue whose threads spin up to {@link #MAX_SPIN_NANOS} (none on a single core). */
    ReadyQueue() {
        this(SPIN ? MAX_SPIN_NANOS : 0);
    }

    /** @param maxSpinNanos the longest a thread spins before it parks; 0 for never */
    ReadyQueue(long maxSpinNanos) {
        this.maxSpinNanos = maxSpinNanos;
        this.spinNanos = maxSpinNanos;
    }

    /** A parked thread, until it is woken for a subscription, or gives up waiting. */
    private static final class Waiter {
        private static final int WAITING = 0;
        private static final int WOKEN = 1;
        private static final int SEARCHING = 2;
        private static final int GONE = 3;

        final Thread thread = Thread.currentThread();
        private final AtomicInteger state = new AtomicInteger(WAITING);

        /** @return whether nobody woke the thread yet, and it did not leave */
        boolean waiting() {
            return state.get() == WAITING;
        }

        /** @return whether it was woken to search for work that offers queued without waking anyone */
        boolean searching() {
            return state.get() == SEARCHING;
        }

        /** @return whether the thread still waited and will now look at the queue */
        boolean wake(int why) {
            if (state.compareAndSet(WAITING, why)) {
                LockSupport.unpark(thread);
                return true;
            }
            return false;
        }

        /** @return whether the thread left before anyone woke it (else someone counts on it to look) */
        boolean leave() {
            return state.compareAndSet(WAITING, GONE);
        }
    }

    /**
     * Queues a subscription last, and makes sure a thread will look at it: a spinning one, else a parked one
     * it wakes.
     *
     * @return whether a thread will take it; false when none is idle (the caller may start one)
     */
    boolean offer(Drainer drainer) {
        drainer.queuedAt = System.nanoTime();
        queue.offer(drainer);
        return spinning.get() || wakeOne(Waiter.WOKEN);
    }

    private boolean wakeOne(int why) {
        for (Waiter waiter = parked.pollFirst(); waiter != null; waiter = parked.pollFirst()) {
            if (waiter.wake(why)) {
                return true;
            }
        }
        return false;
    }

    /**
     * After a batch, decides who runs next on the thread: the same subscription when nobody waits, else it
     * goes behind the others.
     *
     * @return the subscription to run again at once, or null to take the first waiting one
     */
    Drainer behindOthers(Drainer drainer) {
        if (queue.isEmpty()) {
            return drainer;
        }
        drainer.queuedAt = System.nanoTime();
        queue.offer(drainer); // this thread takes the first one next: nobody to wake
        return null;
    }

    /** @return the first waiting subscription, taken off the queue; null if none */
    Drainer poll() {
        return queue.poll();
    }

    /**
     * Waits for a subscription: spins a little if no other thread spins, then parks. A thread that takes a
     * subscription it spun or searched for, while more wait and no other thread spins, passes the search on: it
     * wakes a parked thread, or if none is parked asks for one to be started.
     *
     * @param nanos how long to wait
     * @param noneIdle starts a thread, when subscriptions that no offer woke a thread for wait and none is idle
     * @return the first waiting subscription, or null when none came within {@code nanos}
     * @throws InterruptedException when the thread is interrupted while it waits
     */
    Drainer poll(long nanos, Runnable noneIdle) throws InterruptedException {
        long idleSince = System.nanoTime();
        long end = idleSince + nanos;
        Drainer next = spin();
        boolean searched = next != null;
        while (next == null) {
            Waiter waiter = new Waiter();
            parked.offerFirst(waiter);
            // queued before the waiter was visible? An offer that saw no waiter did not wake anyone
            while ((next = queue.poll()) == null && waiter.waiting() && !closed) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                LockSupport.parkNanos(this, left);
                if (Thread.interrupted()) {
                    leave(waiter);
                    throw new InterruptedException();
                }
            }
            searched = waiter.searching();
            if (next != null || closed || end - System.nanoTime() <= 0) {
                leave(waiter);
                next = next != null ? next : queue.poll();
                if (next != null && System.nanoTime() - idleSince < maxSpinNanos) {
                    spinNanos = maxSpinNanos; // a full spin would have caught it: the load is back
                }
                break;
            }
            // woken, but another thread took the subscription first: wait again
        }
        if (searched && next != null && !queue.isEmpty() && !spinning.get() && !wakeOne(Waiter.SEARCHING)) {
            noneIdle.run(); // the handler this thread runs now may block: the others must not wait for it
        }
        return next;
    }

    private void leave(Waiter waiter) {
        if (waiter.leave()) {
            parked.removeFirstOccurrence(waiter);
        }
    }

    private Drainer spin() {
        if (maxSpinNanos == 0 || spinning.get() || !spinning.compareAndSet(false, true)) {
            return null;
        }
        Drainer next;
        long budget = spinNanos;
        long start = System.nanoTime();
        try {
            while ((next = queue.poll()) == null && System.nanoTime() - start < budget && !closed) {
                Thread.onSpinWait();
            }
        } finally {
            spinning.set(false);
        }
        spinNanos = next != null ? Math.min(maxSpinNanos, 2 * budget)
                : Math.max(Math.min(MIN_SPIN_NANOS, maxSpinNanos), budget / 2);
        return next;
    }

    /** @return whether a thread spins on the queue now */
    boolean spinning() {
        return spinning.get();
    }

    /** @return whether a thread that took {@code drainer} must leave rather than run it */
    static boolean isStop(Drainer drainer) {
        return drainer == STOP;
    }

    /** @return whether no subscription waits (or only threads' stop signals are queued) */
    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** @return the subscription that has waited longest, or null */
    Drainer oldest() {
        Drainer oldest = queue.peek();
        return oldest == STOP ? null : oldest;
    }

    /** @return the waiting subscriptions, first to last */
    List<Drainer> waiting() {
        List<Drainer> waiting = new ArrayList<>();
        for (Drainer drainer : queue) {
            if (drainer != STOP) {
                waiting.add(drainer);
            }
        }
        return waiting;
    }

    /** @return how many subscriptions wait */
    int waitingCount() {
        int count = 0;
        for (Drainer drainer : queue) {
            if (drainer != STOP) {
                count++;
            }
        }
        return count;
    }

    /** @return whether the queue was closed: the pool is shutting down */
    boolean closed() {
        return closed;
    }

    /**
     * Takes no more subscriptions and tells the threads to leave.
     *
     * @param threads how many threads may be waiting on the queue, counted once no more can start: each
     *     gets a stop signal, and one more
     */
    void close(IntSupplier threads) {
        closed = true;
        for (int i = threads.getAsInt(); i >= 0; i--) {
            queue.offer(STOP);
        }
        while (wakeOne(Waiter.WOKEN)) {
            // every parked thread looks at the queue, takes a stop signal and leaves
        }
    }
}
