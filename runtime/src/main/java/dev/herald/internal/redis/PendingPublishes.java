package dev.herald.internal.redis;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the publishes handed to Lettuce and not yet completed, and their bytes, and refuses one that
 * would go past either bound: a publisher faster than Redis fails at once instead of filling the heap.
 * Lock-free; a publish costs two compare-and-sets, its completion two subtractions. The counts never pass
 * the bounds, except that one publish larger than the byte bound is let through when nothing else waits.
 */
final class PendingPublishes {

    private final int maxCount;
    private final long maxBytes;
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

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
        long c;
        do {
            c = count.get();
            if (c >= maxCount) {
                return false;
            }
        } while (!count.compareAndSet(c, c + 1));
        long b;
        do {
            b = bytes.get();
            if (b > 0 && b + size > maxBytes) {
                count.decrementAndGet();
                return false;
            }
        } while (!bytes.compareAndSet(b, b + size));
        return true;
    }

    /** Gives back the room of one completed publish. */
    public void release(long size) {
        bytes.addAndGet(-size);
        count.decrementAndGet();
    }

    public long count() {
        return count.get();
    }

    public long bytes() {
        return bytes.get();
    }

    /** Says why a publish was refused, naming the bounds and the builder methods that set them. */
    public String describeRefusal(long size) {
        return "too many publishes are waiting for Redis: " + count.get() + " publish(es) of " + bytes.get()
                + " bytes are pending and this one has " + size + " bytes; the bounds are maxPendingPublishes ("
                + maxCount + ") and maxPendingPublishBytes (" + maxBytes + "). Redis is slower than the publisher,"
                + " paused or unreachable";
    }
}
