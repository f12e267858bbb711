package dev.herald;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * How often a failing handler is tried again before its message goes to the dead letters: bounded
 * attempts, exponential backoff with jitter, and which failures are worth a retry. Retries happen on
 * the subscription's own handler thread, so the subscription keeps its order: the next message waits.
 *
 * <pre>{@code
 * RetryPolicy.exponential(5, Duration.ofMillis(100))      // 100 ms, 200 ms, 400 ms, 800 ms, each ±20 %
 *         .withMaxBackoff(Duration.ofSeconds(5))
 *         .retryingOn(e -> e instanceof java.io.IOException);
 * }</pre>
 */
public final class RetryPolicy {

    private static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO, 0.0, e -> false);

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final double multiplier;
    private final Duration maxBackoff;
    private final double jitter;
    private final Predicate<? super Throwable> retryOn;

    private RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff, double jitter,
            Predicate<? super Throwable> retryOn) {
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.multiplier = multiplier;
        this.maxBackoff = maxBackoff;
        this.jitter = jitter;
        this.retryOn = retryOn;
    }

    /** @return one attempt, no retry: the default */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * Exponential backoff: the first retry waits {@code initialBackoff}, each next one twice as long, at
     * most 30 seconds, with ±20 % jitter; every exception is retried.
     *
     * @param maxAttempts attempts in all, the first included; at least 1
     * @param initialBackoff the wait before the first retry
     * @return the policy
     */
    public static RetryPolicy exponential(int maxAttempts, Duration initialBackoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        requireNonNegative(initialBackoff, "initialBackoff");
        return new RetryPolicy(maxAttempts, initialBackoff, 2.0, Duration.ofSeconds(30), 0.2, e -> true);
    }

    /**
     * @param multiplier how much longer each wait is than the one before; at least 1
     * @return a copy with that multiplier
     */
    public RetryPolicy withMultiplier(double multiplier) {
        if (!(multiplier >= 1.0)) {
            throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
        }
        return new RetryPolicy(maxAttempts, initialBackoff, multiplier, maxBackoff, jitter, retryOn);
    }

    /**
     * @param maxBackoff the longest wait between attempts
     * @return a copy with that bound
     */
    public RetryPolicy withMaxBackoff(Duration maxBackoff) {
        return new RetryPolicy(maxAttempts, initialBackoff, multiplier, requireNonNegative(maxBackoff, "maxBackoff"),
                jitter, retryOn);
    }

    /**
     * @param jitter the fraction each wait varies by at random, from 0 (none) to 1
     * @return a copy with that jitter
     */
    public RetryPolicy withJitter(double jitter) {
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
        }
        return new RetryPolicy(maxAttempts, initialBackoff, multiplier, maxBackoff, jitter, retryOn);
    }

    /**
     * @param retryOn which failures are retried; others go to the dead letters at once
     * @return a copy with that filter
     */
    public RetryPolicy retryingOn(Predicate<? super Throwable> retryOn) {
        return new RetryPolicy(maxAttempts, initialBackoff, multiplier, maxBackoff, jitter,
                Objects.requireNonNull(retryOn, "retryOn"));
    }

    /** @return attempts in all, the first included */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * @param failure what the handler threw
     * @param attempt the attempt that failed, from 1
     * @return whether to try again
     */
    public boolean shouldRetry(Throwable failure, int attempt) {
        return attempt < maxAttempts && retryOn.test(failure);
    }

    /**
     * @param attempt the attempt that failed, from 1
     * @return how long to wait before the next one
     */
    public Duration backoff(int attempt) {
        double base = initialBackoff.toNanos() * Math.pow(multiplier, attempt - 1);
        double capped = Math.min(base, maxBackoff.toNanos());
        double factor = jitter == 0.0 ? 1.0 : 1.0 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofNanos((long) Math.max(0, capped * factor));
    }

    private static Duration requireNonNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + duration);
        }
        return duration;
    }

    @Override
    public String toString() {
        return maxAttempts == 1 ? "RetryPolicy[none]"
                : "RetryPolicy[" + maxAttempts + " attempts, " + initialBackoff + " ×" + multiplier + " ≤" + maxBackoff
                        + " ±" + (int) (jitter * 100) + "%]";
    }
}
