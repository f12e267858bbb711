package dev.herald.internal.durable;

import java.util.concurrent.CompletableFuture;

/**
 * The entries a consumer holds: reserved for a read or claim under way, read and waiting for the handler, or handled
 * and being acknowledged. Never more than the read count, so a backlog of any size is consumed with a bounded heap.
 */
final class Window {

    private final int capacity;
    private final Runnable onFree;
    private int held;
    private CompletableFuture<Void> emptied;

    /**
     * @param capacity the most entries held
     * @param onFree called, outside the lock, each time entries are released
     */
    Window(int capacity, Runnable onFree) {
        this.capacity = capacity;
        this.onFree = onFree;
    }

    int capacity() {
        return capacity;
    }

    /** @return how many of up to {@code wanted} entries were reserved; 0 when the window is full */
    synchronized int reserve(int wanted) {
        int granted = Math.min(wanted, capacity - held);
        held += Math.max(granted, 0);
        return Math.max(granted, 0);
    }

    /** Releases entries handled, acknowledged, or reserved and not read. */
    void release(int count) {
        if (count <= 0) {
            return;
        }
        CompletableFuture<Void> done = null;
        synchronized (this) {
            held -= count;
            if (held == 0 && emptied != null) {
                done = emptied;
            }
        }
        if (done != null) {
            done.complete(null);
        }
        onFree.run();
    }

    synchronized int held() {
        return held;
    }

    /** @return a stage that completes once nothing is held */
    synchronized CompletableFuture<Void> emptied() {
        if (emptied == null) {
            emptied = new CompletableFuture<>();
        }
        if (held == 0) {
            emptied.complete(null);
        }
        return emptied;
    }
}
