package dev.herald.internal;

import static dev.herald.internal.PoolUnderTest.WAIT;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The handler threads on their own, with a keep-alive short enough to see them end: a thread that idles
 * for it ends, one told to stop ends, and either way it is no longer counted and no other starts.
 */
class HandlerWorkersTest {

    private final ReadyQueue ready = new ReadyQueue();
    private final AtomicInteger made = new AtomicInteger();
    private final ThreadFactory counting = task -> {
        made.incrementAndGet();
        return new Thread(task);
    };
    private final List<Throwable> startFailures = new CopyOnWriteArrayList<>();

    private HandlerWorkers workers(long keepAliveMillis) {
        return new HandlerWorkers(ready, 2, counting, "workers-test-", TimeUnit.MILLISECONDS.toNanos(keepAliveMillis),
                startFailures::add, () -> { });
    }

    private static void join(Thread thread) throws InterruptedException {
        thread.join(WAIT.toMillis());
        assertFalse(thread.isAlive(), thread + " did not end");
    }

    @Test
    void aThreadIdleForItsKeepAliveEndsAndIsNoLongerCounted() throws Exception {
        HandlerWorkers workers = workers(50);
        RecordingDrainer drainer = RecordingDrainer.quick("once");
        assertFalse(ready.offer(drainer), "no thread waits yet");
        assertTrue(workers.tryStart());
        assertTrue(drainer.done.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals("workers-test-1", drainer.thread.getName());
        assertTrue(drainer.thread.isDaemon());

        join(drainer.thread);
        assertEquals(0, workers.running());
        assertEquals(0, workers.size());
        assertEquals(1, made.get(), "nothing waited: no thread took over");
        assertEquals(List.of(), startFailures);
    }

    @Test
    void aThreadToldToStopEndsAndIsNoLongerCounted() throws Exception {
        HandlerWorkers workers = workers(TimeUnit.MINUTES.toMillis(1));
        RecordingDrainer drainer = RecordingDrainer.quick("once");
        ready.offer(drainer);
        assertTrue(workers.tryStart());
        assertTrue(drainer.done.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        // idle, waiting for the next subscription
        await().atMost(WAIT).until(() -> drainer.thread.getState() == Thread.State.TIMED_WAITING);
        assertEquals(1, workers.running());

        ready.close(workers::size);
        join(drainer.thread);
        assertEquals(0, workers.running());
        assertEquals(0, workers.size());
        assertFalse(workers.tryStart(), "closed: no thread starts");
        assertEquals(1, made.get());
    }
}
