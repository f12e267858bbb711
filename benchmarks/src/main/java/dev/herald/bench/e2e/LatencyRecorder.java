package dev.herald.bench.e2e;

import dev.herald.bench.model.OrderCreated;
import dev.herald.bench.model.Orders;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;

/**
 * Send and receive times of one fixed-rate run, indexed by the sequence number carried in each order's
 * id. The publisher writes a message's send time before it hands the message to the client; whichever
 * thread decodes it writes the latency at its own index. Nothing is shared per message but the two
 * array slots of that message.
 */
final class LatencyRecorder {

    private final AtomicLongArray sentAt;
    private final long[] latencyNanos;

    LatencyRecorder(int messages) {
        sentAt = new AtomicLongArray(messages);
        latencyNanos = new long[messages];
    }

    /** Called by the publisher right before it hands message {@code sequence} to the client. */
    void sent(int sequence, long nanoTime) {
        sentAt.set(sequence, nanoTime);
    }

    /** Called by the receiving thread after it decoded an order. */
    void received(OrderCreated order, long nanoTime) {
        int sequence = Orders.sequenceOf(order);
        if (sequence < latencyNanos.length) {
            long sent = sentAt.get(sequence);
            if (sent != 0 && latencyNanos[sequence] == 0) {
                latencyNanos[sequence] = Math.max(1, nanoTime - sent);
            }
        }
    }

    /**
     * The latencies recorded so far; call it after the deliveries were awaited through a {@link Counter},
     * whose atomic increment publishes the writes made before it.
     *
     * @return a histogram of the latencies, in nanoseconds
     */
    Histogram histogram() {
        Histogram histogram = new Histogram(3);
        for (long latency : latencyNanos) {
            if (latency > 0) {
                histogram.recordValue(latency);
            }
        }
        return histogram;
    }
}
