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

import dev.herald.HeraldError;
import dev.herald.PayloadType;
import dev.herald.TypedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How handlers run: on Herald threads, in order per subscription, concurrently across them, and what a failure does. */
interface HandlingContract extends ContractPart {

    // ------------------------------------------------------------------ threads and ordering

    @Test
    default void handlersRunOnHeraldThreadsNeverOnTheEventLoop() throws Exception {
        BlockingQueue<String> threads = new LinkedBlockingQueue<>();
        herald().subscribe("threads", Order.class, m -> threads.add(Thread.currentThread().getName()));
        for (int i = 0; i < 20; i++) {
            herald().publish("threads", Order.sample(i));
        }
        for (int i = 0; i < 20; i++) {
            String thread = take(threads);
            assertTrue(thread.startsWith("herald-"), "handler ran on " + thread);
        }
    }

    @Test
    default void eachSubscriptionGetsItsMessagesInOrderOneAtATime() {
        int count = 2_000;
        List<Integer> seen = new CopyOnWriteArrayList<>();
        AtomicInteger inside = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();
        herald().subscribe("seq", Integer.class, n -> {
            if (inside.incrementAndGet() > 1) {
                overlapped.set(true);
            }
            seen.add(n);
            inside.decrementAndGet();
        });
        TypedChannel<Integer> channel = herald().channel("seq", PayloadType.of(Integer.class));
        for (int i = 0; i < count; i++) {
            channel.send(i);
        }
        await().atMost(WAIT).until(() -> seen.size() == count);
        for (int i = 0; i < count; i++) {
            assertEquals(i, seen.get(i), "message " + i + " out of order");
        }
        assertFalse(overlapped.get(), "a subscription's handler ran twice at once");
    }

    @Test
    default void differentSubscriptionsRunConcurrently() throws Exception {
        CountDownLatch otherReceived = new CountDownLatch(1);
        CountDownLatch slowStarted = new CountDownLatch(1);
        BlockingQueue<Boolean> slowSawOther = new LinkedBlockingQueue<>();
        herald().subscribe("slow", Order.class, m -> {
            slowStarted.countDown();
            // only returns true if the other subscription ran while this one was busy
            slowSawOther.add(otherReceived.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        });
        herald().subscribe("fast", Order.class, m -> otherReceived.countDown());

        herald().publish("slow", Order.sample(1));
        assertTrue(slowStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        herald().publish("fast", Order.sample(2));

        assertTrue(take(slowSawOther), "the fast subscription waited for the slow one");
    }

    @Test
    default void publishNeverWaitsForHandlers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger handled = new AtomicInteger();
        herald().subscribe("blocked", Order.class, m -> {
            started.countDown();
            release.await();
            handled.incrementAndGet();
        });
        herald().publish("blocked", Order.sample(0));
        assertTrue(started.await(WAIT.toSeconds(), TimeUnit.SECONDS));

        // the handler is stuck; if publishing waited on it, this would deadlock
        List<CompletionStage<Long>> stages = assertTimeoutPreemptively(WAIT, () -> {
            List<CompletionStage<Long>> all = new ArrayList<>();
            for (int i = 1; i <= 200; i++) {
                all.add(herald().publish("blocked", Order.sample(i)));
            }
            return all;
        });
        for (CompletionStage<Long> stage : stages) {
            assertEquals(1, done(stage));
        }
        release.countDown();
        await().atMost(WAIT).until(() -> handled.get() == 201);
    }

    // ------------------------------------------------------------------ failures

    @Test
    default void throwingHandlerIsReportedAndEveryoneKeepsReceiving() throws Exception {
        BlockingQueue<Order> bystander = new LinkedBlockingQueue<>();
        BlockingQueue<Order> survivor = new LinkedBlockingQueue<>();
        herald().subscribe("fragile", Order.class, m -> {
            if (m.orderId().equals("o-1")) {
                throw new IllegalStateException("boom on o-1");
            }
            survivor.add(m);
        });
        herald().subscribe("fragile", Order.class, bystander::add);

        herald().publish("fragile", Order.sample(1));
        herald().publish("fragile", Order.sample(2));

        assertEquals(Order.sample(2), take(survivor), "the throwing subscription keeps receiving");
        assertEquals(Order.sample(1), take(bystander), "other handlers of the same message still run");
        assertEquals(Order.sample(2), take(bystander));
        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.HANDLER).size() == 1);
        HeraldError error = errors().ofKind(HeraldError.Kind.HANDLER).get(0);
        assertEquals(full("fragile"), error.channel());
        assertEquals("boom on o-1", error.cause().getMessage());
        assertTrue(error.payloadExcerpt().contains("\"orderId\":\"o-1\""), error.payloadExcerpt());
    }

    @Test
    default void undecodablePayloadIsReportedAndTheSubscriptionLivesOn() throws Exception {
        BlockingQueue<Order> received = new LinkedBlockingQueue<>();
        herald().subscribe("orders", Order.class, received::add);

        publishForeign(herald(), full("orders"), "this is not json");
        publishForeign(herald(), full("orders"), "{\"orderId\": [\"wrong type\"]}");
        herald().publish("orders", Order.sample(3));

        assertEquals(Order.sample(3), take(received));
        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.DECODE).size() == 2);
        HeraldError first = errors().ofKind(HeraldError.Kind.DECODE).get(0);
        assertEquals(full("orders"), first.channel());
        assertEquals("this is not json", first.payloadExcerpt());
    }

    @Test
    default void fireAndForgetPublishFailureGoesToTheErrorHandler() {
        TypedChannel<Unencodable> channel = herald().channel("bad", PayloadType.of(Unencodable.class));
        channel.send(new Unencodable());
        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.PUBLISH).size() == 1);
        assertEquals(full("bad"), errors().ofKind(HeraldError.Kind.PUBLISH).get(0).channel());
    }

    @Test
    default void publishThatCannotEncodeFailsItsStage() {
        CompletionStage<Long> stage = herald().publish("bad", new Unencodable());
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("bad"), e.getCause().getMessage());
    }

    @Test
    default void emptyChannelNameIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> herald().publish("", Order.sample(1)));
        assertThrows(IllegalArgumentException.class, () -> herald().subscribe("", Order.class, m -> { }));
    }

    @Test
    default void aChannelNameWithAGlobCharacterPointsToPsubscribeAndOtherBadNamesDoNot() {
        IllegalArgumentException glob = assertThrows(IllegalArgumentException.class,
                () -> herald().subscribe("orders:*", Order.class, m -> { }));
        assertTrue(glob.getMessage().contains("channel \"orders:*\""), glob.getMessage());
        assertTrue(glob.getMessage().endsWith("; subscribe to patterns with psubscribe()"), glob.getMessage());
        IllegalArgumentException spaced = assertThrows(IllegalArgumentException.class,
                () -> herald().publish("two words", Order.sample(1)));
        assertTrue(spaced.getMessage().contains("channel \"two words\""), spaced.getMessage());
        assertFalse(spaced.getMessage().contains("psubscribe"), spaced.getMessage());
    }

    /** A payload Jackson cannot serialize: its only property throws. */
    public static final class Unencodable {
        /** @return never */
        public String getValue() {
            throw new UnsupportedOperationException("cannot be read");
        }
    }
}
