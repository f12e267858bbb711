package dev.herald.examples.retry;

import dev.herald.DeadLetter;
import dev.herald.Herald;
import dev.herald.RetryPolicy;
import dev.herald.SubscriptionOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The seed's retry logic, declared instead of hand-written: Herald retries a failing handler with
 * exponential backoff and jitter, on the subscription's own thread so events stay in order, and a
 * message that still fails after the last attempt becomes a dead letter that can be read and replayed.
 */
public final class RetryWithBackoff {

    /** Four attempts: 10 ms, 20 ms, 40 ms apart (±20 % jitter, so many clients don't retry in step). */
    private static final RetryPolicy RETRY = RetryPolicy.exponential(4, Duration.ofMillis(10));

    /** A payment gateway stand-in: how many calls fail before one succeeds, per event. */
    private final Map<String, Integer> failuresLeft = new ConcurrentHashMap<>(Map.of("pay-1", 0, "pay-2", 2, "pay-3", 99));
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final CountDownLatch settled = new CountDownLatch(3);
    private final Herald herald;
    private final PrintStream out;

    /**
     * @param herald where the services talk
     * @param out where the trace goes
     */
    public RetryWithBackoff(Herald herald, PrintStream out) {
        this.herald = herald;
        this.out = out;
    }

    /**
     * Publishes three events: one succeeds at once, one after two retries, one never.
     *
     * @return {@code true} when two succeeded and the third is a dead letter, in time
     * @throws Exception if waiting fails
     */
    public boolean run() throws Exception {
        SubscriptionOptions retrying = SubscriptionOptions.builder().retryPolicy(RETRY).build();
        new CriticalChannelsSubscriber(herald, retrying).criticalEvent(event -> {
            int attempt = attempts.merge(event.eventId(), 1, Integer::sum);
            try {
                charge(event);
            } catch (IllegalStateException e) {
                out.println("processor " + event.eventId() + " attempt " + attempt + " failed (" + e.getMessage() + ")");
                if (attempt == RETRY.maxAttempts()) {
                    settled.countDown();
                }
                throw e; // Herald retries, then keeps the event as a dead letter
            }
            out.println("processor " + event.eventId() + " succeeded on attempt " + attempt);
            settled.countDown();
        });

        CriticalChannels channels = new CriticalChannelsPublisher(herald);
        for (String id : List.of("pay-1", "pay-2", "pay-3")) {
            channels.criticalEvent(new CriticalEvent(id, "charge card"));
        }
        if (!settled.await(10, TimeUnit.SECONDS)) {
            return false;
        }
        List<DeadLetter> dead = deadLettersOf("critical:events");
        for (DeadLetter letter : dead) {
            out.println("dead letter after " + letter.attempts() + " attempts: " + letter.payloadText());
        }
        return dead.size() == 1;
    }

    /** The last attempt's dead letter is written just after its handler returns: look until it is there. */
    private List<DeadLetter> deadLettersOf(String channel) throws Exception {
        for (int look = 0; look < 100; look++) {
            List<DeadLetter> letters = herald.deadLetters().read(channel, 10).toCompletableFuture().get(5, TimeUnit.SECONDS);
            if (!letters.isEmpty()) {
                return letters;
            }
            CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS)).join();
        }
        return List.of();
    }

    private void charge(CriticalEvent event) {
        if (failuresLeft.merge(event.eventId(), -1, Integer::sum) >= 0) {
            throw new IllegalStateException("gateway timeout");
        }
    }
}
