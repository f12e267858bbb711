package dev.herald.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The turn to drain a subscription, under a producer that races the thread holding it: every message is
 * handled, in order, by one thread at a time, whether the holder gives its turn up at once or lingers for
 * the next message and is woken by it or times out. The producer sends bursts and waits for each to be
 * handled, so a burst's last message that slipped past the holder as it ran dry would never be handled.
 */
class DrainTurnTest {

    private static final int BURSTS = 20_000;
    private static final long STRANDED_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** A subscription's buffer with its turn. */
    private static final class Buffered extends DrainTurn {
        final ConcurrentLinkedQueue<Integer> buffer = new ConcurrentLinkedQueue<>();

        @Override
        boolean hasWork() {
            return !buffer.isEmpty();
        }
    }

    private final Buffered subscription = new Buffered();
    private final LinkedBlockingQueue<Buffered> scheduled = new LinkedBlockingQueue<>();
    private final List<Integer> handled = new ArrayList<>();
    private final AtomicInteger handledCount = new AtomicInteger();
    private final AtomicBoolean holding = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicInteger lingered = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    @Test
    void noMessageIsLeftBehindWhateverTheHolderDoesWhenItRunsDry() throws Exception {
        Thread holder = new Thread(this::hold, "drain-turn-holder");
        holder.start();
        int sent = 0;
        try {
            for (int burst = 0; burst < BURSTS && failure.get() == null; burst++) {
                int size = 1 + ThreadLocalRandom.current().nextInt(8);
                for (int i = 0; i < size; i++) {
                    subscription.buffer.offer(sent++);
                    if (subscription.takeTurnOrWake()) {
                        scheduled.add(subscription);
                    }
                }
                awaitHandled(sent);
            }
        } finally {
            finished.set(true);
            holder.interrupt();
            holder.join(TimeUnit.SECONDS.toMillis(30));
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        assertFalse(holder.isAlive(), "the holder finished");
        assertEquals(sent, handled.size());
        for (int i = 0; i < sent; i++) {
            assertEquals(i, handled.get(i));
        }
        assertTrue(lingered.get() > 0);
        assertTrue(scheduled.isEmpty(), "scheduled while a thread held the turn");
    }

    private void awaitHandled(int count) {
        long deadline = System.nanoTime() + STRANDED_NANOS;
        while (handledCount.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("message " + (count - 1) + " was never handled: " + handledCount.get()
                        + " handled, " + subscription.buffer.size() + " left in the buffer");
            }
            LockSupport.parkNanos(20_000);
        }
    }

    /** What the pool's thread does: waits to be scheduled, drains, then lingers or gives its turn up. */
    private void hold() {
        try {
            while (!finished.get()) {
                Buffered turn = scheduled.poll(100, TimeUnit.MILLISECONDS);
                boolean again = turn != null;
                while (again) {
                    assertFalse(holding.getAndSet(true), "two threads hold the turn");
                    Integer message;
                    while ((message = turn.buffer.poll()) != null) {
                        handled.add(message);
                        handledCount.incrementAndGet();
                    }
                    holding.set(false);
                    Thread.yield(); // widens the window in which a message slips past the holder
                    if (ThreadLocalRandom.current().nextBoolean()) {
                        lingered.incrementAndGet();
                        again = turn.linger(TimeUnit.MICROSECONDS.toNanos(50), () -> false);
                    } else {
                        again = turn.releaseTurn();
                    }
                }
            }
        } catch (InterruptedException e) {
            // finished
        } catch (Throwable e) {
            failure.set(e);
        }
    }
}
