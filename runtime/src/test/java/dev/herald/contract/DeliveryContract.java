package dev.herald.contract;

import static dev.herald.contract.Waiting.WAIT;
import static dev.herald.contract.Waiting.done;
import static dev.herald.contract.Waiting.take;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.HeraldError;
import dev.herald.OverflowPolicy;
import dev.herald.PayloadType;
import dev.herald.RetryPolicy;
import dev.herald.Subscription;
import dev.herald.SubscriptionOptions;
import dev.herald.SubscriptionOverflowException;
import dev.herald.TypedChannel;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** Retries, per-subscription buffers and payload limits. */
interface DeliveryContract extends ContractPart {

    // ------------------------------------------------------------------ retry

    @Test
    default void aFlakyHandlerIsRetriedWithBackoffAndTheSubscriptionKeepsItsOrder() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        List<Long> attemptTimes = new CopyOnWriteArrayList<>();
        BlockingQueue<String> handled = new LinkedBlockingQueue<>();
        TypedChannel<String> jobs = herald().channel("jobs", PayloadType.of(String.class))
                .withOptions(SubscriptionOptions.builder()
                        .retryPolicy(RetryPolicy.exponential(4, Duration.ofMillis(20)).withJitter(0)).build());
        jobs.subscribe(job -> {
            if (job.equals("flaky")) {
                attemptTimes.add(System.nanoTime());
                if (attempts.incrementAndGet() < 3) {
                    throw new IOException("temporarily down");
                }
            }
            handled.add(job);
        });

        jobs.publish("flaky");
        jobs.publish("next");

        assertEquals("flaky", take(handled), "retried until it succeeded");
        assertEquals("next", take(handled), "the next message waited for the retries: order is kept");
        assertEquals(3, attempts.get());
        assertTrue(attemptTimes.get(1) - attemptTimes.get(0) >= Duration.ofMillis(20).toNanos(), "first backoff");
        assertTrue(attemptTimes.get(2) - attemptTimes.get(1) >= Duration.ofMillis(40).toNanos(), "second backoff doubles");
        assertTrue(errors().errors.isEmpty(), errors().errors.toString());
    }

    @Test
    default void aRetryPolicySetOnTheBuilderAppliesToEverySubscriptionUnlessItsOptionsSayOtherwise() throws Exception {
        Herald retrying = open(transportBuilder().channelPrefix(prefix()).errorHandler(errors())
                .retryPolicy(RetryPolicy.exponential(3, Duration.ofMillis(1))));
        AtomicInteger plainAttempts = new AtomicInteger();
        BlockingQueue<String> handled = new LinkedBlockingQueue<>();
        retrying.subscribe("global", String.class, job -> {
            if (plainAttempts.incrementAndGet() < 3) {
                throw new IOException("temporarily down");
            }
            handled.add(job);
        });
        AtomicInteger overriddenAttempts = new AtomicInteger();
        retrying.channel("override", PayloadType.of(String.class))
                .withOptions(SubscriptionOptions.builder().retryPolicy(RetryPolicy.none()).build())
                .subscribe(job -> {
                    overriddenAttempts.incrementAndGet();
                    throw new IOException("down for good");
                });

        retrying.publish("global", "job");
        retrying.publish("override", "job");

        assertEquals("job", take(handled), "the builder's policy retried a subscription without options");
        assertEquals(3, plainAttempts.get());
        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.HANDLER).size() == 1);
        HeraldError failed = errors().ofKind(HeraldError.Kind.HANDLER).get(0);
        assertEquals(full("override"), failed.channel());
        assertEquals(1, failed.attempts(), "the subscription's own policy (none) won over the builder's");
        assertEquals(1, overriddenAttempts.get());
    }

    @Test
    default void onlyTheFailuresThePolicyNamesAreRetried() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        herald().channel("strict", PayloadType.of(String.class))
                .withOptions(SubscriptionOptions.builder().retryPolicy(RetryPolicy.exponential(5, Duration.ofMillis(1))
                        .retryingOn(e -> e instanceof IOException)).build())
                .subscribe(m -> {
                    attempts.incrementAndGet();
                    throw new IllegalArgumentException("a bug, not an outage");
                });
        herald().publish("strict", "x");
        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.HANDLER).size() == 1);
        assertEquals(1, attempts.get());
    }

    // ------------------------------------------------------------------ per-subscription buffers

    @Test
    default void failPolicyEndsTheSubscriptionLoudlyAndOthersGoOn() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TypedChannel<Integer> strict = herald().channel("strict", PayloadType.of(Integer.class))
                .withOptions(SubscriptionOptions.builder().bufferCapacity(5).overflowPolicy(OverflowPolicy.FAIL).build());
        Subscription s = strict.subscribe(n -> {
            started.countDown();
            release.await();
        });
        BlockingQueue<Integer> relaxed = new LinkedBlockingQueue<>();
        herald().subscribe("strict", Integer.class, relaxed::add); // default buffer: keeps everything

        strict.publish(0);
        assertTrue(started.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        for (int i = 1; i <= 6; i++) {
            strict.publish(i);
        }
        await().atMost(WAIT).until(() -> !s.isActive());
        release.countDown();
        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.OVERFLOW).size() == 1);
        SubscriptionOverflowException overflow = assertInstanceOf(SubscriptionOverflowException.class,
                errors().ofKind(HeraldError.Kind.OVERFLOW).get(0).cause());
        // five buffered and the sixth that did not fit: none of them is handled
        assertEquals(6, overflow.count(), overflow.getMessage());
        assertEquals(6, s.dropped());
        assertEquals(0, s.buffered());
        assertTrue(overflow.getMessage().contains("6 buffered or arriving message(s) were not handled"), overflow.getMessage());
        for (int i = 0; i <= 6; i++) {
            assertEquals(i, take(relaxed), "the other subscription of the channel lost nothing");
        }
        assertEquals(1, serverSubscribers(herald(), full("strict")), "the channel stays subscribed for the other one");
    }

    @Test
    default void perSubscriptionCapacityOverridesTheDefault() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Subscription small = herald().channel("small", PayloadType.of(Integer.class))
                .withOptions(SubscriptionOptions.builder().bufferCapacity(3).build())
                .subscribe(n -> {
                    started.countDown();
                    release.await();
                });
        herald().publish("small", 0);
        assertTrue(started.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        for (int i = 1; i <= 10; i++) {
            herald().publish("small", i);
        }
        await().atMost(WAIT).until(() -> small.dropped() == 7);
        release.countDown();
        assertFalse(errors().ofKind(HeraldError.Kind.OVERFLOW).isEmpty() && small.dropped() == 0);
    }

    @Test
    default void unsubscribingEmptiesTheBufferOfAHandlerStillRunning() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> handled = new CopyOnWriteArrayList<>();
        TypedChannel<Integer> busy = herald().channel("busy", PayloadType.of(Integer.class));
        Subscription s = busy.subscribe(n -> {
            started.countDown();
            release.await();
            handled.add(n);
        });
        busy.publish(0);
        assertTrue(started.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        for (int i = 1; i <= 5; i++) {
            busy.publish(i);
        }
        await().atMost(WAIT).until(() -> s.buffered() == 5);
        try {
            done(s.unsubscribe());
            assertEquals(0, s.buffered(), "the buffered messages are let go");
        } finally {
            release.countDown();
        }
        await().atMost(WAIT).until(() -> handled.size() == 1);
        assertEquals(0, s.buffered());
        assertEquals(List.of(0), handled, "only the running handler finished");
    }

    // ------------------------------------------------------------------ retry, ended early

    @Test
    default void aSubscriptionEndedDuringABackoffIsNotRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        BlockingQueue<Thread> failedOn = new LinkedBlockingQueue<>();
        TypedChannel<Integer> patient = herald().channel("patient", PayloadType.of(Integer.class))
                .withOptions(SubscriptionOptions.builder().retryPolicy(RetryPolicy.exponential(5, Duration.ofMinutes(10))).build());
        Subscription s = patient.subscribe(n -> {
            calls.incrementAndGet();
            failedOn.add(Thread.currentThread());
            throw new IllegalStateException("not now");
        });
        patient.publish(1);
        Thread handlerThread = take(failedOn);
        // the handler thread waits out the backoff before the second attempt
        await().atMost(WAIT).until(() -> handlerThread.getState() == Thread.State.TIMED_WAITING);

        done(s.unsubscribe());

        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.HANDLER).size() == 1);
        HeraldError error = errors().ofKind(HeraldError.Kind.HANDLER).get(0);
        assertEquals(1, error.attempts(), "the backoff ended with the subscription; no second attempt");
        assertEquals("not now", error.cause().getMessage());
        assertEquals(1, calls.get());
    }

    @Test
    default void aHandlerInterruptedIsNotRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        TypedChannel<Integer> interrupted = herald().channel("interrupted", PayloadType.of(Integer.class))
                .withOptions(SubscriptionOptions.builder().retryPolicy(RetryPolicy.exponential(5, Duration.ofMillis(1))).build());
        interrupted.subscribe(n -> {
            calls.incrementAndGet();
            Thread.currentThread().interrupt(); // as a shutdown that stopped waiting for it would
            throw new IllegalStateException("interrupted at " + n);
        });
        interrupted.publish(1);

        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.HANDLER).size() == 1);
        HeraldError error = errors().ofKind(HeraldError.Kind.HANDLER).get(0);
        assertEquals(1, error.attempts(), "an interrupted backoff gives up at once");
        assertEquals(1, calls.get());
        BlockingQueue<Integer> next = new LinkedBlockingQueue<>();
        herald().subscribe("next", Integer.class, next::add);
        herald().publish("next", 2);
        assertEquals(2, take(next), "the interrupt does not reach the other handlers");
    }

    @Test
    default void aHandlerThatThrowsAnErrorHeraldDoesNotHandleDoesNotStallItsSubscription() throws Exception {
        BlockingQueue<Integer> received = new LinkedBlockingQueue<>();
        AtomicInteger thrown = new AtomicInteger();
        TypedChannel<Integer> fatal = herald().channel("fatal", PayloadType.of(Integer.class));
        fatal.subscribe(n -> {
            if (thrown.getAndIncrement() == 0) {
                throw new Error("not an exception, not a LinkageError");
            }
            received.add(n);
        });
        fatal.publish(1);
        await().atMost(WAIT).until(() -> thrown.get() == 1);
        // the first message's error must leave the subscription able to take later ones
        AtomicInteger sent = new AtomicInteger(1);
        await().atMost(WAIT).until(() -> {
            fatal.publish(sent.incrementAndGet());
            return !received.isEmpty();
        });
        assertTrue(received.peek() >= 2, received.toString());
    }

    // ------------------------------------------------------------------ batches

    @Test
    default void aBusySubscriptionHandsTheThreadOverAfterABatch() throws Exception {
        Herald own = open(transportBuilder().channelPrefix(prefix()).errorHandler(errors()).handlerThreads(1));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        Subscription a = own.subscribe("a", Integer.class, n -> {
            if (n == 0) {
                started.countDown();
                release.await();
                // a handler that runs longer than a batch may: 5 ms
                long end = System.nanoTime() + 5_000_000L;
                while (System.nanoTime() < end) {
                    LockSupport.parkNanos(end - System.nanoTime());
                }
            }
            order.add("a");
        });
        Subscription b = own.subscribe("b", Integer.class, n -> order.add("b"));
        TypedChannel<Integer> toA = own.channel("a", PayloadType.of(Integer.class));
        TypedChannel<Integer> toB = own.channel("b", PayloadType.of(Integer.class));
        int each = 300;
        toA.send(0);
        assertTrue(started.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        for (int i = 1; i <= each; i++) {
            toA.send(i);
            toB.send(i);
        }
        await().atMost(WAIT).until(() -> a.buffered() == each && b.buffered() == each);
        release.countDown();
        await().atMost(WAIT).until(() -> order.size() == 2 * each + 1);

        assertEquals(List.of("a", "b"), order.subList(0, 2), "a slow message ends its batch: the waiting subscription is next");
        // while both have messages left, neither keeps the one thread for more than 64 messages in a row
        int longest = 0;
        int run = 0;
        int seenA = 0;
        int seenB = 0;
        String previous = null;
        for (String next : order) {
            if (seenA == each + 1 || seenB == each) {
                break;
            }
            run = next.equals(previous) ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = next;
            seenA += next.equals("a") ? 1 : 0;
            seenB += next.equals("b") ? 1 : 0;
        }
        assertTrue(longest <= 64, "a run of " + longest + " messages while the other subscription waited");
        assertTrue(longest > 1, "a batch is more than one message: " + order.subList(0, 20));
    }

    // ------------------------------------------------------------------ limits

    @Test
    default void payloadsOverTheLimitAreRefusedOnBothSides() throws Exception {
        Herald limited = open(transportBuilder().channelPrefix(prefix()).errorHandler(errors()).maxPayloadBytes(64));
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        limited.subscribe("big", String.class, received::add);

        Exception tooBig = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> done(limited.publish("big", "x".repeat(100))));
        assertTrue(tooBig.getCause().getMessage().contains("maxPayloadBytes"), tooBig.getCause().getMessage());

        publishForeign(limited, full("big"), "\"" + "y".repeat(100) + "\"");
        limited.publish("big", "small");
        assertEquals("small", take(received));
        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.DECODE).size() == 1);
        assertTrue(errors().ofKind(HeraldError.Kind.DECODE).get(0).cause().getMessage().contains("maxPayloadBytes"));
    }

    @Test
    default void aPayloadOfExactlyTheLimitIsPublishedAndHandled() throws Exception {
        Herald limited = open(transportBuilder().channelPrefix(prefix()).errorHandler(errors()).maxPayloadBytes(64));
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        limited.subscribe("edge", String.class, received::add);
        String fits = "x".repeat(62); // 64 bytes of JSON with its quotes

        assertEquals(1, done(limited.publish("edge", fits)));
        assertEquals(fits, take(received));
        publishForeign(limited, full("edge"), "\"" + "y".repeat(62) + "\"");
        assertEquals("y".repeat(62), take(received));
        assertEquals(List.of(), errors().errors);
    }

    // ------------------------------------------------------------------ one decode per message

    /** A payload of immutable values only. */
    record Price(String sku, BigDecimal amount, Instant at) {
    }

    @Test
    default void subscriptionsOfAChannelShareOneDecodedRecordOfImmutableValues() throws Exception {
        Price first = new Price("sku-1", new BigDecimal("9.99"), Instant.parse("2026-12-01T10:00:00Z"));
        Price second = new Price("sku-2", new BigDecimal("19.99"), Instant.parse("2026-12-01T10:00:01Z"));
        List<Price> slow = decodedByASecondSubscriptionAfterTheFirst("prices", PayloadType.of(Price.class), first, second,
                (fast, late) -> org.junit.jupiter.api.Assertions.assertSame(fast, late,
                        "the value the first subscription decoded"));
        assertEquals(List.of(first, second), slow);
    }

    @Test
    default void eachSubscriptionOfAChannelGetsItsOwnCopyOfAPayloadThatCanChange() throws Exception {
        // Order holds a List: a handler could change what it was given, so no other subscription may see it
        List<Order> slow = decodedByASecondSubscriptionAfterTheFirst("orders", PayloadType.of(Order.class),
                Order.sample(1), Order.sample(2),
                (fast, late) -> org.junit.jupiter.api.Assertions.assertNotSame(fast, late, "a copy of its own"));
        assertEquals(List.of(Order.sample(1), Order.sample(2)), slow);
    }

    /**
     * Publishes two messages to two subscriptions of one channel, the second held in its first handler call until
     * the first subscription handled both: the second message is decoded by the first subscription before the
     * second one takes it.
     *
     * @param sameOrNot checks the second message as each subscription received it
     * @return what the held subscription received
     */
    private <T> List<T> decodedByASecondSubscriptionAfterTheFirst(String channel, PayloadType<T> type, T first, T second,
            java.util.function.BiConsumer<T, T> sameOrNot) throws Exception {
        TypedChannel<T> typed = herald().channel(channel, type);
        BlockingQueue<T> fast = new LinkedBlockingQueue<>();
        BlockingQueue<T> held = new LinkedBlockingQueue<>();
        CountDownLatch release = new CountDownLatch(1);
        typed.subscribe(fast::add);
        typed.subscribe(message -> {
            release.await();
            held.add(message);
        });
        typed.publish(first);
        typed.publish(second);
        assertEquals(first, take(fast));
        T fastSecond = take(fast);
        assertEquals(second, fastSecond);
        release.countDown();
        T heldFirst = take(held);
        T heldSecond = take(held);
        sameOrNot.accept(fastSecond, heldSecond);
        assertEquals(List.of(), errors().errors);
        return List.of(heldFirst, heldSecond);
    }
}
