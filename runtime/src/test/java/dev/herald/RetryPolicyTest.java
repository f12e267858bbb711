package dev.herald;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The arithmetic of {@link RetryPolicy}: attempts, exponential backoff, its cap, and jitter. */
class RetryPolicyTest {

    private static final int SAMPLES = 2_000;

    @Test
    void backoffDoublesFromTheInitialWaitUpToTheCap() {
        RetryPolicy policy = RetryPolicy.exponential(10, Duration.ofMillis(100)).withJitter(0)
                .withMaxBackoff(Duration.ofMillis(700));
        assertEquals(Duration.ofMillis(100), policy.backoff(1));
        assertEquals(Duration.ofMillis(200), policy.backoff(2));
        assertEquals(Duration.ofMillis(400), policy.backoff(3));
        assertEquals(Duration.ofMillis(700), policy.backoff(4), "capped");
        assertEquals(Duration.ofMillis(700), policy.backoff(9), "capped");
        assertEquals(Duration.ofMillis(300), policy.withMultiplier(3).backoff(2));
    }

    @Test
    void defaultJitterSpreadsEachWaitByUpToTwentyPercent() {
        RetryPolicy policy = RetryPolicy.exponential(5, Duration.ofMillis(100));
        assertSpread(policy, 2, Duration.ofMillis(200), 0.2);
    }

    @Test
    void jitterIsConfigurable() {
        RetryPolicy policy = RetryPolicy.exponential(5, Duration.ofMillis(100)).withJitter(0.5);
        assertSpread(policy, 1, Duration.ofMillis(100), 0.5);
        assertThrows(IllegalArgumentException.class, () -> policy.withJitter(1.5));
        assertThrows(IllegalArgumentException.class, () -> policy.withJitter(-0.1));
        assertThrows(IllegalArgumentException.class, () -> policy.withJitter(Double.NaN));
    }

    /**
     * Every wait lies within ±{@code jitter} of the nominal one, and the waits really vary: they cover
     * most of that range and differ from one another (the chance of a correct policy failing this is
     * below 1e-90).
     */
    private static void assertSpread(RetryPolicy policy, int attempt, Duration nominal, double jitter) {
        long low = (long) (nominal.toNanos() * (1 - jitter));
        long high = (long) (nominal.toNanos() * (1 + jitter));
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        Set<Long> distinct = new HashSet<>();
        for (int i = 0; i < SAMPLES; i++) {
            long wait = policy.backoff(attempt).toNanos();
            assertTrue(wait >= low && wait <= high, wait + " ns is outside " + low + "..." + high);
            min = Math.min(min, wait);
            max = Math.max(max, wait);
            distinct.add(wait);
        }
        long quarter = (high - low) / 4;
        assertTrue(min < low + quarter, "the shortest wait, " + min + " ns, should come near " + low);
        assertTrue(max > high - quarter, "the longest wait, " + max + " ns, should come near " + high);
        assertTrue(distinct.size() > SAMPLES / 2, distinct.size() + " distinct waits of " + SAMPLES);
    }

    @Test
    void attemptsAndWhichFailuresRetry() {
        RetryPolicy policy = RetryPolicy.exponential(3, Duration.ZERO).retryingOn(e -> e instanceof IOException);
        assertEquals(3, policy.maxAttempts());
        assertTrue(policy.shouldRetry(new IOException(), 1));
        assertTrue(policy.shouldRetry(new IOException(), 2));
        assertFalse(policy.shouldRetry(new IOException(), 3), "the third attempt was the last");
        assertFalse(policy.shouldRetry(new IllegalStateException(), 1), "not a failure the policy names");
        assertFalse(RetryPolicy.none().shouldRetry(new IOException(), 1));
        assertTrue(RetryPolicy.exponential(2, Duration.ZERO).shouldRetry(new IllegalStateException(), 1),
                "exponential retries every failure unless told");
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.exponential(0, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.exponential(2, Duration.ofMillis(-1)));
    }

    @Test
    void oneAttemptAMultiplierOfOneAndFullJitterAreAllowed() {
        RetryPolicy single = RetryPolicy.exponential(1, Duration.ofMillis(10));
        assertEquals(1, single.maxAttempts());
        assertFalse(single.shouldRetry(new IOException(), 1));
        RetryPolicy constant = RetryPolicy.exponential(5, Duration.ofMillis(100)).withJitter(0).withMultiplier(1.0);
        assertEquals(Duration.ofMillis(100), constant.backoff(1));
        assertEquals(Duration.ofMillis(100), constant.backoff(4), "a multiplier of 1 waits the same each time");
        assertThrows(IllegalArgumentException.class, () -> constant.withMultiplier(0.99));
        assertSpread(RetryPolicy.exponential(5, Duration.ofMillis(100)).withJitter(1.0), 1, Duration.ofMillis(100), 1.0);
    }

    @Test
    void aPolicySaysWhatItDoes() {
        assertEquals("RetryPolicy[none]", RetryPolicy.none().toString());
        assertEquals("RetryPolicy[none]", RetryPolicy.exponential(1, Duration.ofMillis(10)).toString());
        assertEquals("RetryPolicy[5 attempts, PT0.1S ×2.0 ≤PT30S ±20%]",
                RetryPolicy.exponential(5, Duration.ofMillis(100)).toString());
        assertEquals("RetryPolicy[2 attempts, PT1S ×3.0 ≤PT5S ±5%]", RetryPolicy.exponential(2, Duration.ofSeconds(1))
                .withMultiplier(3).withMaxBackoff(Duration.ofSeconds(5)).withJitter(0.05).toString());
    }
}
