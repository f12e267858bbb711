package dev.herald.examples.retry;

import dev.herald.Herald;
import dev.herald.MessageHandler;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The seed's retry logic: a handler retries a flaky operation with exponential backoff and jitter, a
 * bounded number of times, then reports the failure on {@code errors:critical} rather than dropping it.
 * The backoff waits on a timer, not on a sleeping thread.
 */
public final class RetryWithBackoff {

    private static final int MAX_ATTEMPTS = 4;
    private static final long BASE_DELAY_MS = 10;

    /** A payment gateway stand-in: how many calls fail before one succeeds, per event. */
    private final Map<String, Integer> failuresLeft = new ConcurrentHashMap<>(Map.of("pay-1", 0, "pay-2", 2, "pay-3", 99));
    private final CountDownLatch settled = new CountDownLatch(3);
    private final CriticalChannels channels;
    private final CriticalChannelsSubscriber subscriber;
    private final PrintStream out;

    /**
     * @param herald where the services talk
     * @param out where the trace goes
     */
    public RetryWithBackoff(Herald herald, PrintStream out) {
        this.channels = new CriticalChannelsPublisher(herald);
        this.subscriber = new CriticalChannelsSubscriber(herald);
        this.out = out;
    }

    /**
     * Publishes three events: one succeeds at once, one after two retries, one never.
     *
     * @return {@code true} when two succeeded and one was reported, in time
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean run() throws InterruptedException {
        subscriber.failed(failure -> {
            out.println("alerting  " + failure.eventId() + " failed after " + failure.attempts() + " attempts: " + failure.error());
            settled.countDown();
        });
        // awaiting(...): the subscription takes the next event only once this one's retries are over,
        // so events stay in order, and no handler thread sleeps through the backoff.
        subscriber.criticalEvent(MessageHandler.awaiting(event -> processWithRetry(event, 1)));

        for (String id : List.of("pay-1", "pay-2", "pay-3")) {
            channels.criticalEvent(new CriticalEvent(id, "charge card"));
        }
        return settled.await(10, TimeUnit.SECONDS);
    }

    private CompletableFuture<Void> processWithRetry(CriticalEvent event, int attempt) {
        try {
            charge(event);
            out.println("processor " + event.eventId() + " succeeded on attempt " + attempt);
            settled.countDown();
            return CompletableFuture.completedFuture(null);
        } catch (IllegalStateException e) {
            if (attempt == MAX_ATTEMPTS) {
                // Report, don't rethrow: the failure is handled once, where someone will look at it.
                channels.failed(new ProcessingFailed(event.eventId(), attempt, e.getMessage()));
                return CompletableFuture.completedFuture(null);
            }
            long backoff = BASE_DELAY_MS << (attempt - 1); // 10, 20, 40 ms
            long jitter = ThreadLocalRandom.current().nextLong(backoff / 2 + 1); // so many clients don't retry in step
            out.println("processor " + event.eventId() + " attempt " + attempt + " failed (" + e.getMessage()
                    + "), retrying after " + backoff + " ms + jitter");
            return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(backoff + jitter, TimeUnit.MILLISECONDS))
                    .thenCompose(ignored -> processWithRetry(event, attempt + 1));
        }
    }

    private void charge(CriticalEvent event) {
        if (failuresLeft.merge(event.eventId(), -1, Integer::sum) >= 0) {
            throw new IllegalStateException("gateway timeout");
        }
    }
}
