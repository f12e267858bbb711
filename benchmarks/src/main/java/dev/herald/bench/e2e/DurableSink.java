package dev.herald.bench.e2e;

import dev.herald.bench.model.OrderCreated;
import dev.herald.bench.model.Orders;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The handler of every durable contender: counts each order handed to it and, during a measurement, marks the
 * order's sequence number as handled (so that the harness can tell a message handled twice from one never
 * handled) and records its latency during a fixed-rate run. Any thread may call {@link #handle}.
 */
final class DurableSink {

    private final Counter handled = new Counter();
    private volatile Run run;

    /**
     * Handles one decoded order. Any thread, never more than once per delivery.
     *
     * @param order the order the contender's consumer decoded
     */
    void handle(OrderCreated order) {
        Run current = run;
        if (current != null) {
            current.handled(Orders.sequenceOf(order), System.nanoTime());
        }
        handled.increment();
    }

    /** @return every order handled so far, counted once per delivery */
    Counter handled() {
        return handled;
    }

    /**
     * Starts tracking the orders with sequence numbers from {@code firstSequence}.
     *
     * @param firstSequence the first sequence number the run appends
     * @param capacity how many orders the run may append at most
     * @param latency whether to record latencies (a fixed-rate run)
     * @return the run, which the publisher tells of each send time when {@code latency}
     */
    Run start(long firstSequence, int capacity, boolean latency) {
        Run started = new Run(firstSequence, capacity, latency);
        run = started;
        return started;
    }

    /** Stops tracking. */
    void stop() {
        run = null;
    }

    /** The orders of one measurement: which were handled, how often, and their latencies. */
    static final class Run {
        private final long first;
        private final int capacity;
        private final AtomicLongArray seen;
        private final AtomicLong duplicates = new AtomicLong();
        private final AtomicLongArray sentAt;
        private final long[] latencyNanos;

        private Run(long first, int capacity, boolean latency) {
            this.first = first;
            this.capacity = capacity;
            this.seen = new AtomicLongArray((capacity + 63) / 64);
            this.sentAt = latency ? new AtomicLongArray(capacity) : null;
            this.latencyNanos = latency ? new long[capacity] : null;
        }

        int capacity() {
            return capacity;
        }

        /** Called by the publisher right before it hands order {@code index} of the run to the client. */
        void sent(int index, long nanoTime) {
            sentAt.set(index, nanoTime);
        }

        private void handled(int sequence, long nanoTime) {
            long index = sequence - first;
            if (index < 0 || index >= capacity) {
                return;
            }
            int i = (int) index;
            long bit = 1L << (i & 63);
            long before = seen.getAndAccumulate(i >>> 6, bit, (a, b) -> a | b);
            if ((before & bit) != 0) {
                duplicates.incrementAndGet();
                return;
            }
            if (latencyNanos != null) {
                long sent = sentAt.get(i);
                if (sent != 0) {
                    latencyNanos[i] = Math.max(1, nanoTime - sent);
                }
            }
        }

        /**
         * @param appended how many orders the run appended, from its first sequence number on
         * @return how many of them were never handled
         */
        long missing(long appended) {
            long missing = 0;
            for (int i = 0; i < appended; i++) {
                if ((seen.get(i >>> 6) & (1L << (i & 63))) == 0) {
                    missing++;
                }
            }
            return missing;
        }

        /** @return the orders of the run handled more than once, counting each extra delivery */
        long duplicates() {
            return duplicates.get();
        }

        /**
         * The latencies recorded; call it after the handling was awaited through the sink's {@link Counter}, whose
         * atomic increment publishes the writes made before it.
         *
         * @return a histogram of the latencies, in nanoseconds
         */
        org.HdrHistogram.Histogram histogram() {
            org.HdrHistogram.Histogram histogram = new org.HdrHistogram.Histogram(3);
            for (long latency : latencyNanos) {
                if (latency > 0) {
                    histogram.recordValue(latency);
                }
            }
            return histogram;
        }
    }
}
