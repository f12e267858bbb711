package dev.herald.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bounds on publishes handed to Lettuce and not yet answered, as one thread and as several see them. */
class PendingPublishesTest {

    @Test
    void theCountBoundIsExactForOneThreadAndRoomComesBackOnRelease() {
        PendingPublishes pending = new PendingPublishes(3, 1_000);
        assertTrue(pending.tryAcquire(10));
        assertTrue(pending.tryAcquire(10));
        assertTrue(pending.tryAcquire(10));
        assertFalse(pending.tryAcquire(10), "a fourth is past maxPendingPublishes");
        assertEquals(3, pending.count());
        assertEquals(30, pending.bytes(), "a refusal takes nothing");

        pending.release(10);
        assertEquals(2, pending.count());
        assertTrue(pending.tryAcquire(10), "room again once one was answered");
        assertFalse(pending.tryAcquire(10));
    }

    @Test
    void theByteBoundRefusesWhatWouldPassItButLetsOneLargePublishThroughAlone() {
        PendingPublishes pending = new PendingPublishes(100, 100);
        assertTrue(pending.tryAcquire(60));
        assertTrue(pending.tryAcquire(40), "exactly the bound");
        assertFalse(pending.tryAcquire(1));
        assertEquals(100, pending.bytes());
        pending.release(60);
        pending.release(40);
        assertEquals(0, pending.bytes());
        assertTrue(pending.tryAcquire(500), "larger than the bound, but nothing else waits");
        assertFalse(pending.tryAcquire(1), "nothing more while it is pending");
        pending.release(500);
        assertEquals(0, pending.count());
        assertEquals(0, pending.bytes());
    }

    @Test
    void theRefusalNamesTheBoundsAndWhatIsPending() {
        PendingPublishes pending = new PendingPublishes(1, 1_000);
        assertTrue(pending.tryAcquire(7));
        String refusal = pending.describeRefusal(9);
        assertTrue(refusal.contains("1 publish(es) of 7 bytes are pending and this one has 9 bytes"), refusal);
        assertTrue(refusal.contains("maxPendingPublishes (1)") && refusal.contains("maxPendingPublishBytes (1000)"), refusal);
    }

    /**
     * Four publishing threads against one thread that answers: the pending count never passes the bound by more than
     * the publishers that may be giving back a refused publish's room at that moment, and once everything taken was
     * given back nothing is left pending.
     */
    @Test
    void underConcurrentPublishersNothingIsLostAndTheBoundHolds() throws Exception {
        int bound = 64;
        int publishers = 4;
        int perPublisher = 50_000;
        PendingPublishes pending = new PendingPublishes(bound, Long.MAX_VALUE / 4);
        BlockingQueue<Long> taken = new ArrayBlockingQueue<>(bound + publishers);
        AtomicLong maxSeen = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        // publishes accepted and not yet given back, counted after the take and before the give-back so that it never
        // runs ahead of what PendingPublishes holds (its own count() reads two counters and can catch a thread between)
        AtomicLong outstanding = new AtomicLong();
        CountDownLatch done = new CountDownLatch(publishers);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < publishers; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < perPublisher; i++) {
                    if (pending.tryAcquire(3)) {
                        accepted.incrementAndGet();
                        maxSeen.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
                        try {
                            taken.put(3L);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
                done.countDown();
            });
            threads.add(thread);
            thread.start();
        }
        long released = 0;
        while (done.getCount() > 0 || !taken.isEmpty()) {
            Long size = taken.poll(10, TimeUnit.MILLISECONDS);
            if (size != null) {
                outstanding.decrementAndGet();
                pending.release(size);
                released++;
            }
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(accepted.get(), released);
        assertEquals(0, pending.count());
        assertEquals(0, pending.bytes());
        assertTrue(maxSeen.get() <= bound + publishers, "pending reached " + maxSeen.get());
        assertTrue(accepted.get() > 0);
    }
}
