package dev.herald.internal;

import static dev.herald.internal.PoolUnderTest.WAIT;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.HeraldError;
import dev.herald.testing.CapturedLog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The handler pool in memory: how it describes itself, which thread runs what, the interrupt a handler
 * leaves behind, callbacks no thread can be started for, and what shutdown waits for, interrupts and names.
 * Its watchdog's reports are {@link PoolWatchdogTest}'s.
 */
class HandlerPoolTest extends PoolTestSupport {


    /** Waits for {@code release}, carrying on through interrupts; counts them. */
    private static void awaitIgnoringInterrupts(CountDownLatch release, AtomicInteger interrupts) {
        while (true) {
            try {
                release.await();
                return;
            } catch (InterruptedException e) {
                interrupts.incrementAndGet();
            }
        }
    }

    @Test
    void describesItsThreadsAndTheirBound() {
        assertEquals(Runtime.version().feature() >= 21, HandlerPool.virtualThreadsAvailable());
        String byDefault = HandlerPool.virtualThreadsAvailable() ? "virtual handler threads, no bound"
                : "platform handler threads, at most " + HandlerPool.defaultPlatformThreads() + " running";
        assertEquals(byDefault, open(0, null).pool.description());
        PoolUnderTest three = open(3, null);
        assertEquals("platform handler threads, at most 3 running", three.pool.description());
        assertEquals("HandlerPool[platform handler threads, at most 3 running, 0 running, 0 waiting]", three.pool.toString());
        assertEquals("platform handler threads, no bound", open(Integer.MAX_VALUE, null).pool.description());
        Exception e = assertThrows(IllegalArgumentException.class, () -> open(-1, null));
        assertEquals("handlerThreads must be positive, was -1", e.getMessage());
    }

    @Test
    void onJava17AskingForVirtualThreadsGivesTheBoundedPlatformThreads() {
        if (HandlerPool.virtualThreadsAvailable()) {
            return; // Java 21+: the other branch is the real one, and describesItsThreadsAndTheirBound covers it
        }
        HandlerPool pool = new HandlerPool(new HandlerPool.Config(0, true, null), error -> { });
        try {
            assertEquals("platform handler threads, at most " + HandlerPool.defaultPlatformThreads() + " running",
                    pool.description());
        } finally {
            pool.shutdown(System.nanoTime() + TimeUnit.SECONDS.toNanos(5), Duration.ofSeconds(5));
        }
    }

    @Test
    void toStringCountsTheRunningThreadsAndTheWaitingSubscriptions() throws Exception {
        PoolUnderTest pool = open(1, null);
        RecordingDrainer running = RecordingDrainer.blockedUntil("running", gate);
        assertTrue(pool.pool.schedule(running));
        awaitLatch(running.started);
        assertTrue(pool.pool.schedule(RecordingDrainer.quick("waiting-1")));
        assertTrue(pool.pool.schedule(RecordingDrainer.quick("waiting-2")));
        assertEquals("HandlerPool[platform handler threads, at most 1 running, 1 running, 2 waiting]", pool.pool.toString());
    }

    @Test
    void anIdleThreadTakesTheNextSubscriptionAndNoOtherThreadStarts() throws Exception {
        PoolUnderTest pool = open(4, null);
        RecordingDrainer first = RecordingDrainer.quick("first");
        pool.pool.schedule(first);
        awaitLatch(first.done);
        // the thread idles, waiting for the next subscription for its keep-alive
        await().atMost(WAIT).until(() -> first.thread.getState() == Thread.State.TIMED_WAITING);

        RecordingDrainer second = RecordingDrainer.quick("second");
        pool.pool.schedule(second);
        awaitLatch(second.done);
        assertSame(first.thread, second.thread);
        assertEquals(pool.threadPrefix() + "handler-1", second.thread.getName());
        assertEquals(1, pool.liveHandlerThreads());
        assertTrue(pool.pool.toString().endsWith(", 1 running, 0 waiting]"), pool.pool.toString());
    }

    @Test
    void aPlatformHandlerThreadIdlesLongerThanAVirtualOne() throws Exception {
        PoolUnderTest pool = open(2, null);
        RecordingDrainer drainer = RecordingDrainer.quick("once");
        pool.pool.schedule(drainer);
        awaitLatch(drainer.done);
        // platform threads idle for 30 s before they end, virtual ones (cheap to start again) for 5 s
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(20)).until(drainer.thread::isAlive);
    }

    @Test
    void handlerThreadsAreNamedDaemonsThatKnowTheyAreHeraldThreads() throws Exception {
        AtomicInteger made = new AtomicInteger();
        ThreadFactory nonDaemons = task -> {
            made.incrementAndGet();
            Thread thread = new Thread(task, "application-thread");
            thread.setDaemon(false);
            return thread;
        };
        PoolUnderTest pool = open(2, nonDaemons);
        AtomicBoolean onHeraldThread = new AtomicBoolean();
        RecordingDrainer drainer = new RecordingDrainer("who", () -> onHeraldThread.set(HandlerPool.onHeraldThread()));
        pool.pool.schedule(drainer);
        awaitLatch(drainer.done);
        assertEquals(1, made.get());
        assertEquals(pool.threadPrefix() + "handler-1", drainer.thread.getName());
        assertTrue(drainer.thread.isDaemon(), "a handler thread never keeps the JVM alive");
        assertTrue(onHeraldThread.get(), "a handler thread from the application's factory is a Herald thread");
        assertFalse(HandlerPool.onHeraldThread(), "the test's thread is not");
    }

    @Test
    void anInterruptAHandlerLeavesIsNotForTheNextHandlerOnItsThread() throws Exception {
        PoolUnderTest pool = open(1, null);
        RecordingDrainer interrupting = new RecordingDrainer("interrupting", () -> {
            gate.await();
            Thread.currentThread().interrupt();
        });
        AtomicReference<Boolean> nextSawAnInterrupt = new AtomicReference<>();
        RecordingDrainer next = new RecordingDrainer("next",
                () -> nextSawAnInterrupt.set(Thread.currentThread().isInterrupted()));
        pool.pool.schedule(interrupting);
        awaitLatch(interrupting.started);
        pool.pool.schedule(next); // waits behind the one thread
        gate.countDown();
        awaitLatch(next.done);
        assertSame(interrupting.thread, next.thread);
        assertEquals(Boolean.FALSE, nextSawAnInterrupt.get());
    }

    @Test
    void aShutDownPoolSchedulesNothingAndRejectsCallbacks() throws Exception {
        PoolUnderTest pool = open(2, null);
        HandlerPool.Stopped stopped = pool.shutdown(Duration.ofSeconds(5));
        assertEquals(new HandlerPool.Stopped(false, List.of()), stopped);
        RecordingDrainer late = RecordingDrainer.quick("late");
        assertFalse(pool.pool.schedule(late), "the caller gives up its turn");
        assertThrows(RejectedExecutionException.class, () -> pool.pool.callbacks().execute(() -> { }));
        assertEquals("HandlerPool[platform handler threads, at most 2 running, 0 running, 0 waiting]", pool.pool.toString());
        assertFalse(late.started.await(100, TimeUnit.MILLISECONDS));
        assertFalse(pool.watchdog.isAlive());
    }

    @Test
    void aShutdownCalledFromAHandlerDoesNotWaitForItself() throws Exception {
        PoolUnderTest pool = open(2, null);
        AtomicReference<HandlerPool.Stopped> stopped = new AtomicReference<>();
        RecordingDrainer stopping = new RecordingDrainer("stopping", () -> stopped.set(pool.shutdown(Duration.ofMinutes(1))));
        pool.pool.schedule(stopping);
        awaitLatch(stopping.done);
        assertNull(stopping.failure);
        assertEquals(new HandlerPool.Stopped(false, List.of()), stopped.get());
        await().atMost(WAIT).until(() -> !stopping.thread.isAlive());
    }

    @Test
    void shutdownWaitsForAnInterruptedHandlerToEnd() throws Exception {
        PoolUnderTest pool = open(2, null);
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        RecordingDrainer slowToStop = new RecordingDrainer("slow-to-stop", () -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                finish.await(); // winds down, and takes a while
            }
        });
        pool.pool.schedule(slowToStop);
        awaitLatch(slowToStop.started);
        Thread caller = Thread.currentThread();
        Thread releaser = new Thread(() -> {
            try {
                interrupted.await();
                // lets the handler end only once shutdown waits for it after the interrupt
                await().atMost(WAIT).pollInterval(Duration.ofMillis(2))
                        .until(() -> caller.getState() == Thread.State.TIMED_WAITING);
            } catch (Exception e) {
                // the test fails on its own
            } finally {
                finish.countDown();
            }
        }, "releaser");
        releaser.start();
        try {
            HandlerPool.Stopped stopped = pool.shutdown(Duration.ofMillis(200));
            assertEquals(new HandlerPool.Stopped(true, List.of()), stopped);
            assertFalse(slowToStop.thread.isAlive());
        } finally {
            finish.countDown();
            releaser.join();
        }
    }

    @Test
    void shutdownNamesACallbackThatIgnoresTheInterrupt() throws Exception {
        PoolUnderTest pool = open(2, null);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        AtomicInteger interrupts = new AtomicInteger();
        AtomicReference<Thread> callbackThread = new AtomicReference<>();
        pool.pool.callbacks().execute(() -> {
            callbackThread.set(Thread.currentThread());
            started.countDown();
            awaitIgnoringInterrupts(leave, interrupts);
        });
        awaitLatch(started);
        try (CapturedLog log = new CapturedLog()) {
            HandlerPool.Stopped stopped = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> pool.shutdown(Duration.ofMillis(200)));
            assertTrue(stopped.interrupted());
            assertEquals(1, interrupts.get());
            assertTrue(callbackThread.get().getName().startsWith(pool.threadPrefix() + "callback-"),
                    callbackThread.get().getName());
            assertEquals(List.of("a callback (error handler or connection listener) on " + callbackThread.get().getName()),
                    stopped.stillRunning());
            assertEquals(1, log.lines("shutdown gave up on 1 handler(s) that ignored the interrupt").size(), log.lines().toString());
        } finally {
            leave.countDown();
        }
    }

    @Test
    void shutdownCountsACallbackThreadThatOutlivesItsExecutorAsStillRunning() throws Exception {
        PoolUnderTest pool = open(2, null);
        ThreadPoolExecutor executor = pool.callbackExecutor();
        ThreadFactory original = executor.getThreadFactory();
        CountDownLatch leave = new CountDownLatch(1);
        AtomicReference<Thread> lingering = new AtomicReference<>();
        executor.setThreadFactory(worker -> original.newThread(() -> {
            worker.run();
            // the executor is done with this thread (it may count itself terminated), the thread is not
            lingering.set(Thread.currentThread());
            awaitIgnoringInterrupts(leave, new AtomicInteger());
        }));
        CountDownLatch ran = new CountDownLatch(1);
        pool.pool.callbacks().execute(ran::countDown);
        awaitLatch(ran);
        try {
            HandlerPool.Stopped stopped = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> pool.shutdown(Duration.ofMillis(200)));
            assertTrue(executor.isTerminated());
            assertTrue(stopped.interrupted(), "the deadline passed with a callback thread alive");
            assertEquals(List.of("a callback (error handler or connection listener) on " + lingering.get().getName()),
                    stopped.stillRunning());
        } finally {
            leave.countDown();
        }
    }

    @Test
    void aShutdownCalledByAnInterruptedThreadKeepsTheInterruptAndInterruptsTheCallbacks() throws Exception {
        PoolUnderTest pool = open(2, null);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        pool.pool.callbacks().execute(() -> {
            started.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        awaitLatch(started);
        boolean stillInterrupted = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Thread.currentThread().interrupt();
            pool.shutdown(Duration.ofMinutes(1));
            return Thread.interrupted();
        });
        assertTrue(stillInterrupted, "shutdown keeps its caller's interrupt");
        assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the callback was interrupted");
    }

    @Test
    void aCallbackNoThreadCanBeStartedForRunsOnTheWatchdogAndIsReported() throws Exception {
        assertCallbackRunsOnTheWatchdog(task -> null, RejectedExecutionException.class);
    }

    @Test
    void aCallbackWhoseThreadFailsToStartRunsOnTheWatchdogAndIsReported() throws Exception {
        assertCallbackRunsOnTheWatchdog(task -> {
            throw new OutOfMemoryError("unable to create native thread: possibly out of memory (injected)");
        }, OutOfMemoryError.class);
    }

    private void assertCallbackRunsOnTheWatchdog(ThreadFactory failing, Class<? extends Throwable> failure)
            throws Exception {
        PoolUnderTest pool = open(2, null);
        pool.callbackExecutor().setThreadFactory(failing);
        pool.awaitWatchdogIdle();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        pool.pool.callbacks().execute(() -> ranOn.set(Thread.currentThread()));
        await().atMost(WAIT).until(() -> ranOn.get() != null);
        assertSame(pool.watchdog, ranOn.get());

        HeraldError report = pool.awaitReports("could not start", 1).get(0).error();
        assertEquals(HeraldError.Kind.SATURATED, report.kind());
        assertEquals("(handler pool)", report.channel());
        String text = report.cause().getMessage();
        assertTrue(text.startsWith("could not start a handler thread (1 time(s) in the last second; 0 running, at most 2): "
                + failure.getName()), text);
        assertTrue(text.endsWith("; 0 subscription(s) wait for a thread and are retried when one frees"), text);
        assertInstanceOf(failure, report.cause().getCause());
    }
}
