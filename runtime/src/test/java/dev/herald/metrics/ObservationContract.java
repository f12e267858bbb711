package dev.herald.metrics;

import static dev.herald.metrics.Meters.WAIT;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.PayloadType;
import dev.herald.RequestChannel;
import dev.herald.RetryPolicy;
import dev.herald.TemplateChannel;
import dev.herald.TypedChannel;
import dev.herald.observation.DefaultHeraldProcessObservationConvention;
import dev.herald.observation.HeraldProcessContext;
import dev.herald.observation.HeraldPublishContext;
import dev.herald.observation.HeraldPublishObservationConvention;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.GlobalObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.transport.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code herald.publish} and {@code herald.process} observations after real traffic on each transport (the
 * subclasses say which): their names, kinds and keys, their errors, the observation current in a handler, and the
 * trace context a request carries to its responder, which a plain message does not.
 */
abstract class ObservationContract {

    private static final AtomicInteger TESTS = new AtomicInteger();

    protected final String prefix = "obs" + ProcessHandle.current().pid() + "n" + TESTS.incrementAndGet() + ":";
    protected final TestObservationRegistry observations = TestObservationRegistry.create();
    protected final RecordingObservationHandler recorded = new RecordingObservationHandler();
    private final List<Herald> heralds = new ArrayList<>();

    /** @return the builder, on this transport */
    protected abstract HeraldBuilder onTransport(HeraldBuilder builder);

    /** @return the {@code messaging.system} this transport is observed as */
    protected abstract String system();

    ObservationContract() {
        observations.observationConfig().observationHandler(recorded);
    }

    protected Herald herald(UnaryOperator<HeraldBuilder> configure) {
        Herald herald = configure.apply(onTransport(Herald.builder())).channelPrefix(prefix)
                .observationRegistry(observations).errorHandler(error -> { }).build();
        heralds.add(herald);
        return herald;
    }

    @AfterEach
    void closeHeralds() {
        heralds.forEach(Herald::close);
        assertEquals(0, recorded.open(), "every observation started was stopped");
    }

    private static <T> T done(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private List<Observation.Context> awaitStopped(String name, int count) {
        return await().atMost(WAIT).until(() -> recorded.stopped(name), list -> list.size() >= count);
    }

    private static String low(Observation.Context context, String key) {
        return context.getLowCardinalityKeyValue(key).getValue();
    }

    private static String high(Observation.Context context, String key) {
        return context.getHighCardinalityKeyValue(key).getValue();
    }

    @Test
    void aPublishAndItsHandlerAreObservedUnderTheDeclaredTemplate() throws Exception {
        Herald herald = herald(b -> b);
        TemplateChannel<Order> perUser = herald.template("notifications:{userId}", PayloadType.of(Order.class));
        BlockingQueue<Observation> current = new LinkedBlockingQueue<>();
        perUser.subscribe(order -> current.add(observations.getCurrentObservation()), "u-1");
        done(perUser.publish(new Order("n1", 1), "u-1"));

        Observation.Context publish = awaitStopped("herald.publish", 1).get(0);
        HeraldPublishContext sent = assertInstanceOf(HeraldPublishContext.class, publish);
        assertEquals(Kind.PRODUCER, sent.getKind());
        assertEquals("publish notifications:{userId}", publish.getContextualName());
        assertEquals(system(), low(publish, "messaging.system"));
        assertEquals("send", low(publish, "messaging.operation.type"));
        assertEquals("publish", low(publish, "messaging.operation.name"));
        assertEquals("notifications:{userId}", low(publish, "messaging.destination.name"));
        assertEquals(prefix + "notifications:u-1", high(publish, "herald.channel"));
        assertNull(sent.getCarrier(), "a plain message has no room for the trace context");
        assertNull(publish.getError());

        Observation.Context process = awaitStopped("herald.process", 1).get(0);
        HeraldProcessContext received = assertInstanceOf(HeraldProcessContext.class, process);
        assertEquals(Kind.CONSUMER, received.getKind());
        assertEquals("process notifications:{userId}", process.getContextualName());
        assertEquals(system(), low(process, "messaging.system"));
        assertEquals("process", low(process, "messaging.operation.type"));
        assertEquals("notifications:{userId}", low(process, "messaging.destination.name"));
        assertEquals(prefix + "notifications:u-1", high(process, "herald.channel"));
        assertNull(process.get(RecordingObservationHandler.RECEIVED), "no trace context crosses with a plain message");
        Observation inHandler = current.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(inHandler, "the process observation is current while the handler runs");
        assertSame(process, inHandler.getContext());
        assertFalse(process.getLowCardinalityKeyValues().stream().anyMatch(kv -> kv.getValue().contains("u-1")));
    }

    @Test
    void eachFailedHandlerCallIsAnObservationWithItsError() throws Exception {
        Herald herald = herald(b -> b.retryPolicy(RetryPolicy.exponential(2, Duration.ofMillis(1))));
        TypedChannel<Order> orders = herald.channel("orders", PayloadType.of(Order.class));
        orders.subscribe(order -> {
            throw new IllegalStateException("no stock");
        });
        done(orders.publish(new Order("o1", 1)));

        List<Observation.Context> calls = awaitStopped("herald.process", 2);
        assertEquals(2, calls.size());
        for (Observation.Context call : calls) {
            assertInstanceOf(IllegalStateException.class, call.getError());
            assertEquals("orders", low(call, "messaging.destination.name"));
        }
    }

    @Test
    void aRequestCarriesItsTraceContextToTheResponder() throws Exception {
        Herald herald = herald(b -> b);
        RequestChannel<Order, String> quotes = herald.requests("quotes", PayloadType.of(Order.class),
                PayloadType.of(String.class));
        BlockingQueue<JsonNode> wire = new LinkedBlockingQueue<>();
        herald.subscribe("quotes", JsonNode.class, wire::add);
        BlockingQueue<Observation> current = new LinkedBlockingQueue<>();
        quotes.respond(order -> {
            current.add(observations.getCurrentObservation());
            return "quoted " + order.id();
        });
        assertEquals("quoted a", done(quotes.request(new Order("a", 1))));

        HeraldPublishContext request = awaitStopped("herald.publish", 1).stream()
                .map(HeraldPublishContext.class::cast).filter(c -> c.operation().equals("request")).findFirst().orElseThrow();
        String traceparent = request.get(RecordingObservationHandler.SENT);
        assertEquals("request", low(request, "messaging.operation.name"));
        assertEquals(Map.of("traceparent", traceparent), request.getCarrier());

        JsonNode envelope = wire.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(envelope);
        assertEquals(traceparent, envelope.path("traceparent").asText(), envelope.toString());
        String id = envelope.path("id").asText();
        assertEquals(id, high(request, "messaging.message.id"));

        Observation responder = current.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(responder);
        HeraldProcessContext served = assertInstanceOf(HeraldProcessContext.class, responder.getContext());
        assertEquals(traceparent, served.get(RecordingObservationHandler.RECEIVED),
                "the responder's observation reads the requester's trace context");
        assertEquals(id, served.messageId());
        assertEquals("quotes", served.declaredChannel());
    }

    @Test
    void aDurableEntryCarriesItsTraceContextToTheConsumer() throws Exception {
        Herald herald = herald(b -> b.consumerGroup("workers"));
        dev.herald.TypedChannel<Order> jobs = herald.channel(dev.herald.ChannelDescriptor.durable("jobs",
                PayloadType.of(Order.class), ObservationContract.class, "jobs"));
        BlockingQueue<Observation> current = new LinkedBlockingQueue<>();
        jobs.subscribe(order -> current.add(observations.getCurrentObservation()));
        done(jobs.sendAsync(new Order("a", 1)));

        HeraldPublishContext sent = awaitStopped("herald.publish", 1).stream()
                .map(HeraldPublishContext.class::cast).findFirst().orElseThrow();
        String traceparent = sent.get(RecordingObservationHandler.SENT);
        assertNotNull(traceparent);
        assertEquals(Map.of("traceparent", traceparent), sent.getCarrier(), "written into the entry's fields");
        assertEquals("jobs", low(sent, "messaging.destination.name"));

        Observation consumer = current.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(consumer);
        HeraldProcessContext processed = assertInstanceOf(HeraldProcessContext.class, consumer.getContext());
        assertEquals(traceparent, processed.get(RecordingObservationHandler.RECEIVED),
                "the consumer's observation reads the publisher's trace context from the stream entry");
        assertEquals("jobs", processed.declaredChannel());
    }

    @Test
    void aRespondersFailureIsItsObservationsError() throws Exception {
        Herald herald = herald(b -> b);
        RequestChannel<Order, String> quotes = herald.requests("quotes", PayloadType.of(Order.class),
                PayloadType.of(String.class));
        quotes.respond(order -> {
            throw new IllegalArgumentException("unknown sku");
        });
        quotes.request(new Order("a", 1)).toCompletableFuture().handle((reply, failure) -> failure)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        Observation.Context served = awaitStopped("herald.process", 1).get(0);
        assertInstanceOf(IllegalArgumentException.class, served.getError());
    }

    @Test
    void theConventionsCanBeReplaced() throws Exception {
        observations.observationConfig().observationConvention(new GlobalPublishConvention());
        Herald herald = herald(b -> b.processObservationConvention(new DefaultHeraldProcessObservationConvention() {
            @Override
            public String getName() {
                return "orders.handled";
            }

            @Override
            public KeyValues getLowCardinalityKeyValues(HeraldProcessContext context) {
                return super.getLowCardinalityKeyValues(context).and("team", "shipping");
            }
        }));
        TypedChannel<Order> orders = herald.channel("orders", PayloadType.of(Order.class));
        orders.subscribe(order -> { });
        done(orders.publish(new Order("o1", 1)));

        Observation.Context handled = awaitStopped("orders.handled", 1).get(0);
        assertEquals("shipping", low(handled, "team"));
        Observation.Context published = awaitStopped("orders.published", 1).get(0);
        assertEquals("orders", low(published, "destination"));
        assertTrue(recorded.stopped("herald.publish").isEmpty());
    }

    /** A convention registered on the registry, for every Herald that uses it. */
    private static final class GlobalPublishConvention implements GlobalObservationConvention<HeraldPublishContext>,
            HeraldPublishObservationConvention {

        @Override
        public String getName() {
            return "orders.published";
        }

        @Override
        public KeyValues getLowCardinalityKeyValues(HeraldPublishContext context) {
            return KeyValues.of("destination", context.declaredChannel());
        }
    }
}
