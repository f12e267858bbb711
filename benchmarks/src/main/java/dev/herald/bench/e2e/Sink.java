package dev.herald.bench.e2e;

import dev.herald.bench.model.OrderCreated;

/**
 * Where every contender's subscriber hands each decoded order: it counts deliveries, and during a
 * fixed-rate run also records each message's latency.
 */
final class Sink {

    private final Counter delivered = new Counter();
    private volatile LatencyRecorder latency;

    /**
     * Receives one decoded order. Any thread.
     *
     * @param order the order the contender's subscriber decoded
     */
    void accept(OrderCreated order) {
        LatencyRecorder recorder = latency;
        if (recorder != null) {
            recorder.received(order, System.nanoTime());
        }
        delivered.increment();
    }

    Counter delivered() {
        return delivered;
    }

    void recordLatency(LatencyRecorder recorder) {
        this.latency = recorder;
    }
}
