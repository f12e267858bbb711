package dev.herald.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.HeraldException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The bounded waits of the blocking API calls, and Herald's thread joins. */
class WaitsTest {

    @Test
    void anInterruptedWaitFailsAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        HeraldException e = assertThrows(HeraldException.class,
                () -> Waits.await(new CompletableFuture<Void>(), Duration.ofMinutes(1), "the acknowledgement"));
        assertTrue(Thread.interrupted(), "the caller is still interrupted");
        assertEquals("interrupted while waiting for the acknowledgement", e.getMessage());
        assertInstanceOf(InterruptedException.class, e.getCause());
    }

    @Test
    void joiningNoThreadSucceedsAtOnce() throws InterruptedException {
        assertTrue(HeraldThreads.join(null, System.nanoTime() - 1));
        Thread ended = new Thread(() -> { });
        ended.start();
        assertTrue(HeraldThreads.join(ended, System.nanoTime() + Duration.ofSeconds(30).toNanos()));
        Thread notStarted = new Thread(() -> { });
        assertTrue(HeraldThreads.join(notStarted, System.nanoTime() - 1));
        assertFalse(Thread.currentThread().isInterrupted());
    }
}
