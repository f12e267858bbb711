package dev.herald.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many messages a {@link Delivery}'s buffer holds, bounded by its capacity: the messages offered (added to by
 * the threads that offer) less those taken off it (written only by the thread that drains) and those discarded when
 * the subscription ended. The offered and taken counts sit on cache lines of their own, so the two sides never write
 * one line per message, and an offering thread reads the drainer's count only when the buffer looks full by its last
 * reading of it. Counts wrap; only their differences are used.
 */
final class BufferCount {

    private static final VarHandle COUNT = MethodHandles.arrayElementVarHandle(int[].class);
    /** 16 ints apart, 64 bytes: never on one cache line, nor on one with anything outside the array. */
    private static final int OFFERED = 16;
    private static final int TAKEN = 32;
    private static final int SLOTS = 48;

    private final int capacity;
    private final int[] counts = new int[SLOTS];
    /** The drainer's count as an offering thread last read it: never ahead of it, so it only makes the buffer look fuller. */
    private int takenSeen;
    private final AtomicInteger discarded = new AtomicInteger();

    BufferCount(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Takes room for one message, on a thread that offers.
     *
     * @return false, taking nothing, when the buffer holds its capacity already
     */
    boolean tryAdd() {
        int offered = (int) COUNT.getAndAdd(counts, OFFERED, 1) + 1;
        if (offered - takenSeen > capacity && offered - (takenSeen = (int) COUNT.getAcquire(counts, TAKEN)) > capacity) {
            COUNT.getAndAdd(counts, OFFERED, -1);
            return false;
        }
        return true;
    }

    /** @return the messages taken so far, for the thread that starts a drain (after the last drain ended) */
    int taken() {
        return (int) COUNT.get(counts, TAKEN);
    }

    /** The draining thread took messages off the buffer: {@code taken} in all. */
    void took(int taken) {
        COUNT.setRelease(counts, TAKEN, taken);
    }

    /** The subscription ended: {@code count} messages were taken off the buffer, never to be handled. */
    void discarded(int count) {
        discarded.addAndGet(count);
    }

    /** @return the messages the buffer holds */
    int buffered() {
        int taken = (int) COUNT.getAcquire(counts, TAKEN);
        return Math.max(0, (int) COUNT.getVolatile(counts, OFFERED) - taken - discarded.get());
    }
}
