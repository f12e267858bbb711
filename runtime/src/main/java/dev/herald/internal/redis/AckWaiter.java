package dev.herald.internal.redis;

import java.util.concurrent.CompletableFuture;

/**
 * One caller of the {@link SubscriptionReconciler} waiting for the server to acknowledge some names; guarded by
 * the reconciler's lock.
 */
final class AckWaiter {

    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private int remaining;

    /** One more name to wait for. */
    void expect() {
        remaining++;
    }

    /** One of the names is settled; the last one completes the stage. */
    void countDown() {
        if (--remaining == 0) {
            done.complete(null);
        }
    }

    /** Completes the stage whatever is left to wait for. */
    void complete() {
        done.complete(null);
    }

    void fail(Throwable failure) {
        done.completeExceptionally(failure);
    }

    /** @return the caller's stage, completed already when there was nothing to wait for */
    CompletableFuture<Void> stage() {
        if (remaining == 0) {
            done.complete(null);
        }
        return done;
    }
}
