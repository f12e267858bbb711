package dev.herald.plugged;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.HeraldException;
import dev.herald.MessageHandler;
import dev.herald.PayloadType;
import dev.herald.Subscription;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What Herald promises when the server refuses a subscription, never acknowledges it, or is asked from the
 * transport's own thread; played by a transport defined here, since the in-memory one always acknowledges.
 */
class SubscribeFailuresTest {

    private static final Duration WAIT = Duration.ofSeconds(Long.getLong("herald.test.waitSeconds", 20));

    private final ScriptedTransport transport = new ScriptedTransport();
    private final Herald herald = Herald.builder().transport(transport).channelPrefix("app:")
            .commandTimeout(Duration.ofMillis(300)).build();

    @AfterEach
    void close() {
        herald.close();
    }

    private static <T> T done(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static Throwable failureOf(CompletionStage<?> stage) {
        ExecutionException failed = assertThrows(ExecutionException.class, () -> done(stage));
        return failed.getCause();
    }

    @Test
    void aRefusedSubscribeThrowsNamingTheChannelAndTheChannelIsNoLongerWanted() throws Exception {
        transport.refuseSubscribes = true;
        HeraldException refused = assertThrows(HeraldException.class,
                () -> herald.subscribe("orders", String.class, m -> { }));
        assertEquals("Redis refused SUBSCRIBE to 'app:orders': no subscribing here", refused.getMessage());
        assertInstanceOf(IllegalStateException.class, refused.getCause());
        assertEquals(List.of("SUBSCRIBE app:orders", "UNSUBSCRIBE app:orders"), transport.commands);
        transport.refuseSubscribes = false;
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        herald.subscribe("orders", String.class, received::add);
        assertEquals("SUBSCRIBE app:orders", transport.commands.get(2), "a new subscription subscribes again");
        herald.publish("orders", "hello");
        assertEquals("hello", received.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void aRefusedPsubscribeNamesThePattern() {
        transport.refuseSubscribes = true;
        HeraldException refused = assertThrows(HeraldException.class,
                () -> herald.psubscribe("orders:*", String.class, (c, m) -> { }));
        assertEquals("Redis refused PSUBSCRIBE to 'app:orders:*': no subscribing here", refused.getMessage());
        assertEquals(List.of("PSUBSCRIBE app:orders:*", "PUNSUBSCRIBE app:orders:*"), transport.commands);
    }

    @Test
    void aRefusalOnOneChannelLeavesTheSubscriptionsWaitingOnAnother() throws Exception {
        transport.neverAcknowledge = true;
        var channel = herald.channel("orders", PayloadType.of(String.class));
        CompletionStage<Subscription> first = channel.subscribeAsync(m -> { });
        transport.neverAcknowledge = false;
        transport.refuseSubscribes = true;
        // the second waits for the first one's SUBSCRIBE, which never comes; a third on another channel is refused
        CompletionStage<Subscription> second = channel.subscribeAsync(m -> { });
        CompletionStage<Subscription> other = herald.channel("other", PayloadType.of(String.class)).subscribeAsync(m -> { });
        Throwable refused = failureOf(other);
        assertEquals("Redis refused SUBSCRIBE to 'app:other': no subscribing here", refused.getMessage());
        assertFalse(first.toCompletableFuture().isDone());
        assertFalse(second.toCompletableFuture().isDone());
        assertEquals(List.of("SUBSCRIBE app:orders", "SUBSCRIBE app:other", "UNSUBSCRIBE app:other"), transport.commands);
    }

    @Test
    void aSubscribeNeverAcknowledgedTimesOutAndIsUndone() {
        transport.neverAcknowledge = true;
        HeraldException timedOut = assertThrows(HeraldException.class,
                () -> herald.subscribe("orders", String.class, m -> { }));
        assertEquals("SUBSCRIBE to 'app:orders' was not acknowledged within PT0.3S", timedOut.getMessage());
        assertEquals(List.of("SUBSCRIBE app:orders", "UNSUBSCRIBE app:orders"), transport.commands);
    }

    @Test
    void aPsubscribeNeverAcknowledgedTimesOutNamingThePattern() {
        transport.neverAcknowledge = true;
        HeraldException timedOut = assertThrows(HeraldException.class,
                () -> herald.psubscribe("orders:*", String.class, (c, m) -> { }));
        assertEquals("PSUBSCRIBE to 'app:orders:*' was not acknowledged within PT0.3S", timedOut.getMessage());
        assertEquals(List.of("PSUBSCRIBE app:orders:*", "PUNSUBSCRIBE app:orders:*"), transport.commands);
    }

    @Test
    void aTimedOutSubscribeLeavesTheOtherSubscriptionsOfItsChannel() throws Exception {
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        herald.subscribe("orders", String.class, received::add);
        transport.neverAcknowledge = true;
        var channel = herald.channel("orders", PayloadType.of(String.class));
        // the channel is subscribed already: the new subscription waits for nothing
        Subscription second = channel.subscribe(m -> { });
        assertTrue(second.isActive());
        assertEquals(List.of("SUBSCRIBE app:orders"), transport.commands);
        herald.publish("orders", "still");
        assertEquals("still", received.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void subscribeAllThatIsRefusedFailsAndLeavesNothing() throws Exception {
        transport.refuseSubscribes = true;
        Map<String, MessageHandler<String>> handlers = new LinkedHashMap<>();
        handlers.put("a", m -> { });
        handlers.put("b", m -> { });
        Throwable refused = failureOf(herald.subscribeAllAsync(handlers, String.class));
        assertInstanceOf(HeraldException.class, refused);
        assertEquals("Redis did not acknowledge SUBSCRIBE to 2 channel(s): no subscribing here", refused.getMessage());
        await().atMost(WAIT).until(() -> transport.commands.containsAll(List.of("UNSUBSCRIBE app:a", "UNSUBSCRIBE app:b")));
        HeraldException blocking = assertThrows(HeraldException.class, () -> herald.subscribeAll(handlers, String.class));
        assertTrue(blocking.getMessage().contains("did not acknowledge SUBSCRIBE to 2 channel(s)"), blocking.getMessage());
    }

    @Test
    void subscribeAllNeverAcknowledgedTimesOutAndIsUndone() {
        transport.neverAcknowledge = true;
        Map<String, MessageHandler<String>> handlers = new LinkedHashMap<>();
        handlers.put("a", m -> { });
        handlers.put("b", m -> { });
        HeraldException timedOut = assertThrows(HeraldException.class, () -> herald.subscribeAll(handlers, String.class));
        assertEquals("SUBSCRIBE to 2 channel(s) was not acknowledged within PT0.3S", timedOut.getMessage());
        await().atMost(WAIT).until(() -> transport.commands.containsAll(List.of("UNSUBSCRIBE app:a", "UNSUBSCRIBE app:b")));
    }

    @Test
    void subscribeAllOnChannelsHeldAlreadyWaitsForTheirSubscribe() throws Exception {
        herald.subscribe("a", String.class, m -> { });
        Map<String, MessageHandler<String>> handlers = new LinkedHashMap<>();
        handlers.put("a", m -> { });
        handlers.put("b", m -> { });
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        handlers.put("c", received::add);
        Subscription all = herald.subscribeAll(handlers, String.class);
        assertTrue(all.isActive());
        assertEquals(List.of("SUBSCRIBE app:a", "SUBSCRIBE app:b", "SUBSCRIBE app:c"), transport.commands);
        herald.publish("c", "to c");
        assertEquals("to c", received.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void aChannelSubscribedInBulkIsNotSubscribedAgainByALaterSubscription() throws Exception {
        Map<String, MessageHandler<String>> handlers = new LinkedHashMap<>();
        handlers.put("a", m -> { });
        handlers.put("b", m -> { });
        herald.subscribeAll(handlers, String.class);
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        herald.subscribe("a", String.class, received::add);
        assertEquals(List.of("SUBSCRIBE app:a", "SUBSCRIBE app:b"), transport.commands, "one SUBSCRIBE per channel");
        herald.publish("a", "to a");
        assertEquals("to a", received.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void awaitSubscribedThatTimesOutUnsubscribesThoseAcknowledged() throws Exception {
        var orders = herald.channel("orders", PayloadType.of(String.class));
        CompletionStage<Subscription> acknowledged = orders.subscribeAsync(m -> { });
        Subscription subscription = done(acknowledged);
        transport.neverAcknowledge = true;
        CompletionStage<Subscription> pending = herald.channel("slow", PayloadType.of(String.class)).subscribeAsync(m -> { });
        HeraldException timedOut = assertThrows(HeraldException.class,
                () -> herald.awaitSubscribed(List.of(acknowledged, pending)));
        assertEquals("SUBSCRIBE to 2 channel(s) and pattern(s) was not acknowledged within PT0.3S", timedOut.getMessage());
        await().atMost(WAIT).until(() -> !subscription.isActive());
        assertTrue(transport.commands.contains("UNSUBSCRIBE app:orders"), transport.commands.toString());
    }

    @Test
    void awaitSubscribedGathersTheSubscriptions() throws Exception {
        CompletionStage<Subscription> a = herald.channel("a", PayloadType.of(String.class)).subscribeAsync(m -> { });
        CompletionStage<Subscription> b = herald.channel("b", PayloadType.of(String.class)).subscribeAsync(m -> { });
        Subscription both = herald.awaitSubscribed(List.of(a, b));
        assertTrue(both.isActive());
        done(both.unsubscribe());
        assertFalse(done(a).isActive());
        assertFalse(done(b).isActive());
    }

    @Test
    void theBlockingCallsRefuseToRunOnTheTransportsThread() {
        transport.ioThread = true;
        IllegalStateException subscribe = assertThrows(IllegalStateException.class,
                () -> herald.subscribe("orders", String.class, m -> { }));
        assertTrue(subscribe.getMessage().contains("use subscribeAsync() for 'app:orders'"), subscribe.getMessage());
        IllegalStateException all = assertThrows(IllegalStateException.class,
                () -> herald.subscribeAll(Map.of("a", (MessageHandler<String>) m -> { }), String.class));
        assertTrue(all.getMessage().contains("use subscribeAllAsync()"), all.getMessage());
        IllegalStateException await = assertThrows(IllegalStateException.class,
                () -> herald.awaitSubscribed(List.of(CompletableFuture.completedFuture(Subscription.all(List.of())))));
        assertTrue(await.getMessage().startsWith("awaitSubscribed() waits for Redis"), await.getMessage());
        assertEquals(List.of(), transport.commands, "nothing was sent");
    }

    @Test
    void afterCloseNothingSubscribes() throws Exception {
        herald.close();
        IllegalStateException subscribe = assertThrows(IllegalStateException.class,
                () -> herald.subscribe("orders", String.class, m -> { }));
        assertEquals("Herald is closed: cannot subscribe to 'app:orders'", subscribe.getMessage());
        Throwable async = failureOf(herald.channel("orders", PayloadType.of(String.class)).subscribeAsync(m -> { }));
        assertEquals("Herald is closed: cannot subscribe to 'app:orders'", async.getMessage());
        Throwable all = failureOf(herald.subscribeAllAsync(Map.of("a", (MessageHandler<String>) m -> { }), String.class));
        assertEquals("Herald is closed: cannot subscribe", all.getMessage());
        assertEquals(List.of(), transport.commands);
    }
}
