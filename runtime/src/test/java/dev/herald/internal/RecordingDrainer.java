package dev.herald.internal;

import java.util.concurrent.CountDownLatch;

/**
 * A subscription as the handler pool sees it, for the pool's own tests: each turn runs its body once, gives
 * the turn up, and records the thread it ran on and how long it waited in the queue.
 */
final class RecordingDrainer extends HandlerPool.Drainer {

    /** What a turn does on the handler thread. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private final String channel;
    private final Body body;
    /** Counted down when the turn starts, before the body runs. */
    final CountDownLatch started = new CountDownLatch(1);
    /** Counted down when the body returned or threw. */
    final CountDownLatch done = new CountDownLatch(1);
    volatile Thread thread;
    volatile long waitedNanos;
    volatile Exception failure;

    RecordingDrainer(String channel, Body body) {
        this.channel = channel;
        this.body = body;
    }

    /** A subscription whose turn returns at once. */
    static RecordingDrainer quick(String channel) {
        return new RecordingDrainer(channel, () -> { });
    }

    /** A subscription whose turn holds its thread until {@code release} is counted down. */
    static RecordingDrainer blockedUntil(String channel, CountDownLatch release) {
        return new RecordingDrainer(channel, release::await);
    }

    @Override
    boolean drainBatch() {
        thread = Thread.currentThread();
        waitedNanos = System.nanoTime() - queuedAt;
        started.countDown();
        try {
            body.run();
        } catch (Exception e) {
            failure = e;
        } finally {
            done.countDown();
        }
        return false;
    }

    @Override
    String channel() {
        return channel;
    }

    @Override
    public String toString() {
        return "RecordingDrainer[" + channel + "]";
    }
}
