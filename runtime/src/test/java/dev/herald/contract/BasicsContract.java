package dev.herald.contract;

import static dev.herald.contract.Waiting.WAIT;
import static dev.herald.contract.Waiting.done;
import static dev.herald.contract.Waiting.take;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.ChannelDescriptor;
import dev.herald.Herald;
import dev.herald.MessageHandler;
import dev.herald.PayloadType;
import dev.herald.PublishFailedException;
import dev.herald.Subscription;
import dev.herald.TemplateChannel;
import dev.herald.TypedChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Publishing and subscribing: round trips, shared SUBSCRIBE and real UNSUBSCRIBE, bulk subscriptions. */
interface BasicsContract extends ContractPart {

    // ------------------------------------------------------------------ bulk subscriptions (issue 17.9)

    @Test
    default void tenThousandChannelsSubscribedAtOnceAreAllAcknowledgedAndReceive() throws Exception {
        AtomicInteger received = new AtomicInteger();
        MessageHandler<String> count = m -> received.incrementAndGet();
        Map<String, MessageHandler<String>> handlers = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 10_000; i++) {
            handlers.put("bulk:" + i, count);
        }
        Subscription all = herald().subscribeAll(handlers, String.class);

        dev.herald.Health health = herald().health().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(10_000, health.expectedChannels());
        assertEquals(10_000, health.serverChannels(), "the server holds every channel once subscribeAll returned");
        assertTrue(health.healthy(), "every channel subscribed on the server");
        assertEquals(1, serverSubscribers(herald(), full("bulk:0")));
        assertEquals(1, serverSubscribers(herald(), full("bulk:9999")));
        for (int i = 0; i < 10_000; i++) {
            herald().publish("bulk:" + i, "m" + i);
        }
        await().atMost(WAIT).until(() -> received.get() == 10_000);

        all.unsubscribe().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(0, serverSubscribers(herald(), full("bulk:0")));
        assertEquals(0, herald().health().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS).serverChannels());
    }

    @Test
    default void aBulkSubscribeWithOneBadChannelNameSubscribesNothing() throws Exception {
        Map<String, MessageHandler<String>> handlers = new java.util.LinkedHashMap<>();
        handlers.put("fine", m -> { });
        handlers.put("bad*", m -> { });
        assertThrows(IllegalArgumentException.class, () -> herald().subscribeAll(handlers, String.class));
        assertEquals(0, serverSubscribers(herald(), full("fine")));
        assertEquals(0, herald().health().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS).expectedChannels());
    }

    // ------------------------------------------------------------------ basics

    @Test
    default void sendAsyncCompletesWithoutAValueOnceAcceptedAndFailsWhenItCannotBe() throws Exception {
        BlockingQueue<Order> received = new LinkedBlockingQueue<>();
        herald().subscribe("orders", Order.class, received::add);
        herald().subscribe("user:u-1:orders", Order.class, received::add);
        TypedChannel<Order> orders = herald().channel("orders", PayloadType.of(Order.class));
        TemplateChannel<Order> userOrders = herald().template("user:{userId}:orders", PayloadType.of(Order.class));

        assertNull(orders.sendAsync(Order.sample(1)).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(Order.sample(1), take(received));
        assertNull(userOrders.sendAsync(Order.sample(2), "u-1").toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(Order.sample(2), take(received));
        assertThrows(IllegalArgumentException.class, () -> userOrders.sendAsync(Order.sample(3), "u-*"));

        Herald limited = open(transportBuilder().channelPrefix(prefix()).errorHandler(errors()).maxPayloadBytes(64));
        TypedChannel<String> small = limited.channel("small", PayloadType.of(String.class));
        ExecutionException tooBig = assertThrows(ExecutionException.class,
                () -> small.sendAsync("x".repeat(100)).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(tooBig.getCause().getMessage().contains("maxPayloadBytes"), tooBig.getCause().getMessage());
        limited.close();
        ExecutionException closed = assertThrows(ExecutionException.class,
                () -> small.sendAsync("late").toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertInstanceOf(PublishFailedException.class, closed.getCause());
        assertTrue(errors().errors.isEmpty(), "a stage's failure is the caller's, not the error handler's: " + errors().errors);
    }

    @Test
    default void typedMessageRoundTrips() throws Exception {
        BlockingQueue<Order> received = new LinkedBlockingQueue<>();
        herald().subscribe("order:created", Order.class, received::add);

        long receivers = done(herald().publish("order:created", Order.sample(1)));

        assertEquals(1, receivers, "one Herald subscribed counts as one Redis client");
        assertEquals(Order.sample(1), take(received));
    }

    @Test
    default void genericPayloadRoundTrips() throws Exception {
        PayloadType<List<Order.Item>> items = new PayloadType<>() { };
        TypedChannel<List<Order.Item>> channel = herald().channel("order:items", items);
        BlockingQueue<List<Order.Item>> received = new LinkedBlockingQueue<>();
        channel.subscribe(received::add);

        done(channel.publish(List.of(new Order.Item("a", 1), new Order.Item("b", 2))));

        List<Order.Item> got = take(received);
        assertEquals(List.of(new Order.Item("a", 1), new Order.Item("b", 2)), got);
        assertInstanceOf(Order.Item.class, got.get(0), "elements decode to the declared type, not maps");
    }

    @Test
    default void publishWithoutSubscriberReachesNobody() throws Exception {
        assertEquals(0, done(herald().publish("nobody:listens", Order.sample(1))));
    }

    @Test
    default void foreignJsonWithUnknownFieldsAndIsoDatesDecodes() throws Exception {
        BlockingQueue<Order> received = new LinkedBlockingQueue<>();
        herald().subscribe("order:created", Order.class, received::add);

        publishForeign(herald(), full("order:created"), "{\"orderId\":\"o-9\",\"userId\":\"u-1\",\"items\":[],"
                + "\"total\":99.99,\"timestamp\":\"2026-11-29T10:15:30Z\",\"addedLater\":{\"x\":1}}");

        Order order = take(received);
        assertEquals("o-9", order.orderId());
        assertEquals(Order.sample(1).timestamp(), order.timestamp());
    }

    // ------------------------------------------------------------------ channels bound once

    /** A channel interface, as the processor would describe it: one descriptor per method. */
    interface OrderEvents {
        void created(Order order);
    }

    @Test
    default void aTypedChannelFromADescriptorNamesItsChannelAndSubscribesAsynchronously() throws Exception {
        TypedChannel<Order> created = herald().channel(
                ChannelDescriptor.of("order:created", PayloadType.of(Order.class), OrderEvents.class, "created"));
        assertEquals(full("order:created"), created.name(), "the full name, prefix included");
        assertTrue(created.toString().startsWith("TypedChannel[" + full("order:created") + ", "), created.toString());
        BlockingQueue<Order> received = new LinkedBlockingQueue<>();
        Subscription subscription = done(created.subscribeAsync(received::add));
        assertEquals(full("order:created"), subscription.channel());

        assertEquals(1, done(created.publish(Order.sample(1))));
        assertEquals(Order.sample(1), take(received));
    }

    @Test
    default void unsubscribingWhatWasNeverSubscribedCompletesAtOnce() throws Exception {
        assertNull(done(herald().unsubscribe("never")));
        assertNull(done(herald().unsubscribe("never", (MessageHandler<String>) m -> { })));
        assertNull(done(herald().punsubscribe("never:*")));
        assertNull(done(herald().punsubscribe("never:*", (channel, m) -> { })));
        assertNothingSubscribed(herald(), "nothing was subscribed");
    }

    // ------------------------------------------------------------------ shared SUBSCRIBE, real UNSUBSCRIBE

    @Test
    default void subscriptionsToOneChannelShareOneServerSubscription() throws Exception {
        String channel = full("shared");
        Subscription first = herald().subscribe("shared", Order.class, m -> { });
        Subscription second = herald().subscribe("shared", Order.class, m -> { });
        assertEquals(1, serverSubscribers(herald(), channel));

        done(first.unsubscribe());
        assertEquals(1, serverSubscribers(herald(), channel), "the second subscription still needs the channel");

        done(second.unsubscribe());
        assertEquals(0, serverSubscribers(herald(), channel), "the last unsubscribe sends UNSUBSCRIBE");
        assertFalse(first.isActive());
        assertFalse(second.isActive());
    }

    @Test
    default void unsubscribeChannelEndsEveryHandlerAndUnsubscribesOnTheServer() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Subscription a = herald().subscribe("news", Order.class, m -> calls.incrementAndGet());
        Subscription b = herald().subscribe("news", Order.class, m -> calls.incrementAndGet());

        done(herald().unsubscribe("news"));

        assertEquals(0, serverSubscribers(herald(), full("news")));
        assertFalse(a.isActive());
        assertFalse(b.isActive());
        assertEquals(0, done(herald().publish("news", Order.sample(1))), "nobody is subscribed any more");
        // a subscription made now must see its message, and the ended ones must not
        BlockingQueue<Order> later = new LinkedBlockingQueue<>();
        herald().subscribe("news", Order.class, later::add);
        done(herald().publish("news", Order.sample(2)));
        assertEquals(Order.sample(2), take(later));
        assertEquals(0, calls.get());
    }

    @Test
    default void unsubscribeHandlerEndsOnlyThatHandler() throws Exception {
        BlockingQueue<Order> kept = new LinkedBlockingQueue<>();
        List<Order> removed = new CopyOnWriteArrayList<>();
        MessageHandler<Order> removedHandler = removed::add;
        herald().subscribe("news", Order.class, removedHandler);
        herald().subscribe("news", Order.class, kept::add);

        done(herald().unsubscribe("news", removedHandler));
        assertEquals(1, serverSubscribers(herald(), full("news")));
        done(herald().publish("news", Order.sample(1)));

        assertEquals(Order.sample(1), take(kept));
        assertTrue(removed.isEmpty());
    }

    @Test
    default void subscribeReturnsOnlyOnceTheServerAcknowledged() throws Exception {
        for (int i = 0; i < 25; i++) {
            BlockingQueue<Order> received = new LinkedBlockingQueue<>();
            herald().subscribe("ack:" + i, Order.class, received::add);
            // no waiting between subscribe and publish: the acknowledgement is what makes this safe
            assertEquals(1, done(herald().publish("ack:" + i, Order.sample(i))), "channel ack:" + i);
            assertEquals(Order.sample(i), take(received));
        }
    }

    @Test
    default void pingAnswers() throws Exception {
        assertEquals("PONG", done(herald().ping()));
    }

    @Test
    default void listOfMapsIsPlainJson() throws Exception {
        BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
        herald().subscribe("maps", new PayloadType<Map<String, Object>>() { }, received::add);
        herald().publish("maps", Map.of("answer", 42));
        assertEquals(Map.of("answer", 42), take(received));
    }
}
