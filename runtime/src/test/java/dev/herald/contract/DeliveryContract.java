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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
        assertInstanceOf(SubscriptionOverflowException.class, errors().ofKind(HeraldError.Kind.OVERFLOW).get(0).cause());
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
}
