package dev.herald.jackson3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.HeraldError;
import dev.herald.PayloadType;
import dev.herald.Subscription;
import dev.herald.TypedChannel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** A Herald whose codec is Jackson 3's publishes and receives, and survives a message it cannot decode. */
class HeraldEndToEndTest {

    /** The seed's order event. */
    public record OrderCreated(String orderId, String userId, List<Item> items, BigDecimal total, Instant timestamp) {
    }

    /** One order line. */
    public record Item(String sku, int quantity) {
    }

    private static final long WAIT_SECONDS = 20;

    private final BlockingQueue<HeraldError> errors = new LinkedBlockingQueue<>();
    private final JsonMapper mapper = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    private final Herald herald = Herald.builder()
            .codecFactory(new Jackson3CodecFactory(mapper))
            .errorHandler(errors::add)
            .build();

    @AfterEach
    void close() {
        herald.close();
    }

    @Test
    void aRecordIsPublishedAndReceivedAndAnUndecodablePayloadGoesToTheErrorHandler() throws Exception {
        BlockingQueue<OrderCreated> received = new LinkedBlockingQueue<>();
        Subscription subscription = herald.subscribe("order:created", OrderCreated.class, received::add);

        OrderCreated first = new OrderCreated("o-1", "u-1", List.of(new Item("book", 2)), new BigDecimal("19.90"),
                Instant.parse("2026-11-29T10:15:30Z"));
        herald.publish("order:created", first).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(first, received.poll(WAIT_SECONDS, TimeUnit.SECONDS));

        // the camel-case names of another service: strict reading misses order_id
        herald.publish("order:created", Map.of("orderId", "o-2")).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        HeraldError error = errors.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(error, "the undecodable payload reached the error handler");
        assertEquals(HeraldError.Kind.DECODE, error.kind());
        assertEquals("order:created", error.channel());
        assertEquals("{\"orderId\":\"o-2\"}", new String(error.payload(), UTF_8));
        assertInstanceOf(tools.jackson.databind.exc.MismatchedInputException.class, error.cause());
        assertTrue(error.cause().getMessage().contains("Missing required creator property 'order_id'"), error.cause().getMessage());

        OrderCreated third = new OrderCreated("o-3", "u-3", List.of(), BigDecimal.ZERO, Instant.EPOCH);
        herald.publish("order:created", third).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(third, received.poll(WAIT_SECONDS, TimeUnit.SECONDS), "the subscription lives on");
        assertTrue(subscription.isActive());
        assertTrue(errors.isEmpty(), () -> "more errors: " + errors);
    }

    @Test
    void aTypedChannelCarriesTheMappersNamesAndIsoTimes() throws Exception {
        TypedChannel<List<OrderCreated>> channel = herald.channel("order:batch", new PayloadType<List<OrderCreated>>() { });
        BlockingQueue<Map<String, Object>> raw = new LinkedBlockingQueue<>();
        BlockingQueue<List<OrderCreated>> typed = new LinkedBlockingQueue<>();
        herald.subscribe("order:batch", new PayloadType<List<Map<String, Object>>>() { }, list -> raw.add(list.get(0)));
        channel.subscribe(typed::add);

        OrderCreated order = new OrderCreated("o-1", "u-1", List.of(new Item("pen", 1)), new BigDecimal("1.5"), Instant.EPOCH);
        channel.publish(List.of(order)).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(List.of(order), typed.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(Map.of("order_id", "o-1", "user_id", "u-1", "items", List.of(Map.of("sku", "pen", "quantity", 1)),
                "total", 1.5, "timestamp", "1970-01-01T00:00:00Z"), raw.poll(WAIT_SECONDS, TimeUnit.SECONDS));
    }
}
