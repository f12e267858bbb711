package dev.herald.internal.durable;

import java.time.Duration;

/** How long a failing read waits before it tries again: doubling from 100 ms up to 5 s, reset by a success. */
final class Backoff {

    private static final long FIRST_MILLIS = 100;
    private static final long MAX_MILLIS = 5_000;

    private long next = FIRST_MILLIS;

    synchronized Duration next() {
        long wait = next;
        next = Math.min(next * 2, MAX_MILLIS);
        return Duration.ofMillis(wait);
    }

    synchronized void reset() {
        next = FIRST_MILLIS;
    }
}
