package dev.herald.contract;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The contract's one way to wait for a message or a stage, bounded so that a broken promise fails the test. */
final class Waiting {

    /**
     * Generous bound for waits; tests finish far sooner unless something is broken. The mutation profile
     * shortens it ({@code -Dherald.test.waitSeconds=4}) so that a mutant that loses a message fails its test
     * in seconds instead of running into PIT's timeout; nothing the tests check depends on its length.
     */
    static final Duration WAIT = Duration.ofSeconds(Long.getLong("herald.test.waitSeconds", 20));

    private Waiting() {
    }

    /**
     * The next element of a queue a handler fills.
     *
     * @throws AssertionError when nothing arrives within {@link #WAIT}
     */
    static <T> T take(BlockingQueue<T> queue) throws InterruptedException {
        T value = queue.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (value == null) {
            throw new AssertionError("nothing received within " + WAIT);
        }
        return value;
    }

    /**
     * The value of a stage; a failed stage throws its {@link ExecutionException}, for tests that check the failure.
     *
     * @throws TimeoutException when the stage does not complete within {@link #WAIT}
     */
    static <T> T done(CompletionStage<T> stage) throws InterruptedException, ExecutionException, TimeoutException {
        return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
}
