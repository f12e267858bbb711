package dev.herald.contract;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.HeraldError;
import dev.herald.MessageHandler;
import dev.herald.OverflowPolicy;
import dev.herald.PayloadType;
import dev.herald.PublishFailedException;
import dev.herald.ShutdownReport;
import dev.herald.Subscription;
import dev.herald.SubscriptionOverflowException;
import dev.herald.TemplateChannel;
import dev.herald.TypedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The semantics of DESIGN.md, run against every transport: a subclass says how to build a Herald on its
 * transport and how to ask the server how many subscribers a channel has.
 */
public abstract class HeraldContract {

    /** Generous bound for waits; tests finish far sooner unless something is broken. */
    protected static final Duration WAIT = Duration.ofSeconds(20);

    protected final RecordingErrors errors = new RecordingErrors();
    protected final List<Herald> opened = new ArrayList<>();
    /** A prefix per test, so tests never see each other's channels, even on a shared server. */
    protected String prefix;
    protected Herald herald;

    /** @return a builder on this transport (Redis URI set, or nothing for in memory) */
    protected abstract HeraldBuilder transportBuilder();

    /** @return how many clients the server counts as subscribed to the full channel name */
    protected abstract long serverSubscribers(Herald herald, String fullChannel);

    /** Publishes bytes the way a foreign client would, bypassing Herald's codecs. */
    protected abstract long publishForeign(Herald herald, String fullChannel, String payload);

    @BeforeEach
    void openHerald() {
        prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + ":";
        herald = open(transportBuilder().channelPrefix(prefix).errorHandler(errors));
    }

    @AfterEach
    void closeHeralds() {
        opened.forEach(Herald::close);
    }

    protected Herald open(HeraldBuilder builder) {
        Herald h = builder.build();
        opened.add(h);
        return h;
    }

    protected String full(String channel) {
        return prefix + channel;
    }

    private static <T> T done(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("stage did not complete: " + e, e);
        }
    }

    private static <T> T take(BlockingQueue<T> queue) throws InterruptedException {
        T value = queue.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (value == null) {
            throw new AssertionError("nothing received within " + WAIT);
        }
        return value;
    }

    // ------------------------------------------------------------------ bulk subscriptions (issue 17.9)

    @Test
    void tenThousandChannelsSubscribedAtOnceAreAllAcknowledgedAndReceive() throws Exception {
        AtomicInteger received = new AtomicInteger();
        MessageHandler<String> count = m -> received.incrementAndGet();
        Map<String, MessageHandler<String>> handlers = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 10_000; i++) {
            handlers.put("bulk:" + i, count);
        }
        Subscription all = herald.subscribeAll(handlers, String.class);

        dev.herald.Health health = herald.health().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(10_000, health.expectedChannels());
        assertEquals(10_000, health.serverChannels(), "the server holds every channel once subscribeAll returned");
        assertTrue(health.healthy(), "every channel subscribed on the server");
        assertEquals(1, serverSubscribers(herald, full("bulk:0")));
        assertEquals(1, serverSubscribers(herald, full("bulk:9999")));
        for (int i = 0; i < 10_000; i++) {
            herald.publish("bulk:" + i, "m" + i);
        }
        await().atMost(WAIT).until(() -> received.get() == 10_000);

        all.unsubscribe().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(0, serverSubscribers(herald, full("bulk:0")));
        assertEquals(0, herald.health().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS).serverChannels());
    }

    @Test
    void aBulkSubscribeWithOneBadChannelNameSubscribesNothing() throws Exception {
        Map<String, MessageHandler<String>> handlers = new java.util.LinkedHashMap<>();
        handlers.put("fine", m -> { });
        handlers.put("bad*", m -> { });
        assertThrows(IllegalArgumentException.class, () -> herald.subscribeAll(handlers, String.class));
        assertEquals(0, serverSubscribers(herald, full("fine")));
        assertEquals(0, herald.health().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS).expectedChannels());
    }

    // ------------------------------------------------------------------ basics

    @Test
    void sendAsyncCompletesWithoutAValueOnceAcceptedAndFailsWhenItCannotBe() throws Exception {
        BlockingQueue<Order> received = new LinkedBlockingQueue<>();
        herald.subscribe("orders", Order.class, received::add);
        herald.subscribe("user:u-1:orders", Order.class, received::add);
        TypedChannel<Order> orders = herald.channel("orders", PayloadType.of(Order.class));
        TemplateChannel<Order> userOrders = herald.template("user:{userId}:orders", PayloadType.of(Order.class));

        assertNull(orders.sendAsync(Order.sample(1)).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(Order.sample(1), take(received));
        assertNull(userOrders.sendAsync(Order.sample(2), "u-1").toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(Order.sample(2), take(received));
        assertThrows(IllegalArgumentException.class, () -> userOrders.sendAsync(Order.sample(3), "u-*"));

        Herald limited = open(transportBuilder().channelPrefix(prefix).errorHandler(errors).maxPayloadBytes(64));
        TypedChannel<String> small = limited.channel("small", PayloadType.of(String.class));
        ExecutionException tooBig = assertThrows(ExecutionException.class,
                () -> small.sendAsync("x".repeat(100)).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(tooBig.getCause().getMessage().contains("maxPayloadBytes"), tooBig.getCause().getMessage());
        limited.close();
        ExecutionException closed = assertThrows(ExecutionException.class,
                () -> small.sendAsync("late").toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertInstanceOf(PublishFailedException.class, closed.getCause());
        assertTrue(errors.errors.isEmpty(), "a stage's failure is the caller's, not the error handler's: " + errors.errors);
    }

    @Test
    void typedMessageRoundTrips() throws Exception {
        BlockingQueue<Order> received = new LinkedBlockingQueue<>();
        herald.subscribe("order:created", Order.class, received::add);

        long receivers = done(herald.publish("order:created", Order.sample(1)));

        assertEquals(1, receivers, "one Herald subscribed counts as one Redis client");
        assertEquals(Order.sample(1), take(received));
    }

    @Test
    void genericPayloadRoundTrips() throws Exception {
        PayloadType<List<Order.Item>> items = new PayloadType<>() { };
        TypedChannel<List<Order.Item>> channel = herald.channel("order:items", items);
        BlockingQueue<List<Order.Item>> received = new LinkedBlockingQueue<>();
        channel.subscribe(received::add);

        done(channel.publish(List.of(new Order.Item("a", 1), new Order.Item("b", 2))));

        List<Order.Item> got = take(received);
        assertEquals(List.of(new Order.Item("a", 1), new Order.Item("b", 2)), got);
        assertInstanceOf(Order.Item.class, got.get(0), "elements decode to the declared type, not maps");
    }

    @Test
    void publishWithoutSubscriberReachesNobody() {
        assertEquals(0, done(herald.publish("nobody:listens", Order.sample(1))));
    }

    @Test
    void foreignJsonWithUnknownFieldsAndIsoDatesDecodes() throws Exception {
        BlockingQueue<Order> received = new LinkedBlockingQueue<>();
        herald.subscribe("order:created", Order.class, received::add);

        publishForeign(herald, full("order:created"), "{\"orderId\":\"o-9\",\"userId\":\"u-1\",\"items\":[],"
                + "\"total\":99.99,\"timestamp\":\"2026-11-29T10:15:30Z\",\"addedLater\":{\"x\":1}}");

        Order order = take(received);
        assertEquals("o-9", order.orderId());
        assertEquals(Order.sample(1).timestamp(), order.timestamp());
    }

    // ------------------------------------------------------------------ shared SUBSCRIBE, real UNSUBSCRIBE

    @Test
    void subscriptionsToOneChannelShareOneServerSubscription() {
        String channel = full("shared");
        Subscription first = herald.subscribe("shared", Order.class, m -> { });
        Subscription second = herald.subscribe("shared", Order.class, m -> { });
        assertEquals(1, serverSubscribers(herald, channel));

        done(first.unsubscribe());
        assertEquals(1, serverSubscribers(herald, channel), "the second subscription still needs the channel");

        done(second.unsubscribe());
        assertEquals(0, serverSubscribers(herald, channel), "the last unsubscribe sends UNSUBSCRIBE");
        assertFalse(first.isActive());
        assertFalse(second.isActive());
    }

    @Test
    void unsubscribeChannelEndsEveryHandlerAndUnsubscribesOnTheServer() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Subscription a = herald.subscribe("news", Order.class, m -> calls.incrementAndGet());
        Subscription b = herald.subscribe("news", Order.class, m -> calls.incrementAndGet());

        done(herald.unsubscribe("news"));

        assertEquals(0, serverSubscribers(herald, full("news")));
        assertFalse(a.isActive());
        assertFalse(b.isActive());
        assertEquals(0, done(herald.publish("news", Order.sample(1))), "nobody is subscribed any more");
        // a subscription made now must see its message, and the ended ones must not
        BlockingQueue<Order> later = new LinkedBlockingQueue<>();
        herald.subscribe("news", Order.class, later::add);
        done(herald.publish("news", Order.sample(2)));
        assertEquals(Order.sample(2), take(later));
        assertEquals(0, calls.get());
    }

    @Test
    void unsubscribeHandlerEndsOnlyThatHandler() throws Exception {
        BlockingQueue<Order> kept = new LinkedBlockingQueue<>();
        List<Order> removed = new CopyOnWriteArrayList<>();
        MessageHandler<Order> removedHandler = removed::add;
        herald.subscribe("news", Order.class, removedHandler);
        herald.subscribe("news", Order.class, kept::add);

        done(herald.unsubscribe("news", removedHandler));
        assertEquals(1, serverSubscribers(herald, full("news")));
        done(herald.publish("news", Order.sample(1)));

        assertEquals(Order.sample(1), take(kept));
        assertTrue(removed.isEmpty());
    }

    @Test
    void subscribeReturnsOnlyOnceTheServerAcknowledged() throws Exception {
        for (int i = 0; i < 25; i++) {
            BlockingQueue<Order> received = new LinkedBlockingQueue<>();
            herald.subscribe("ack:" + i, Order.class, received::add);
            // no waiting between subscribe and publish: the acknowledgement is what makes this safe
            assertEquals(1, done(herald.publish("ack:" + i, Order.sample(i))), "channel ack:" + i);
            assertEquals(Order.sample(i), take(received));
        }
    }

    // ------------------------------------------------------------------ threads and ordering

    @Test
    void handlersRunOnHeraldThreadsNeverOnTheEventLoop() throws Exception {
        BlockingQueue<String> threads = new LinkedBlockingQueue<>();
        herald.subscribe("threads", Order.class, m -> threads.add(Thread.currentThread().getName()));
        for (int i = 0; i < 20; i++) {
            herald.publish("threads", Order.sample(i));
        }
        for (int i = 0; i < 20; i++) {
            String thread = take(threads);
            assertTrue(thread.startsWith("herald-"), "handler ran on " + thread);
        }
    }

    @Test
    void eachSubscriptionGetsItsMessagesInOrderOneAtATime() {
        int count = 2_000;
        List<Integer> seen = new CopyOnWriteArrayList<>();
        AtomicInteger inside = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();
        herald.subscribe("seq", Integer.class, n -> {
            if (inside.incrementAndGet() > 1) {
                overlapped.set(true);
            }
            seen.add(n);
            inside.decrementAndGet();
        });
        TypedChannel<Integer> channel = herald.channel("seq", PayloadType.of(Integer.class));
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
    void differentSubscriptionsRunConcurrently() throws Exception {
        CountDownLatch otherReceived = new CountDownLatch(1);
        CountDownLatch slowStarted = new CountDownLatch(1);
        BlockingQueue<Boolean> slowSawOther = new LinkedBlockingQueue<>();
        herald.subscribe("slow", Order.class, m -> {
            slowStarted.countDown();
            // only returns true if the other subscription ran while this one was busy
            slowSawOther.add(otherReceived.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        });
        herald.subscribe("fast", Order.class, m -> otherReceived.countDown());

        herald.publish("slow", Order.sample(1));
        assertTrue(slowStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        herald.publish("fast", Order.sample(2));

        assertTrue(take(slowSawOther), "the fast subscription waited for the slow one");
    }

    @Test
    void publishNeverWaitsForHandlers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger handled = new AtomicInteger();
        herald.subscribe("blocked", Order.class, m -> {
            started.countDown();
            release.await();
            handled.incrementAndGet();
        });
        herald.publish("blocked", Order.sample(0));
        assertTrue(started.await(WAIT.toSeconds(), TimeUnit.SECONDS));

        // the handler is stuck; if publishing waited on it, this would deadlock
        List<CompletionStage<Long>> stages = assertTimeoutPreemptively(WAIT, () -> {
            List<CompletionStage<Long>> all = new ArrayList<>();
            for (int i = 1; i <= 200; i++) {
                all.add(herald.publish("blocked", Order.sample(i)));
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
    void throwingHandlerIsReportedAndEveryoneKeepsReceiving() throws Exception {
        BlockingQueue<Order> bystander = new LinkedBlockingQueue<>();
        BlockingQueue<Order> survivor = new LinkedBlockingQueue<>();
        herald.subscribe("fragile", Order.class, m -> {
            if (m.orderId().equals("o-1")) {
                throw new IllegalStateException("boom on o-1");
            }
            survivor.add(m);
        });
        herald.subscribe("fragile", Order.class, bystander::add);

        herald.publish("fragile", Order.sample(1));
        herald.publish("fragile", Order.sample(2));

        assertEquals(Order.sample(2), take(survivor), "the throwing subscription keeps receiving");
        assertEquals(Order.sample(1), take(bystander), "other handlers of the same message still run");
        assertEquals(Order.sample(2), take(bystander));
        await().atMost(WAIT).until(() -> errors.ofKind(HeraldError.Kind.HANDLER).size() == 1);
        HeraldError error = errors.ofKind(HeraldError.Kind.HANDLER).get(0);
        assertEquals(full("fragile"), error.channel());
        assertEquals("boom on o-1", error.cause().getMessage());
        assertTrue(error.payloadExcerpt().contains("\"orderId\":\"o-1\""), error.payloadExcerpt());
    }

    @Test
    void undecodablePayloadIsReportedAndTheSubscriptionLivesOn() throws Exception {
        BlockingQueue<Order> received = new LinkedBlockingQueue<>();
        herald.subscribe("orders", Order.class, received::add);

        publishForeign(herald, full("orders"), "this is not json");
        publishForeign(herald, full("orders"), "{\"orderId\": [\"wrong type\"]}");
        herald.publish("orders", Order.sample(3));

        assertEquals(Order.sample(3), take(received));
        await().atMost(WAIT).until(() -> errors.ofKind(HeraldError.Kind.DECODE).size() == 2);
        HeraldError first = errors.ofKind(HeraldError.Kind.DECODE).get(0);
        assertEquals(full("orders"), first.channel());
        assertEquals("this is not json", first.payloadExcerpt());
    }

    @Test
    void fireAndForgetPublishFailureGoesToTheErrorHandler() {
        TypedChannel<Unencodable> channel = herald.channel("bad", PayloadType.of(Unencodable.class));
        channel.send(new Unencodable());
        await().atMost(WAIT).until(() -> errors.ofKind(HeraldError.Kind.PUBLISH).size() == 1);
        assertEquals(full("bad"), errors.ofKind(HeraldError.Kind.PUBLISH).get(0).channel());
    }

    @Test
    void publishThatCannotEncodeFailsItsStage() {
        CompletionStage<Long> stage = herald.publish("bad", new Unencodable());
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("bad"), e.getCause().getMessage());
    }

    @Test
    void emptyChannelNameIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> herald.publish("", Order.sample(1)));
        assertThrows(IllegalArgumentException.class, () -> herald.subscribe("", Order.class, m -> { }));
    }

    /** A payload Jackson cannot serialize: its only property throws. */
    public static final class Unencodable {
        /** @return never */
        public String getValue() {
            throw new UnsupportedOperationException("cannot be read");
        }
    }

    // ------------------------------------------------------------------ bounded buffers

    @Test
    void aFullBufferDropsTheNewestCountsAndReports() throws Exception {
        List<Integer> received = overflow(OverflowPolicy.DROP_NEWEST);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), received, "the in-flight message and the first ten");
    }

    @Test
    void aFullBufferCanDropTheOldestInstead() throws Exception {
        List<Integer> received = overflow(OverflowPolicy.DROP_OLDEST);
        assertEquals(List.of(0, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100), received, "the in-flight message and the last ten");
    }

    @Test
    void overflowIsReportedAtMostOnceASecondWithTheCounts() throws Exception {
        Herald own = open(transportBuilder().channelPrefix(prefix).errorHandler(errors).bufferCapacity(1));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Subscription slow = own.subscribe("flood", Integer.class, n -> {
            started.countDown();
            release.await();
        });
        TypedChannel<Integer> flood = own.channel("flood", PayloadType.of(Integer.class));
        flood.send(0);
        assertTrue(started.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        int sent = 5_000;
        long start = System.nanoTime();
        for (int i = 1; i <= sent; i++) {
            flood.send(i);
        }
        await().atMost(WAIT).until(() -> slow.dropped() == sent - 1);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        await().atMost(WAIT).until(() -> !errors.ofKind(HeraldError.Kind.OVERFLOW).isEmpty());
        release.countDown();

        List<HeraldError> reports = errors.ofKind(HeraldError.Kind.OVERFLOW);
        assertTrue(reports.size() <= seconds + 1, reports.size() + " reports of " + (sent - 1) + " drops in about "
                + seconds + " s: the error handler must not hear of every drop");
        String first = reports.get(0).cause().getMessage();
        assertTrue(first.matches(".*dropped \\d+ message\\(s\\), \\d+ in all.*"), first);
        assertEquals(full("flood"), reports.get(0).channel());
    }

    @Test
    void overflowReportCountsAddUpToDroppedWithTheDefaultBuffer() throws Exception {
        Herald own = open(transportBuilder().channelPrefix(prefix).errorHandler(errors));
        assertReportsAddUp(own, 25_000, 15_000); // 10,000 buffered, one in the handler
    }

    @Test
    void overflowReportCountsAddUpToDroppedWithABufferOfTen() throws Exception {
        Herald own = open(transportBuilder().channelPrefix(prefix).errorHandler(errors).bufferCapacity(10));
        assertReportsAddUp(own, 1_010, 1_000);
    }

    /**
     * Blocks a subscription on message 0, floods it with {@code sent} more, and checks that the OVERFLOW reports,
     * the last one coming about a second after the drops stopped, count exactly the dropped messages.
     */
    private void assertReportsAddUp(Herald own, int sent, long drops) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Subscription slow = own.subscribe("flood", Integer.class, n -> {
            started.countDown();
            release.await();
        });
        TypedChannel<Integer> flood = own.channel("flood", PayloadType.of(Integer.class));
        flood.send(0);
        assertTrue(started.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        for (int i = 1; i <= sent; i++) {
            flood.send(i);
        }
        try {
            await().atMost(WAIT).until(() -> slow.dropped() == drops);
            await().atMost(WAIT).until(() -> reportedDrops("flood") == drops);
            List<HeraldError> reports = errors.ofKind(HeraldError.Kind.OVERFLOW);
            assertTrue(reports.stream().allMatch(r -> r.cause() instanceof SubscriptionOverflowException), reports.toString());
            assertEquals(drops, slow.dropped());
        } finally {
            release.countDown();
        }
    }

    /** The sum of the counts of the OVERFLOW reports of one channel. */
    private long reportedDrops(String channel) {
        return errors.ofKind(HeraldError.Kind.OVERFLOW).stream()
                .filter(r -> r.channel().equals(full(channel)) && r.cause() instanceof SubscriptionOverflowException)
                .mapToLong(r -> ((SubscriptionOverflowException) r.cause()).count())
                .sum();
    }

    /** Blocks a subscription on message 0, sends 100 more into a buffer of 10, then lets it go. */
    private List<Integer> overflow(OverflowPolicy policy) throws Exception {
        Herald own = open(transportBuilder().channelPrefix(prefix).errorHandler(errors)
                .bufferCapacity(10).overflowPolicy(policy));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> received = new CopyOnWriteArrayList<>();
        Subscription slow = own.subscribe("flood", Integer.class, n -> {
            started.countDown();
            release.await();
            received.add(n);
        });
        BlockingQueue<Integer> other = new LinkedBlockingQueue<>();
        own.subscribe("other", Integer.class, other::add);
        TypedChannel<Integer> flood = own.channel("flood", PayloadType.of(Integer.class));
        flood.send(0);
        assertTrue(started.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        for (int i = 1; i <= 100; i++) {
            flood.send(i);
        }
        await().atMost(WAIT).until(() -> slow.dropped() == 90);
        own.publish("other", 7);
        assertEquals(7, take(other), "a full subscription does not stall the others");
        await().atMost(WAIT).until(() -> !errors.ofKind(HeraldError.Kind.OVERFLOW).isEmpty());
        assertTrue(errors.ofKind(HeraldError.Kind.OVERFLOW).get(0).cause().getMessage().contains("dropped"));
        release.countDown();
        await().atMost(WAIT).until(() -> received.size() == 11);
        assertEquals(90, slow.dropped());
        return received;
    }

    // ------------------------------------------------------------------ close

    @Test
    void closeLetsTheRunningHandlerFinishThenStopsEverything() throws Exception {
        Herald own = open(transportBuilder().channelPrefix(prefix).errorHandler(errors));
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
    void shutdownWithThousandsBufferedFinishesTheRunningHandlerAndCountsTheRest() throws Exception {
        Herald own = open(transportBuilder().channelPrefix(prefix).errorHandler(errors));
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
    void closeWaitsBoundedForAHandlerThatNeverFinishes() {
        Herald own = open(transportBuilder().channelPrefix(prefix).errorHandler(errors)
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
    void closeIsIdempotentAndUnsubscribesOnTheServer() {
        Herald own = open(transportBuilder().channelPrefix(prefix));
        own.subscribe("bye", Order.class, m -> { });
        assertEquals(1, serverSubscribers(own, full("bye")));
        own.close();
        own.close();
        assertEquals(0, serverSubscribers(own, full("bye")));
    }

    @Test
    void pingAnswers() {
        assertEquals("PONG", done(herald.ping()));
    }

    @Test
    void listOfMapsIsPlainJson() throws Exception {
        BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
        herald.subscribe("maps", new PayloadType<Map<String, Object>>() { }, received::add);
        herald.publish("maps", Map.of("answer", 42));
        assertEquals(Map.of("answer", 42), take(received));
    }

    /** Waits until no thread of a closed Herald or of Lettuce is alive, other Heralds of this test aside. */
    protected void assertNoHeraldOrLettuceThreads() {
        // other Heralds opened by this test are still running; close them first so that only leaks remain
        for (Herald h : opened) {
            h.close();
        }
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
