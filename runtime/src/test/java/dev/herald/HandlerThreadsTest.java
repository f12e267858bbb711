package dev.herald;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Handler threads are bounded and shared fairly: blocking handlers hold at most {@code handlerThreads}
 * threads, the subscriptions that wait for one are reported by name, a busy subscription gives its thread
 * up between batches, a thread that cannot be started is reported and retried, and shutdown names the
 * handlers it gave up on. On Redis, since that is where a failure could escape onto Lettuce's event loop.
 */
@ExtendWith(RedisServerExtension.class)
class HandlerThreadsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final RedisServer redis;
    private final String prefix = "pool-" + UUID.randomUUID() + ":";
    private final List<Herald> opened = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<HeraldError> errors = new CopyOnWriteArrayList<>();

    HandlerThreadsTest(RedisServer redis) {
        this.redis = redis;
    }

    private Herald open(HeraldBuilder builder) {
        Herald herald = builder.redis(redis.uri()).channelPrefix(prefix).errorHandler(errors::add).build();
        opened.add(herald);
        return herald;
    }

    @AfterEach
    void closeEverything() {
        release.countDown();
        opened.forEach(Herald::close);
    }

    private List<HeraldError> saturated() {
        return errors.stream().filter(e -> e.kind() == HeraldError.Kind.SATURATED).toList();
    }

    /** The live threads whose name starts with the given one, such as {@code herald-3-handler-}. */
    private static long liveThreads(String namePrefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith(namePrefix))
                .count();
    }

    private static String handlerThreadPrefix(String threadName) {
        return threadName.substring(0, threadName.indexOf("-handler-") + "-handler-".length());
    }

    @Test
    void aThousandBlockedHandlersHoldNoMoreThreadsThanTheBoundAndAreReportedByName() {
        int subscriptions = 1_000;
        int messages = 2;
        int bound = 8;
        Herald herald = open(Herald.builder().handlerThreads(bound).virtualThreads(false));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        Map<Integer, List<Integer>> received = new ConcurrentHashMap<>();
        Map<String, Boolean> threadNames = new ConcurrentHashMap<>();
        for (int i = 0; i < subscriptions; i++) {
            int subscription = i;
            herald.subscribe("block:" + i, Integer.class, n -> {
                mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                threadNames.put(Thread.currentThread().getName(), Boolean.TRUE);
                try {
                    release.await();
                    received.computeIfAbsent(subscription, k -> new CopyOnWriteArrayList<>()).add(n);
                } finally {
                    inside.decrementAndGet();
                }
            });
        }
        for (int m = 0; m < messages; m++) {
            for (int i = 0; i < subscriptions; i++) {
                herald.publish("block:" + i, m);
            }
        }

        await().atMost(WAIT).until(() -> inside.get() == bound);
        await().atMost(WAIT).until(() -> !saturated().isEmpty());
        String threads = handlerThreadPrefix(threadNames.keySet().iterator().next());
        assertTrue(liveThreads(threads) <= bound, liveThreads(threads) + " handler threads for a bound of " + bound);

        HeraldError report = saturated().get(0);
        String text = report.cause().getMessage();
        assertTrue(report.channel().startsWith(prefix + "block:"), report.channel());
        assertTrue(text.contains(bound + " handler(s) running (at most " + bound + ")"), text);
        assertTrue(text.matches("(?s).*Running longest: '" + prefix + "block:\\d+' for \\d+ ms on " + threads + "\\d+.*"), text);
        assertTrue(text.matches("(?s).*Waiting: '" + prefix + "block:\\d+'.*and \\d+ more.*"), text);

        release.countDown();
        await().atMost(WAIT).until(() -> received.values().stream().mapToInt(List::size).sum() == subscriptions * messages);
        for (int i = 0; i < subscriptions; i++) {
            assertEquals(List.of(0, 1), received.get(i), "subscription block:" + i);
        }
        assertTrue(mostInside.get() <= bound, mostInside.get() + " handlers ran at once for a bound of " + bound);
        assertTrue(threadNames.size() <= bound, "handler threads used: " + threadNames.keySet());
        assertTrue(liveThreads(threads) <= bound);
    }

    @Test
    void aBusySubscriptionGivesItsThreadToTheOthersBetweenBatches() {
        Herald herald = open(Herald.builder().handlerThreads(1).virtualThreads(false));
        CountDownLatch firstStarted = new CountDownLatch(1);
        List<Integer> flooded = new CopyOnWriteArrayList<>();
        Subscription flood = herald.subscribe("flood", Integer.class, n -> {
            if (n == 0) {
                firstStarted.countDown();
                release.await();
            }
            flooded.add(n);
        });
        int floodMessages = 5_000;
        for (int n = 0; n < floodMessages; n++) {
            herald.publish("flood", n);
        }
        await().atMost(WAIT).until(() -> flood.buffered() == floodMessages - 1);

        int others = 50;
        Map<Integer, Integer> floodLeftWhenHandled = new ConcurrentHashMap<>();
        List<Subscription> otherSubscriptions = new ArrayList<>();
        for (int i = 0; i < others; i++) {
            int other = i;
            otherSubscriptions.add(herald.subscribe("other:" + i, Integer.class,
                    n -> floodLeftWhenHandled.put(other, flood.buffered())));
            herald.publish("other:" + i, i);
        }
        // every other subscription holds its message and waits for the one thread
        await().atMost(WAIT).until(() -> otherSubscriptions.stream().allMatch(s -> s.buffered() == 1));

        release.countDown();
        await().atMost(WAIT).until(() -> floodLeftWhenHandled.size() == others);
        for (Map.Entry<Integer, Integer> handled : floodLeftWhenHandled.entrySet()) {
            assertTrue(handled.getValue() > 0, "other:" + handled.getKey()
                    + " was handled only when the flooded subscription had nothing left");
        }
        await().atMost(WAIT).until(() -> flooded.size() == floodMessages);
        for (int n = 0; n < floodMessages; n++) {
            assertEquals(n, flooded.get(n));
        }
    }

    @Test
    void aSubscriptionWhoseHandlerOutlastsABatchsTimeGivesItsThreadUpAfterEachMessage() {
        Herald herald = open(Herald.builder().handlerThreads(1).virtualThreads(false));
        Semaphore proceed = new Semaphore(0);
        AtomicLong firstStarted = new AtomicLong();
        List<String> handled = new CopyOnWriteArrayList<>();
        Subscription slow = herald.subscribe("slow", Integer.class, n -> {
            firstStarted.compareAndSet(0, System.nanoTime());
            proceed.acquire();
            handled.add("slow " + n);
        });
        for (int n = 0; n < 3; n++) {
            herald.publish("slow", n);
        }
        await().atMost(WAIT).until(() -> slow.buffered() == 2); // the first holds the one thread
        Subscription other = herald.subscribe("other", Integer.class, n -> handled.add("other"));
        herald.publish("other", 0);
        await().atMost(WAIT).until(() -> other.buffered() == 1);
        // the first message has taken longer than a drain's time (2 ms): its drain must end after it, though
        // two more are buffered and a drain handles up to 64
        await().atMost(WAIT).until(() -> System.nanoTime() - firstStarted.get() > TimeUnit.MILLISECONDS.toNanos(3));

        proceed.release(3);
        await().atMost(WAIT).until(() -> handled.size() == 4);
        assertEquals(List.of("slow 0", "other", "slow 1", "slow 2"), handled);
    }

    @Test
    void aHandlerThreadThatCannotStartIsReportedAndTheSubscriptionRecovers() {
        List<Throwable> failures = List.of(
                new OutOfMemoryError("unable to create native thread: possibly out of memory (injected)"),
                new RejectedExecutionException("no thread for you (injected)"),
                new OutOfMemoryError("unable to create native thread: possibly out of memory (injected)"));
        AtomicInteger attempts = new AtomicInteger();
        ThreadFactory failing = task -> {
            int attempt = attempts.getAndIncrement();
            if (attempt < failures.size()) {
                Throwable failure = failures.get(attempt);
                if (failure instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) failure;
            }
            return new Thread(task);
        };
        Herald herald = open(Herald.builder().handlerThreads(4).virtualThreads(false).handlerThreadFactory(failing));
        List<Integer> received = new CopyOnWriteArrayList<>();
        AtomicReference<Thread> handlerThread = new AtomicReference<>();
        Subscription fragile = herald.subscribe("fragile", Integer.class, n -> {
            handlerThread.set(Thread.currentThread());
            received.add(n);
        });
        for (int n = 0; n < 5; n++) {
            // on Lettuce's event loop the failure would surface nowhere but in the error handler
            assertEquals(1L, herald.publish("fragile", n).toCompletableFuture().join());
        }

        await().atMost(WAIT).until(() -> received.size() == 5);
        assertEquals(List.of(0, 1, 2, 3, 4), received);
        assertTrue(attempts.get() > failures.size(), "started a thread after the failures");
        await().atMost(WAIT).until(() -> !saturated().isEmpty());
        HeraldError report = saturated().get(0);
        assertEquals(prefix + "fragile", report.channel());
        assertTrue(report.cause().getMessage().contains("could not start a handler thread"), report.cause().getMessage());
        assertInstanceOf(OutOfMemoryError.class, report.cause().getCause());
        assertTrue(handlerThread.get().getName().startsWith("herald-"), handlerThread.get().getName());
        assertTrue(handlerThread.get().isDaemon());

        // nothing was left stuck: the next messages are handled as usual
        for (int n = 5; n < 10; n++) {
            herald.publish("fragile", n);
        }
        await().atMost(WAIT).until(() -> received.size() == 10);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), received);
        assertTrue(fragile.isActive());
        assertEquals(0, fragile.dropped());
    }

    @Test
    void shutdownNamesTheHandlerThatIgnoredTheInterruptAndItsThreadIsADaemon() {
        Herald herald = open(Herald.builder());
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger interrupts = new AtomicInteger();
        AtomicReference<Thread> handlerThread = new AtomicReference<>();
        herald.subscribe("stubborn", Integer.class, n -> {
            handlerThread.set(Thread.currentThread());
            started.countDown();
            while (!stop.get()) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    interrupts.incrementAndGet(); // and carry on regardless
                }
            }
        });
        herald.publish("stubborn", 1);
        await().atMost(WAIT).until(() -> started.getCount() == 0);

        ShutdownReport report = herald.shutdown(Duration.ofMillis(200));
        try {
            assertTrue(report.handlersInterrupted());
            assertEquals(1, interrupts.get());
            Thread thread = handlerThread.get();
            assertEquals(List.of("'" + prefix + "stubborn' on " + thread.getName()), report.stillRunning());
            assertTrue(thread.isAlive(), "the handler outlived shutdown, as the report says");
            assertTrue(thread.isDaemon(), "it does not keep the JVM alive");
        } finally {
            stop.set(true);
            release.countDown();
        }
        await().atMost(WAIT).until(() -> !handlerThread.get().isAlive());
    }

    @Test
    void aShutdownWhoseHandlersEndedNamesNone() {
        Herald herald = open(Herald.builder());
        List<Integer> received = new CopyOnWriteArrayList<>();
        herald.subscribe("quiet", Integer.class, received::add);
        herald.publish("quiet", 1);
        await().atMost(WAIT).until(() -> received.size() == 1);
        ShutdownReport report = herald.shutdown(Duration.ofSeconds(5));
        assertFalse(report.handlersInterrupted());
        assertEquals(List.of(), report.stillRunning());
        assertEquals(report, new ShutdownReport(report.unhandled(), false, report.took()), "the three-value constructor");
    }

    @Test
    void handlerThreadsMustBePositive() {
        Exception e = assertThrows(IllegalArgumentException.class, () -> Herald.builder().handlerThreads(0));
        assertTrue(e.getMessage().contains("handlerThreads must be at least 1"), e.getMessage());
    }
}
