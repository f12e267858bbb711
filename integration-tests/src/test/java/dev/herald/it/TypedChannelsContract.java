package dev.herald.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.HeraldError;
import dev.herald.Subscription;
import dev.herald.it.fixtures.Item;
import dev.herald.it.fixtures.OrderCreated;
import dev.herald.it.fixtures.OrderEvents;
import dev.herald.it.fixtures.OrderEventsPublisher;
import dev.herald.it.fixtures.OrderEventsSubscriber;
import dev.herald.it.fixtures.Platform;
import dev.herald.it.fixtures.Platform_HealthPublisher;
import dev.herald.it.fixtures.Platform_HealthSubscriber;
import dev.herald.it.fixtures.ShippingCalculated;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Generated publishers, subscribers and bindings of real fixture interfaces, compiled by javac with the
 * processor, on every transport.
 */
abstract class TypedChannelsContract {

    static final Duration WAIT = Duration.ofSeconds(20);

    static final OrderCreated ORDER = new OrderCreated("123", "456", List.of(new Item("book", 2)),
            new BigDecimal("99.99"), Instant.parse("2026-11-29T10:15:30Z"));

    final List<HeraldError> errors = new CopyOnWriteArrayList<>();
    String prefix;
    Herald herald;

    abstract HeraldBuilder transport();

    abstract long serverSubscribers(String fullChannel);

    @BeforeEach
    void open() {
        prefix = "it" + UUID.randomUUID().toString().substring(0, 8) + ":";
        herald = transport().channelPrefix(prefix).errorHandler(errors::add).build();
    }

    @AfterEach
    void close() {
        herald.close();
    }

    static <T> T take(BlockingQueue<T> queue) throws InterruptedException {
        T value = queue.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (value == null) {
            throw new AssertionError("nothing received within " + WAIT);
        }
        return value;
    }

    @Test
    void generatedPublisherReachesGeneratedSubscriber() throws Exception {
        OrderEventsSubscriber subscriber = new OrderEventsSubscriber(herald);
        BlockingQueue<OrderCreated> created = new LinkedBlockingQueue<>();
        BlockingQueue<ShippingCalculated> shipping = new LinkedBlockingQueue<>();
        BlockingQueue<List<OrderCreated>> batches = new LinkedBlockingQueue<>();
        subscriber.orderCreated(created::add);
        subscriber.shippingCalculated(shipping::add);
        subscriber.batch(batches::add);

        OrderEvents publisher = new OrderEventsPublisher(herald);
        publisher.orderCreated(ORDER);
        CompletionStage<Void> accepted = publisher.shippingCalculated(new ShippingCalculated("123", new BigDecimal("4.50")));
        publisher.batch(List.of(ORDER, ORDER));

        assertNull(accepted.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(ORDER, take(created));
        assertEquals(new ShippingCalculated("123", new BigDecimal("4.50")), take(shipping));
        List<OrderCreated> batch = take(batches);
        assertEquals(List.of(ORDER, ORDER), batch);
        assertEquals(OrderCreated.class, batch.get(0).getClass(), "a generic payload decodes to its declared type");
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void generatedChannelsUseTheDeclaredNamesWithThePrefix() {
        OrderEventsSubscriber subscriber = new OrderEventsSubscriber(herald);
        Subscription subscription = subscriber.orderCreated(e -> { });
        assertEquals(prefix + "order:created", subscription.channel());
        assertEquals(1, serverSubscribers(prefix + "order:created"));
    }

    @Test
    void unsubscribeAllEndsEverySubscriptionOfTheSubscriber() throws Exception {
        OrderEventsSubscriber subscriber = new OrderEventsSubscriber(herald);
        Subscription a = subscriber.orderCreated(e -> { });
        Subscription b = subscriber.shippingCalculated(e -> { });
        Subscription c = subscriber.orderCreated(e -> { });

        subscriber.unsubscribeAll().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertFalse(a.isActive() || b.isActive() || c.isActive());
        assertEquals(0, serverSubscribers(prefix + "order:created"));
        assertEquals(0, serverSubscribers(prefix + "order:shipping:calculated"));
    }

    @Test
    void listenSubscribesAnImplementationToEveryChannel() throws Exception {
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        Subscription all = herald.listen(OrderEvents.class, new OrderEvents() {
            @Override
            public void orderCreated(OrderCreated event) {
                received.add(event);
            }

            @Override
            public CompletionStage<Void> shippingCalculated(ShippingCalculated event) {
                received.add(event);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void batch(List<OrderCreated> orders) {
                received.add(orders);
            }
        });
        assertEquals(1, serverSubscribers(prefix + "order:created"));
        assertEquals(1, serverSubscribers(prefix + "order:shipping:calculated"));
        assertEquals(1, serverSubscribers(prefix + "order:batch"));

        OrderEvents publisher = new OrderEventsPublisher(herald);
        publisher.orderCreated(ORDER);
        assertEquals(ORDER, take(received));
        publisher.shippingCalculated(new ShippingCalculated("123", BigDecimal.ONE));
        assertEquals(new ShippingCalculated("123", BigDecimal.ONE), take(received));
        publisher.batch(List.of(ORDER));
        assertEquals(List.of(ORDER), take(received));

        all.unsubscribe().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(0, serverSubscribers(prefix + "order:created"));
        assertEquals(0, serverSubscribers(prefix + "order:batch"));
    }

    @Test
    void aListenerWhoseAsyncWorkFailsIsReportedAndKeepsReceiving() throws Exception {
        BlockingQueue<ShippingCalculated> handled = new LinkedBlockingQueue<>();
        herald.listen(OrderEvents.class, new OrderEvents() {
            @Override
            public void orderCreated(OrderCreated event) {
            }

            @Override
            public CompletionStage<Void> shippingCalculated(ShippingCalculated event) {
                if (event.orderId().equals("bad")) {
                    return CompletableFuture.failedFuture(new IllegalStateException("carrier down"));
                }
                handled.add(event);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void batch(List<OrderCreated> orders) {
            }
        });
        OrderEvents publisher = new OrderEventsPublisher(herald);
        publisher.shippingCalculated(new ShippingCalculated("bad", BigDecimal.ONE));
        publisher.shippingCalculated(new ShippingCalculated("good", BigDecimal.ONE));

        assertEquals("good", take(handled).orderId());
        await().atMost(WAIT).until(() -> errors.size() == 1);
        assertEquals(HeraldError.Kind.HANDLER, errors.get(0).kind());
        assertEquals("carrier down", errors.get(0).cause().getMessage());
    }

    @Test
    void nestedInterfacesFlattenTheirGeneratedNames() throws Exception {
        BlockingQueue<String> beats = new LinkedBlockingQueue<>();
        new Platform_HealthSubscriber(herald).heartbeat(beats::add);
        Platform.Health publisher = new Platform_HealthPublisher(herald);
        publisher.heartbeat("billing");
        assertEquals("billing", take(beats));
    }

    @Test
    void listenWithoutAGeneratedBindingSaysHowToFixIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> herald.listen(Runnable.class, () -> { }));
        assertTrue(e.getMessage().contains("annotationProcessorPaths"), e.getMessage());
    }

    @Test
    void nullPayloadIsRejectedAtTheCall() {
        OrderEvents publisher = new OrderEventsPublisher(herald);
        assertThrows(NullPointerException.class, () -> publisher.orderCreated(null));
    }
}
