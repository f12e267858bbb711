package dev.herald.bench.e2e;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/** Counts completed publishes, and among them the failed ones. */
final class Acks implements BiConsumer<Object, Throwable> {

    private final Counter completed = new Counter();
    private final AtomicLong failed = new AtomicLong();

    /** Counts a completion: a callback for {@code CompletionStage.whenComplete}. */
    @Override
    public void accept(Object result, Throwable failure) {
        if (failure != null) {
            failed.incrementAndGet();
        }
        completed.increment();
    }

    Counter completed() {
        return completed;
    }

    long failed() {
        return failed.get();
    }
}
