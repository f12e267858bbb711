package dev.herald.internal;

import dev.herald.internal.HandlerPool.Drainer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The subscriptions that have messages and wait for a handler thread, in the order they asked. A
 * subscription that had its batch and has more goes behind the others, which is what makes the pool fair.
 * Once closed it takes no more, and every idle thread that polls it is told to leave.
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

    private final LinkedTransferQueue<Drainer> queue = new LinkedTransferQueue<>();
    private volatile boolean closed;

    /**
     * Hands a subscription to an idle thread if one is waiting, else queues it last.
     *
     * @return whether an idle thread took it
     */
    boolean offer(Drainer drainer) {
        drainer.queuedAt = System.nanoTime();
        if (queue.tryTransfer(drainer)) {
            return true;
        }
        queue.offer(drainer);
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
        queue.offer(drainer);
        return null;
    }

    /** @return the first waiting subscription, taken off the queue; null if none */
    Drainer poll() {
        return queue.poll();
    }

    /**
     * Waits for a subscription.
     *
     * @return the first waiting subscription, or null when none came within {@code nanos}
     * @throws InterruptedException when the thread is interrupted while it waits
     */
    Drainer poll(long nanos) throws InterruptedException {
        return queue.poll(nanos, TimeUnit.NANOSECONDS);
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
    }
}
