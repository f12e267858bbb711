package dev.herald.internal.redis;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Counts the publishes handed to Lettuce and not yet completed, and their bytes, and refuses one that
 * would go past either bound: a publisher faster than Redis fails at once instead of filling the heap.
 *
 * <p>Lock-free, and the two sides never write one cache line: publishing threads add to the counts of what was
 * taken, completions (on the event loop) to the counts of what was given back, each pair on a line of its own. A
 * publish reads the given-back counts only when the bounds look reached by its last reading of them, so under load
 * it costs two uncontended atomic adds, and its completion two more. The pending counts can pass a bound only for
 * the moment a refused publish takes to give its room back; one publish larger than the byte bound is let through
 * when nothing else waits.
 */
final class PendingPublishes {

    private static final VarHandle COUNTS = MethodHandles.arrayElementVarHandle(long[].class);
    /** 16 longs, 128 bytes, apart: the taken and the given-back pairs never share a line, nor with anything else. */
    private static final int TAKEN_COUNT = 8;
    private static final int TAKEN_BYTES = 9;
    private static final int GIVEN_COUNT = 24;
    private static final int GIVEN_BYTES = 25;
    private static final int SLOTS = 40;

    private final int maxCount;
    private final long maxBytes;
    private final long[] counts = new long[SLOTS];
    /** The given-back counts as a publishing thread last read them: never ahead, so they only make more look pending. */
    private volatile long givenCountSeen;
    private volatile long givenBytesSeen;

    public PendingPublishes(int maxCount, long maxBytes) {
        this.maxCount = maxCount;
        this.maxBytes = maxBytes;
    }

    /**
     * Takes room for one publish.
     *
     * @param size its payload and channel bytes
     * @return false, taking nothing, when the publish would go past a bound
     */
    public boolean tryAcquire(long size) {
        long count = (long) COUNTS.getAndAdd(counts, TAKEN_COUNT, 1L) + 1;
        long bytesBefore = (long) COUNTS.getAndAdd(counts, TAKEN_BYTES, size);
        if (overBound(count, bytesBefore, size, givenCountSeen, givenBytesSeen)) {
            long givenCount = (long) COUNTS.getAcquire(counts, GIVEN_COUNT);
            long givenBytes = (long) COUNTS.getAcquire(counts, GIVEN_BYTES);
            givenCountSeen = givenCount;
            givenBytesSeen = givenBytes;
            if (overBound(count, bytesBefore, size, givenCount, givenBytes)) {
                COUNTS.getAndAdd(counts, TAKEN_BYTES, -size);
                COUNTS.getAndAdd(counts, TAKEN_COUNT, -1L);
                return false;
            }
        }
        return true;
    }

    /** Whether this publish, the {@code count}th taken, would put more than a bound pending. */
    private boolean overBound(long count, long bytesBefore, long size, long givenCount, long givenBytes) {
        long pendingBytes = bytesBefore - givenBytes;
        return count - givenCount > maxCount || (pendingBytes > 0 && pendingBytes + size > maxBytes);
    }

    /** Gives back the room of one completed publish. */
    public void release(long size) {
        COUNTS.getAndAdd(counts, GIVEN_BYTES, size);
        COUNTS.getAndAdd(counts, GIVEN_COUNT, 1L);
    }

    public long count() {
        long given = (long) COUNTS.getVolatile(counts, GIVEN_COUNT);
        return Math.max(0, (long) COUNTS.getVolatile(counts, TAKEN_COUNT) - given);
    }

    public long bytes() {
        long given = (long) COUNTS.getVolatile(counts, GIVEN_BYTES);
        return Math.max(0, (long) COUNTS.getVolatile(counts, TAKEN_BYTES) - given);
    }

    /** Says why a publish was refused, naming the bounds and the builder methods that set them. */
    public String describeRefusal(long size) {
        return "too many publishes are waiting for Redis: " + count() + " publish(es) of " + bytes()
                + " bytes are pending and this one has " + size + " bytes; the bounds are maxPendingPublishes ("
                + maxCount + ") and maxPendingPublishBytes (" + maxBytes + "). Redis is slower than the publisher,"
                + " paused or unreachable";
    }
}
