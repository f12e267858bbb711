package dev.herald.internal;

import static dev.herald.internal.PoolUnderTest.WAIT;
import static dev.herald.internal.PoolUnderTest.millis;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.HeraldError;
import dev.herald.internal.PoolUnderTest.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The handler pool's watchdog in memory: it parks while there is nothing to watch, reports saturation
 * (naming the longest-running handlers and the waiting subscriptions, at most once a second) and threads
 * that cannot be started (counting the failures, at most once a second), and retries starting them.
 */
class PoolWatchdogTest extends PoolTestSupport {

    private static final String SATURATED = "handlers saturated: ";
    private static final String NO_THREAD = "could not start a handler thread (";
    private static final long SATURATED_AFTER_MILLIS = PoolWatchdog.SATURATED_AFTER.toMillis();
    private static final String OUT_OF_THREADS = "unable to create native thread: possibly out of memory (injected)";


    /** A thread factory whose attempts numbered in {@code failing} (from 1) throw the JVM's out-of-threads error. */
    private static ThreadFactory failingOn(AtomicInteger attempts, int... failing) {
        return task -> {
            int attempt = attempts.incrementAndGet();
            if (IntStream.of(failing).anyMatch(n -> n == attempt)) {
                throw new OutOfMemoryError(OUT_OF_THREADS);
            }
            return new Thread(task);
        };
    }

    private static ThreadFactory alwaysFailing(AtomicInteger attempts) {
        return task -> {
            attempts.incrementAndGet();
            throw new OutOfMemoryError(OUT_OF_THREADS);
        };
    }

    @Test
    void theWatchdogParksWhileThereIsNothingToWatch() throws Exception {
        PoolUnderTest pool = open(2, null);
        pool.awaitWatchdogIdle();
        RecordingDrainer drainer = RecordingDrainer.quick("quick");
        pool.pool.schedule(drainer);
        awaitLatch(drainer.done);
        pool.awaitWatchdogIdle();
        assertEquals(List.of(), pool.reports);
    }

    @Test
    void saturationIsReportedWithTheLongestRunningHandlersFirstAndTheWaitingSubscriptionsInOrder() throws Exception {
        int bound = 5;
        PoolUnderTest pool = open(bound, null);
        pool.awaitWatchdogIdle(); // a subscription that waits for a busy thread must wake it
        long beforeRunning = System.nanoTime();
        List<RecordingDrainer> running = new ArrayList<>();
        for (int i = 1; i <= bound; i++) {
            RecordingDrainer drainer = RecordingDrainer.blockedUntil("running-" + i, gate);
            pool.pool.schedule(drainer);
            awaitLatch(drainer.started); // one after the other: each has run longer than the next
            running.add(drainer);
        }
        long beforeWaiting = System.nanoTime();
        for (int i = 1; i <= 10; i++) {
            pool.pool.schedule(RecordingDrainer.quick("waiting-" + i));
        }

        Report first = pool.awaitReports(SATURATED, 1).get(0);
        pool.awaitWatchdogBetweenTicks(); // it parks between ticks while it watches
        assertEquals(HeraldError.Kind.SATURATED, first.error().kind());
        assertEquals("waiting-1", first.error().channel(), "the subscription that waited longest");
        Matcher report = Pattern.compile("handlers saturated: 5 handler\\(s\\) running \\(at most 5\\) and 10 subscription\\(s\\)"
                + " waiting up to (\\d+) ms for a thread\\. Running longest: (.*)\\. Waiting: (.*)\\. A handler that blocks"
                + " holds its thread: make it shorter or asynchronous, raise handlerThreads, or run on Java 21\\+ \\(virtual"
                + " threads\\)").matcher(first.text());
        assertTrue(report.matches(), first.text());

        long waited = Long.parseLong(report.group(1));
        assertTrue(waited >= SATURATED_AFTER_MILLIS, first.text());
        assertTrue(waited <= millis(first.at() - beforeWaiting), first.text());

        String[] handlers = report.group(2).split(", ");
        assertEquals(bound, handlers.length, first.text());
        for (int i = 0; i < bound; i++) {
            Matcher handler = Pattern.compile("'(.*)' for (\\d+) ms on (.*)").matcher(handlers[i]);
            assertTrue(handler.matches(), handlers[i]);
            assertEquals("running-" + (i + 1), handler.group(1), "longest first: " + first.text());
            long runningFor = Long.parseLong(handler.group(2));
            assertTrue(runningFor >= SATURATED_AFTER_MILLIS && runningFor <= millis(first.at() - beforeRunning), handlers[i]);
            assertEquals(running.get(i).thread.getName(), handler.group(3));
        }
        String tenWaiting = IntStream.rangeClosed(1, 10).mapToObj(i -> "'waiting-" + i + "'").collect(Collectors.joining(", "));
        assertEquals(tenWaiting, report.group(3), "all ten are named");

        pool.pool.schedule(RecordingDrainer.quick("waiting-11"));
        Report second = pool.awaitReports(SATURATED, 2).get(1);
        // the same subscription waits longest: the difference is the time between the two reports
        long waitedThen = Long.parseLong(second.text().replaceAll("(?s).* waiting up to (\\d+) ms .*", "$1"));
        assertTrue(waitedThen - waited >= 990, "at most one report a second: " + pool.reports);
        assertTrue(second.text().contains(" and 11 subscription(s) waiting up to "), second.text());
        assertTrue(second.text().contains(". Waiting: " + tenWaiting + " and 1 more. A handler that blocks"), second.text());
        assertEquals(List.of(), pool.reportsStartingWith(NO_THREAD), "every thread started");
    }

    @Test
    void theFirstReportComesOnceASubscriptionWaitedSaturatedAfter() throws Exception {
        long beforeOpening = System.nanoTime();
        PoolUnderTest pool = open(1, null);
        pool.pool.schedule(RecordingDrainer.blockedUntil("running", gate));
        RecordingDrainer waiting = RecordingDrainer.quick("waiting");
        pool.pool.schedule(waiting);
        long queuedAfter = PoolUnderTest.millis(waiting.queuedAt - beforeOpening);

        Report report = pool.awaitReports(SATURATED, 1).get(0);
        long waited = Long.parseLong(report.text().replaceAll("(?s).* waiting up to (\\d+) ms .*", "$1"));
        assertTrue(waited >= SATURATED_AFTER_MILLIS, report.text());
        // not held back by a report interval that began when the pool opened
        assertTrue(queuedAfter + waited < 2 * SATURATED_AFTER_MILLIS - 2, queuedAfter + " ms after opening: " + report.text());
    }

    @Test
    void aThreadThatCannotStartIsReportedRetriedAndCountedOnce() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        PoolUnderTest pool = open(2, alwaysFailing(attempts));
        RecordingDrainer stranded = RecordingDrainer.quick("stranded");
        pool.pool.schedule(stranded);

        List<Report> reports = pool.awaitReports(NO_THREAD, 3);
        int attemptsSoFar = attempts.get();
        long reported = 0;
        for (Report report : reports) {
            assertEquals(HeraldError.Kind.SATURATED, report.error().kind());
            assertEquals("stranded", report.error().channel());
            Matcher text = Pattern.compile("could not start a handler thread \\((\\d+) time\\(s\\) in the last second; 0 running,"
                    + " at most 2\\): java\\.lang\\.OutOfMemoryError: " + Pattern.quote(OUT_OF_THREADS) + "; 1 subscription\\(s\\)"
                    + " wait for a thread and are retried when one frees").matcher(report.text());
            assertTrue(text.matches(), report.text());
            reported += Long.parseLong(text.group(1));
            assertInstanceOf(OutOfMemoryError.class, report.error().cause().getCause());
        }
        assertTrue(reported <= attemptsSoFar, "each failure is counted in one report: " + reported + " counted, "
                + attemptsSoFar + " attempts; " + pool.reports);
        assertTrue(Long.parseLong(reports.get(1).text().replaceAll("^could not start a handler thread \\((\\d+) .*", "$1")) >= 2,
                "with no thread running, every tick retries: " + reports.get(1).text());
        assertTrue(millis(reports.get(2).at() - reports.get(0).at()) >= 1500, "at most one report a second: " + reports);
        // and once it waited SATURATED_AFTER, the subscription is reported as waiting for a thread too
        Report saturated = pool.awaitReports(SATURATED, 1).get(0);
        assertTrue(saturated.text().startsWith("handlers saturated: 0 handler(s) running (at most 2) and 1 subscription(s)"),
                saturated.text());
        assertEquals(1, stranded.started.getCount(), "no thread ever ran it");
    }

    @Test
    void aThreadThatCouldNotStartIsStartedOnTheNextTickWhenNoneRuns() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        PoolUnderTest pool = open(1, failingOn(attempts, 1));
        RecordingDrainer drainer = RecordingDrainer.quick("retried");
        pool.pool.schedule(drainer);
        awaitLatch(drainer.done);
        assertTrue(millis(drainer.waitedNanos) < SATURATED_AFTER_MILLIS,
                "retried at once, not after waiting " + millis(drainer.waitedNanos) + " ms");
        assertEquals(2, attempts.get());
        assertEquals(pool.threadPrefix() + "handler-1", drainer.thread.getName());
        Report report = pool.awaitReports(NO_THREAD, 1).get(0);
        assertEquals("could not start a handler thread (1 time(s) in the last second; 0 running, at most 1): "
                + "java.lang.OutOfMemoryError: " + OUT_OF_THREADS + "; 1 subscription(s) wait for a thread and are retried"
                + " when one frees", report.text());
        assertEquals("retried", report.error().channel());
    }

    @Test
    void aSubscriptionThatWaitedBelowTheBoundGetsAThreadAndNoSaturationReport() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        PoolUnderTest pool = open(2, failingOn(attempts, 2));
        RecordingDrainer holding = RecordingDrainer.blockedUntil("holding", gate);
        pool.pool.schedule(holding);
        awaitLatch(holding.started);
        RecordingDrainer waiting = RecordingDrainer.quick("waiting");
        pool.pool.schedule(waiting); // its thread cannot start; one thread runs, so no retry on every tick
        awaitLatch(waiting.done);
        assertTrue(millis(waiting.waitedNanos) >= SATURATED_AFTER_MILLIS, "retried once it waited SATURATED_AFTER");
        pool.awaitWatchdogIdle(); // that tick is over
        assertEquals(1, pool.reportsStartingWith(NO_THREAD).size(), pool.reports.toString());
        assertEquals(List.of(), pool.reportsStartingWith(SATURATED), "a thread could be started: not saturated");
        assertEquals(3, attempts.get());
    }

    @Test
    void aHandlerThreadEndedByAFatalErrorHandsTheWaitingSubscriptionsToANewThread() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        PoolUnderTest pool = open(2, failingOn(attempts, 2));
        // the watchdog, which would retry starting a thread, is held up in the error handler
        CountDownLatch watchdogHeld = new CountDownLatch(1);
        CountDownLatch releaseWatchdog = new CountDownLatch(1);
        pool.onReport = error -> {
            watchdogHeld.countDown();
            try {
                releaseWatchdog.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        CountDownLatch fail = new CountDownLatch(1);
        HandlerPool.Drainer fatal = new HandlerPool.Drainer() {
            @Override
            boolean drainBatch() {
                try {
                    fail.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new AssertionError("a fatal error (injected)");
            }

            @Override
            String channel() {
                // so that even logging the error fails, and the error ends the thread
                throw new IllegalStateException("no channel (injected)");
            }
        };
        try {
            pool.pool.schedule(fatal);
            await().atMost(WAIT).until(() -> pool.pool.toString().contains(", 1 running,"));
            RecordingDrainer waiting = RecordingDrainer.quick("waiting");
            pool.pool.schedule(waiting); // its thread cannot start
            awaitLatch(watchdogHeld);

            fail.countDown();
            awaitLatch(waiting.done);
            assertEquals(pool.threadPrefix() + "handler-2", waiting.thread.getName(), "started by the thread that ended");
        } finally {
            releaseWatchdog.countDown();
        }
    }
}
