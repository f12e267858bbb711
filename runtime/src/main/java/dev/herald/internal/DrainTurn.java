package dev.herald.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The turn to drain one subscription: at most one thread holds it. The holder either runs batches or
 * lingers: it stays parked on the subscription for a moment after it ran dry, so that the next message
 * wakes that thread directly instead of going through the pool's queue to whichever thread idles. A
 * producer buffers its message first and then calls {@link #takeTurnOrWake()}; the holder looks at
 * {@link #hasWork()} after every step that could let a message slip past, so none is left unhandled.
 */
abstract class DrainTurn {

    private static final int IDLE = 0;
    private static final int TURN = 1;
    private static final int LINGERING = 2;

    private final AtomicInteger turn = new AtomicInteger(IDLE);
    /** The thread that lingers, while {@link #turn} is {@code LINGERING}. */
    private volatile Thread lingerer;

    /** @return whether it has messages to handle */
    abstract boolean hasWork();

    /**
     * Called after a message was buffered: makes sure a thread handles it. Wakes the thread that lingers on
     * it, if one does; never blocks.
     *
     * @return true when the caller took the turn and must {@linkplain HandlerPool#schedule schedule} the
     *     drainer; false when a thread holds the turn and will see the message
     */
    final boolean takeTurnOrWake() {
        while (true) {
            int state = turn.get();
            if (state == TURN) {
                return false;
            }
            if (state == LINGERING) {
                Thread waiting = lingerer;
                if (turn.compareAndSet(LINGERING, TURN)) {
                    LockSupport.unpark(waiting);
                    return false;
                }
            } else if (turn.compareAndSet(IDLE, TURN)) {
                return true;
            }
        }
    }

    /** Gives up the turn without looking for more: the pool is shut down, or a handler failed fatally. */
    final void dropTurn() {
        turn.set(IDLE);
    }

    /**
     * Gives up the turn after a batch that found no more.
     *
     * @return true when a message arrived meanwhile and the caller took the turn back: drain again
     */
    final boolean releaseTurn() {
        turn.set(IDLE);
        return hasWork() && turn.compareAndSet(IDLE, TURN);
    }

    /**
     * Keeps the turn after a batch that found no more, parked until the next message or for at most
     * {@code nanos}.
     *
     * @param nanos how long to wait for a message
     * @param giveUp checked at every wake-up: true ends the wait (others want the thread, or the pool closes)
     * @return true when a message arrived and the caller holds the turn: drain again; false when it gave
     *     up its turn (its next message schedules it again)
     */
    final boolean linger(long nanos, BooleanSupplier giveUp) {
        lingerer = Thread.currentThread();
        turn.set(LINGERING);
        // a producer that saw TURN before this left its message to the holder: look once more
        if (hasWork()) {
            turn.compareAndSet(LINGERING, TURN); // or a producer did it, and unparks this thread in vain
            return true;
        }
        long deadline = System.nanoTime() + nanos;
        while (true) {
            if (turn.get() == TURN) {
                return true; // woken by a producer, which handed the turn back
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || giveUp.getAsBoolean()) {
                // from here on every producer sees LINGERING or IDLE, so no message can be missed
                return !turn.compareAndSet(LINGERING, IDLE);
            }
            LockSupport.parkNanos(this, left);
        }
    }
}
