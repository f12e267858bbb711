package dev.herald.contract;

import static dev.herald.contract.Waiting.WAIT;
import static dev.herald.contract.Waiting.done;
import static dev.herald.contract.Waiting.take;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.PayloadType;
import dev.herald.PublishFailedException;
import dev.herald.ShutdownReport;
import dev.herald.Subscription;
import dev.herald.TypedChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Closing and shutting down: running handlers finish, buffered ones are counted, nothing outlives it. */
interface CloseContract extends ContractPart {

    // ------------------------------------------------------------------ close

    @Test
    default void closeLetsTheRunningHandlerFinishThenStopsEverything() throws Exception {
        Herald own = open(transportBuilder().channelPrefix(prefix()).errorHandler(errors()));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        own.subscribe("work", Order.class, m -> {
            started.countDown();
            release.await();
            finished.set(true);
        });
        own.publish("work", Order.sample(1));
        assertTrue(started.await(WAIT.toSeconds(), TimeUnit.SECONDS));

        BlockingQueue<Boolean> finishedWhenCloseReturned = new LinkedBlockingQueue<>();
        Thread closer = new Thread(() -> {
            own.close();
            finishedWhenCloseReturned.add(finished.get());
        }, "test-closer");
        closer.start();
        await().atMost(WAIT).until(() -> closer.getState() == Thread.State.TIMED_WAITING
                || closer.getState() == Thread.State.WAITING);
        release.countDown();

        assertTrue(take(finishedWhenCloseReturned), "close() returned before the running handler finished");
        assertNoHeraldOrLettuceThreads();
        assertTrue(done(own.publish("work", Order.sample(2)).handle((n, e) -> e)) instanceof PublishFailedException,
                "publishing after close fails");
        assertThrows(IllegalStateException.class, () -> own.subscribe("work", Order.class, m -> { }));
    }

    @Test
    default void shutdownWithThousandsBufferedFinishesTheRunningHandlerAndCountsTheRest() throws Exception {
        Herald own = open(transportBuilder().channelPrefix(prefix()).errorHandler(errors()));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger handled = new AtomicInteger();
        Subscription s = own.subscribe("backlog", Integer.class, n -> {
            started.countDown();
            release.await();
            handled.incrementAndGet();
        });
        TypedChannel<Integer> backlog = own.channel("backlog", PayloadType.of(Integer.class));
        backlog.send(0);
        assertTrue(started.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        for (int i = 1; i <= 5_000; i++) {
            backlog.send(i);
        }
        await().atMost(WAIT).until(() -> s.buffered() == 5_000);

        BlockingQueue<ShutdownReport> reports = new LinkedBlockingQueue<>();
        Thread closer = new Thread(() -> reports.add(own.shutdown(Duration.ofSeconds(20))), "test-closer");
        closer.start();
        await().atMost(WAIT).until(() -> closer.getState() == Thread.State.TIMED_WAITING);
        assertTrue(done(own.publish("backlog", 1).handle((n, e) -> e)) instanceof PublishFailedException,
                "closing stops new publishes at once, while the running handler still finishes");
        release.countDown();

        ShutdownReport report = take(reports);
        assertEquals(5_000, report.unhandled());
        assertFalse(report.handlersInterrupted());
        assertEquals(1, handled.get(), "the running handler finished; the buffered ones were not started");
        assertEquals(report, own.shutdown(Duration.ofSeconds(1)), "a second shutdown returns the first report");
        assertNoHeraldOrLettuceThreads();
    }

    @Test
    default void aShutdownWaitingForTheFirstGivesUpWhenInterruptedAndKeepsTheInterrupt() throws Exception {
        Herald own = open(transportBuilder().channelPrefix(prefix()).errorHandler(errors()));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Subscription s = own.subscribe("work", Order.class, m -> {
            started.countDown();
            release.await();
        });
        own.publish("work", Order.sample(1));
        assertTrue(started.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        BlockingQueue<ShutdownReport> reports = new LinkedBlockingQueue<>();
        Thread first = new Thread(() -> reports.add(own.shutdown(Duration.ofSeconds(60))), "test-first-shutdown");
        first.start();
        ShutdownReport second;
        boolean keptInterrupt;
        try {
            await().atMost(WAIT).until(() -> !s.isActive()); // the first shutdown is under way, waiting for the handler
            Thread.currentThread().interrupt(); // as a handler the first shutdown gave up on would be
            second = own.shutdown(Duration.ofSeconds(60));
            keptInterrupt = Thread.interrupted();
        } finally {
            release.countDown();
        }
        assertTrue(keptInterrupt, "the caller's interrupt is kept");
        assertEquals(0, second.unhandled(), second.toString());
        assertFalse(second.handlersInterrupted(), second.toString());
        assertEquals(Duration.ZERO, second.took(), second.toString());
        ShutdownReport made = take(reports);
        assertEquals(made, own.shutdown(Duration.ofSeconds(1)), "an uninterrupted call still gets the first report");
    }

    @Test
    default void closeWaitsBoundedForAHandlerThatNeverFinishes() {
        Herald own = open(transportBuilder().channelPrefix(prefix()).errorHandler(errors())
                .shutdownTimeout(Duration.ofMillis(200)));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        own.subscribe("stuck", Order.class, m -> {
            started.countDown();
            never.await();
        });
        own.publish("stuck", Order.sample(1));
        await().atMost(WAIT).until(() -> started.getCount() == 0);

        assertTimeoutPreemptively(WAIT, own::close, "close() must not wait for ever");
        assertNoHeraldOrLettuceThreads();
    }

    @Test
    default void closeIsIdempotentAndUnsubscribesOnTheServer() {
        Herald own = open(transportBuilder().channelPrefix(prefix()));
        own.subscribe("bye", Order.class, m -> { });
        assertEquals(1, serverSubscribers(own, full("bye")));
        own.close();
        own.close();
        assertEquals(0, serverSubscribers(own, full("bye")));
    }

    /** Waits until no thread of a closed Herald or of Lettuce is alive, other Heralds of this test aside. */
    default void assertNoHeraldOrLettuceThreads() {
        // other Heralds opened by this test are still running; close them first so that only leaks remain
        closeEveryHerald();
        await().atMost(WAIT).untilAsserted(() -> {
            List<String> alive = Thread.getAllStackTraces().keySet().stream()
                    .filter(Thread::isAlive)
                    .map(Thread::getName)
                    .filter(n -> n.startsWith("herald-") || n.startsWith("lettuce-"))
                    .toList();
            assertEquals(List.of(), alive, "threads that outlived close()");
        });
    }
}
