package dev.herald.metrics;

import static dev.herald.metrics.Meters.WAIT;
import static dev.herald.metrics.Meters.awaitValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.HeraldError;
import dev.herald.NoResponderException;
import dev.herald.OverflowPolicy;
import dev.herald.PayloadType;
import dev.herald.PublishFailedException;
import dev.herald.RemoteHandlerException;
import dev.herald.RequestChannel;
import dev.herald.RequestDescriptor;
import dev.herald.RequestTemplate;
import dev.herald.RequestTimeoutException;
import dev.herald.RetryPolicy;
import dev.herald.SubscriptionOptions;
import dev.herald.TemplateChannel;
import dev.herald.TypedChannel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every meter Herald registers, asserted by value and tags after real traffic, on each transport: the subclasses say
 * which. Each test has a channel prefix of its own; the tags never carry it, nor a template's values.
 */
abstract class MetricsContract {

    private static final AtomicInteger TESTS = new AtomicInteger();

    /** The interface a request descriptor names. */
    interface Prices {
        CompletionStage<String> quote(Order order);
    }

    /** The prefix of this test's channels. */
    protected final String prefix = "met" + ProcessHandle.current().pid() + "n" + TESTS.incrementAndGet() + ":";
    protected final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    protected final Meters meters = new Meters(registry);
    protected final List<HeraldError> errors = new CopyOnWriteArrayList<>();
    private final List<Herald> heralds = new ArrayList<>();

    /** @return the builder, on this transport */
    protected abstract HeraldBuilder onTransport(HeraldBuilder builder);

    /** @return a Herald on this transport with this test's prefix and registry, closed after the test */
    protected Herald herald(UnaryOperator<HeraldBuilder> configure) {
        Herald herald = configure.apply(onTransport(Herald.builder())).channelPrefix(prefix).meterRegistry(registry)
                .errorHandler(errors::add).build();
        heralds.add(herald);
        return herald;
    }

    @AfterEach
    void closeHeralds() {
        heralds.forEach(Herald::close);
    }

    private static <T> T done(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletionStage<?> stage) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        return e.getCause();
    }

    @Test
    void publishesAndDeliveriesAreCountedPerDeclaredChannel() throws Exception {
        Herald herald = herald(b -> b);
        TypedChannel<Order> orders = herald.channel("orders", PayloadType.of(Order.class));
        TemplateChannel<Order> perUser = herald.template("notifications:{userId}", PayloadType.of(Order.class));
        BlockingQueue<Order> received = new LinkedBlockingQueue<>();
        orders.subscribe(received::add);
        perUser.subscribeAll((values, order) -> received.add(order));
        perUser.subscribe(received::add, "u-1");
        assertEquals(3, meters.gauge("herald.subscriptions"));

        for (int i = 0; i < 3; i++) {
            done(orders.publish(new Order("o" + i, i)));
        }
        orders.send(new Order("o3", 3));
        done(orders.sendAsync(new Order("o4", 4)));
        done(perUser.publish(new Order("n1", 1), "u-1"));
        done(perUser.publish(new Order("n2", 2), "u-2"));

        awaitValue(5, () -> meters.counter("herald.messages.published", "channel", "orders", "outcome", "success"));
        assertEquals(2, meters.counter("herald.messages.published", "channel", "notifications:{userId}", "outcome", "success"));
        assertEquals(0, meters.counter("herald.messages.published", "channel", "orders", "outcome", "refused"));
        assertEquals(0, meters.counter("herald.messages.published", "channel", "orders", "outcome", "failure"));
        // the pattern subscription takes both, the one of u-1 its own
        awaitValue(5, () -> meters.counter("herald.messages.delivered", "channel", "orders"));
        awaitValue(3, () -> meters.counter("herald.messages.delivered", "channel", "notifications:{userId}"));
        awaitValue(5, () -> meters.timerCount("herald.handler.duration", "channel", "orders"));
        awaitValue(3, () -> meters.timerCount("herald.handler.duration", "channel", "notifications:{userId}"));
        assertEquals(0, meters.counter("herald.handler.failures", "channel", "orders"));
        assertEquals(0, meters.counter("herald.messages.dropped", "channel", "orders"));
        assertEquals(0, meters.gauge("herald.messages.buffered"));
        assertEquals(8, received.size());

        List<String> tags = meters.tagValues();
        assertTrue(tags.contains("notifications:{userId}"), tags.toString());
        assertTrue(tags.stream().noneMatch(tag -> tag.contains("u-1") || tag.contains("u-2") || tag.contains(prefix)),
                tags.toString());
    }

    @Test
    void untypedPublishesAndPatternsAreCountedUnderTheNameGiven() throws Exception {
        Herald herald = herald(b -> b);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        herald.psubscribe("user:*:events", String.class, (channel, message) -> received.add(message));
        herald.subscribe("plain", String.class, received::add);
        done(herald.publish("user:7:events", "a"));
        done(herald.publish("plain", "b"));

        awaitValue(1, () -> meters.counter("herald.messages.delivered", "channel", "user:*:events"));
        awaitValue(1, () -> meters.counter("herald.messages.delivered", "channel", "plain"));
        assertEquals(1, meters.counter("herald.messages.published", "channel", "user:7:events", "outcome", "success"));
        assertEquals(1, meters.counter("herald.messages.published", "channel", "plain", "outcome", "success"));
    }

    @Test
    void refusedPublishesAreCountedAsRefused() throws Exception {
        Herald herald = herald(b -> b.maxPayloadBytes(64));
        TypedChannel<Order> orders = herald.channel("orders", PayloadType.of(Order.class));
        assertInstanceOf(PublishFailedException.class, failure(orders.publish(new Order("x".repeat(100), 1))));
        orders.send(new Order("y".repeat(100), 1));
        awaitValue(2, () -> meters.counter("herald.messages.published", "channel", "orders", "outcome", "refused"));
        assertEquals(0, meters.counter("herald.messages.published", "channel", "orders", "outcome", "success"));

        herald.close();
        assertInstanceOf(PublishFailedException.class, failure(orders.publish(new Order("z", 1))));
        assertEquals(3, meters.counter("herald.messages.published", "channel", "orders", "outcome", "refused"));
        assertTrue(registry.find("herald.subscriptions").gauges().isEmpty(), "a closed Herald's gauges are removed");
    }

    @Test
    void aFailingHandlerIsRetriedThenDeadLettered() throws Exception {
        Herald herald = herald(b -> b.retryPolicy(RetryPolicy.exponential(3, Duration.ofMillis(1))));
        TypedChannel<Order> orders = herald.channel("orders", PayloadType.of(Order.class));
        AtomicInteger calls = new AtomicInteger();
        orders.subscribe(order -> {
            calls.incrementAndGet();
            throw new IllegalStateException("no stock for " + order.id());
        });
        done(orders.publish(new Order("o1", 1)));

        awaitValue(1, () -> meters.counter("herald.handler.failures", "channel", "orders"));
        assertEquals(3, calls.get());
        assertEquals(1, meters.counter("herald.messages.delivered", "channel", "orders"));
        assertEquals(2, meters.counter("herald.handler.retries", "channel", "orders"));
        assertEquals(3, meters.timerCount("herald.handler.duration", "channel", "orders"));
        awaitValue(1, () -> meters.counter("herald.messages.dead.lettered", "channel", "orders"));
        assertEquals(1, done(herald.deadLetters().read("orders", 10)).size());

        // a payload that does not decode is not delivered: counted apart, and dead-lettered too
        done(herald.publish("orders", "not an order"));
        awaitValue(1, () -> meters.counter("herald.messages.undecodable", "channel", "orders"));
        awaitValue(2, () -> meters.counter("herald.messages.dead.lettered", "channel", "orders"));
        assertEquals(1, meters.counter("herald.messages.delivered", "channel", "orders"));
        assertEquals(3, calls.get());
    }

    @Test
    void aFullBufferDropsAndTheGaugesShowWhatWaits() throws Exception {
        Herald herald = herald(b -> b);
        TypedChannel<Order> orders = herald.channel("orders", PayloadType.of(Order.class))
                .withOptions(SubscriptionOptions.builder().bufferCapacity(1).overflowPolicy(OverflowPolicy.DROP_NEWEST).build());
        CountDownLatch handling = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BlockingQueue<Order> received = new LinkedBlockingQueue<>();
        orders.subscribe(order -> {
            handling.countDown();
            assertTrue(release.await(WAIT.toSeconds(), TimeUnit.SECONDS));
            received.add(order);
        });
        done(orders.publish(new Order("first", 1)));
        assertTrue(handling.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        done(orders.publish(new Order("buffered", 2)));
        awaitValue(1, () -> meters.gauge("herald.messages.buffered"));
        done(orders.publish(new Order("dropped", 3)));

        awaitValue(1, () -> meters.counter("herald.messages.dropped", "channel", "orders"));
        assertEquals(1, meters.gauge("herald.messages.buffered"));
        release.countDown();
        awaitValue(2, () -> meters.timerCount("herald.handler.duration", "channel", "orders"));
        assertEquals(List.of("first", "buffered"), received.stream().map(Order::id).toList());
        assertEquals(2, meters.counter("herald.messages.delivered", "channel", "orders"));
        assertEquals(1, meters.counter("herald.messages.dropped", "channel", "orders"));
        awaitValue(0, () -> meters.gauge("herald.messages.buffered"));
    }

    @Test
    void requestReplyMetersEachOutcome() throws Exception {
        Herald herald = herald(b -> b);
        RequestChannel<Order, String> quotes = herald.requests("quotes", PayloadType.of(Order.class), PayloadType.of(String.class));
        quotes.respond(order -> {
            if (order.quantity() < 0) {
                throw new IllegalArgumentException("negative quantity");
            }
            return "quoted " + order.id();
        });
        assertEquals("quoted a", done(quotes.request(new Order("a", 1))));
        assertInstanceOf(RemoteHandlerException.class, failure(quotes.request(new Order("b", -1))));
        assertEquals(2, meters.timerCount("herald.requests.round.trip", "channel", "quotes"));
        assertEquals(1, meters.counter("herald.requests.remote.errors", "channel", "quotes"));
        assertEquals(1, meters.counter("herald.handler.failures", "channel", "quotes"));
        // the PUBLISH's answer and the reply come on different connections: either may be first
        awaitValue(2, () -> meters.counter("herald.messages.published", "channel", "quotes", "outcome", "success"));
        assertEquals(2, meters.counter("herald.messages.delivered", "channel", "quotes"));

        RequestChannel<Order, String> nobody = herald.requests("nobody", PayloadType.of(Order.class), PayloadType.of(String.class));
        assertInstanceOf(NoResponderException.class, failure(nobody.request(new Order("c", 1))));
        assertEquals(1, meters.counter("herald.requests.no.responder", "channel", "nobody"));

        RequestChannel<Order, String> slow = herald.requests("slow", PayloadType.of(Order.class), PayloadType.of(String.class))
                .withTimeout(Duration.ofMillis(300));
        CompletableFuture<String> never = new CompletableFuture<>();
        slow.respondAsync(order -> never);
        assertInstanceOf(RequestTimeoutException.class, failure(slow.request(new Order("d", 1))));
        assertEquals(1, meters.counter("herald.requests.timeouts", "channel", "slow"));
        assertEquals(0, meters.timerCount("herald.requests.round.trip", "channel", "slow"));
        never.complete("too late");
        awaitValue(1, () -> meters.counter("herald.requests.late.replies"));

        // two responders answer one request: the second reply finds nobody waiting
        RequestChannel<Order, String> twice = herald.requests("twice", PayloadType.of(Order.class), PayloadType.of(String.class));
        twice.respond(order -> "one");
        twice.respond(order -> "two");
        done(twice.request(new Order("e", 1)));
        awaitValue(2, () -> meters.counter("herald.requests.late.replies"));
        assertEquals(0, meters.gauge("herald.requests.pending"));
        assertFalse(meters.tagValues().stream().anyMatch(tag -> tag.startsWith("herald:reply")),
                "the reply channel is measured as round trips, not as a channel of its own");
    }

    @Test
    void aTemplateRequestChannelIsMeasuredUnderItsTemplate() throws Exception {
        Herald herald = herald(b -> b);
        RequestTemplate<Order, String> regional = herald.requestTemplate(RequestDescriptor.of("price:{region}:quote",
                PayloadType.of(Order.class), PayloadType.of(String.class), Prices.class, "quote"));
        regional.respond(order -> "eu " + order.id(), "eu");
        assertEquals("eu a", done(regional.request(new Order("a", 1), "eu")));
        assertEquals(1, meters.timerCount("herald.requests.round.trip", "channel", "price:{region}:quote"));
        assertEquals(1, meters.counter("herald.messages.delivered", "channel", "price:{region}:quote"));
    }
}
