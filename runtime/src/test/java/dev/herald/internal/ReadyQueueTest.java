package dev.herald.internal;

import static dev.herald.internal.PoolUnderTest.WAIT;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.internal.HandlerPool.Drainer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The ready queue's hand-offs between the thread that queues a subscription and the idle handler threads:
 * a spinning thread takes what is queued without anyone being woken, a parked one is woken, a spinner that
 * takes one of several queued subscriptions passes the rest on (its handler may block), and closing or an
 * interrupt leaves no thread waiting and no waiter behind.
 */
class ReadyQueueTest {

    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    private final AtomicInteger startsAsked = new AtomicInteger();

    /** A thread that waits on the queue once, as an idle handler thread does. */
    private final class Taker {
        final CompletableFuture<Drainer> took = new CompletableFuture<>();
        final Thread thread;

        Taker(ReadyQueue ready, long waitNanos) {
            thread = new Thread(() -> {
                try {
                    took.complete(ready.poll(waitNanos, startsAsked::incrementAndGet));
                } catch (Throwable e) {
                    took.completeExceptionally(e);
                }
            }, "ready-queue-test-taker");
            thread.setDaemon(true);
            thread.start();
        }

        Drainer get() throws Exception {
            return took.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        void awaitParked() {
            await().atMost(WAIT).until(() -> thread.getState() == Thread.State.TIMED_WAITING);
        }
    }

    @Test
    void aSubscriptionQueuedWhileAThreadSpinsIsTakenByItWithoutWakingAnyone() throws Exception {
        ReadyQueue ready = new ReadyQueue(MINUTE);
        Taker spinner = new Taker(ready, MINUTE);
        await().atMost(WAIT).until(ready::spinning);
        assertEquals(Thread.State.RUNNABLE, spinner.thread.getState(), "spinning, not parked");

        Drainer drainer = RecordingDrainer.quick("a");
        assertTrue(ready.offer(drainer), "the spinner takes it");
        assertSame(drainer, spinner.get());
        assertFalse(ready.spinning());
        assertEquals(0, startsAsked.get(), "nothing else waited: no thread asked for");
    }

    @Test
    void aThreadWhoseSpinFoundNothingParksAndIsWokenForTheNextSubscription() throws Exception {
        ReadyQueue ready = new ReadyQueue(TimeUnit.MILLISECONDS.toNanos(1));
        Taker taker = new Taker(ready, MINUTE);
        taker.awaitParked();
        assertFalse(ready.spinning());

        Drainer drainer = RecordingDrainer.quick("a");
        assertTrue(ready.offer(drainer), "the parked thread is woken for it");
        assertSame(drainer, taker.get());
        assertFalse(ready.offer(RecordingDrainer.quick("b")), "the woken thread is no longer idle");
    }

    @Test
    void aSpinnerThatTakesOneOfSeveralQueuedSubscriptionsAsksForAThreadForTheRest() throws Exception {
        ReadyQueue ready = new ReadyQueue(MINUTE);
        Drainer first = RecordingDrainer.quick("first");
        assertFalse(ready.offer(first), "no thread is idle");
        assertFalse(ready.offer(RecordingDrainer.quick("second")));

        Taker spinner = new Taker(ready, MINUTE);
        assertSame(first, spinner.get());
        assertEquals(1, startsAsked.get(), "its handler may block: the second must not wait for it");
    }

    @Test
    void aSpinnerThatTakesOneOfSeveralQueuedSubscriptionsWakesAParkedThreadForTheRest() throws Exception {
        ReadyQueue ready = new ReadyQueue(MINUTE);
        Taker spinner = new Taker(ready, MINUTE);
        await().atMost(WAIT).until(ready::spinning);
        Taker parked = new Taker(ready, MINUTE); // only one thread spins at a time
        parked.awaitParked();

        Drainer first = RecordingDrainer.quick("first");
        Drainer second = RecordingDrainer.quick("second");
        ready.offer(first);
        ready.offer(second);
        // the spinner took the first, and woke the parked thread for the second: either because the offer saw
        // no spinner any more, or because the spinner passed it on
        assertSame(first, spinner.get());
        assertSame(second, parked.get());
        // when the spin ended just before the second offer, both the offer and the spinner see the second queued
        // and nobody spinning: the offer wakes the parked thread, and the spinner, finding none parked, asks for
        // one more thread, which idles out. What must never happen is the second left waiting (the line above)
        assertTrue(startsAsked.get() <= 1, "at most the one thread of that race asked for: " + startsAsked.get());
    }

    @Test
    void closingWakesEveryParkedThread() throws Exception {
        ReadyQueue ready = new ReadyQueue(0);
        Taker one = new Taker(ready, MINUTE);
        Taker two = new Taker(ready, MINUTE);
        one.awaitParked();
        two.awaitParked();

        ready.close(() -> 2);
        assertTrue(ReadyQueue.isStop(one.get()), "told to leave long before its minute");
        assertTrue(ReadyQueue.isStop(two.get()));
    }

    @Test
    void anInterruptedWaitThrowsAndLeavesNoWaiterBehind() throws Exception {
        ReadyQueue ready = new ReadyQueue(0);
        Taker taker = new Taker(ready, MINUTE);
        taker.awaitParked();

        taker.thread.interrupt();
        ExecutionException thrown = assertThrows(ExecutionException.class, taker::get);
        assertTrue(thrown.getCause() instanceof InterruptedException, thrown.toString());
        assertFalse(ready.offer(RecordingDrainer.quick("a")), "no thread waits any more");
    }

    @Test
    void aWaitThatTimesOutReturnsNothingAndLeavesNoWaiterBehind() throws Exception {
        ReadyQueue ready = new ReadyQueue(0);
        Taker taker = new Taker(ready, TimeUnit.MILLISECONDS.toNanos(20));
        assertNull(taker.get());
        assertFalse(ready.offer(RecordingDrainer.quick("a")), "no thread waits any more");
    }
}
