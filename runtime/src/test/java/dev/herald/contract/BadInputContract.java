package dev.herald.contract;

import static dev.herald.contract.Waiting.WAIT;
import static dev.herald.contract.Waiting.done;
import static dev.herald.contract.Waiting.take;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.herald.DeadLetter;
import dev.herald.Herald;
import dev.herald.HeraldError;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Hostile payloads: each reaches the error handler with the channel and an excerpt, and the subscription
 * goes on receiving, under the default limits (Jackson's read constraints, Herald's payload size) and
 * under the limits of an {@code ObjectMapper} the application gives the builder. A payload that lacks a required
 * property, or whose JSON types differ from the declared ones, is one of them unless the Herald reads leniently.
 */
interface BadInputContract extends ContractPart {

    /** Stands for JSpecify's: a type-use annotation, recognised by its simple name. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE_USE)
    @interface Nullable {
    }

    /** A payload with fields a sender may leave out. */
    record Note(String id, Optional<String> text, @Nullable String author) {
    }

    /** A payload with a primitive, a string and an enum. */
    record Counter(String name, int count, Level level) {
    }

    /** An enum of a payload. */
    enum Level { LOW, HIGH }

    @Test
    default void everyKindOfBadPayloadIsReportedAndTheSubscriptionLivesOn() throws Exception {
        BlockingQueue<Order> received = new LinkedBlockingQueue<>();
        herald().subscribe("orders", Order.class, received::add);
        String channel = full("orders");

        byte[] random = new byte[512];
        new Random(42).nextBytes(random);
        random[0] = (byte) 0xC3; // not a JSON start, and not valid UTF-8 on its own
        List<byte[]> bad = List.of(
                random,
                "{\"orderId\":\"o-1\",\"items\":[{\"sku\":".getBytes(),                     // truncated
                "{\"orderId\":{\"nested\":true},\"items\":\"not a list\"}".getBytes(),      // wrong field types
                ("{\"skipped\":" + "[".repeat(100_000)).getBytes(),                      // 100,000 levels of nesting
                new byte[0],                                                               // empty
                "null".getBytes(),                                                         // JSON null
                "{\"orderId\":\"o-2\"} trailing".getBytes());                             // trailing garbage
        for (byte[] payload : bad) {
            publishForeignBytes(channel, payload);
        }
        herald().publish("orders", Order.sample(7));

        assertEquals(Order.sample(7), take(received), "the subscription lives on");
        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.DECODE).size() == bad.size());
        List<HeraldError> decode = errors().ofKind(HeraldError.Kind.DECODE);
        for (HeraldError error : decode) {
            assertEquals(channel, error.channel());
            assertTrue(error.payloadExcerpt().length() <= 160, "a short excerpt, not the payload: " + error.payloadExcerpt().length());
        }
        assertTrue(decode.get(1).payloadExcerpt().startsWith("{\"orderId\":\"o-1\""), decode.get(1).payloadExcerpt());
        assertTrue(decode.get(3).cause().getMessage().contains("nesting depth"), decode.get(3).cause().getMessage());
        assertTrue(decode.get(3).payloadExcerpt().endsWith("(100011 bytes)"), decode.get(3).payloadExcerpt());
    }

    @Test
    default void aFiftyMegabyteStringIsRefusedWithoutBeingParsed() throws Exception {
        Assumptions.assumeTrue(fixture().carriesHugeMessages(), "the server's pub/sub output-buffer limit would drop the subscriber first");
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        herald().subscribe("huge", String.class, received::add);
        byte[] huge = new byte[50 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'x');
        huge[0] = '"';
        huge[huge.length - 1] = '"';

        publishForeignBytes(full("huge"), huge);
        herald().publish("huge", "small");

        assertEquals("small", take(received));
        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.DECODE).size() == 1);
        HeraldError error = errors().ofKind(HeraldError.Kind.DECODE).get(0);
        assertTrue(error.cause().getMessage().contains("maxPayloadBytes"), error.cause().getMessage());
        assertTrue(error.payloadExcerpt().endsWith("(52428800 bytes)"), error.payloadExcerpt());
    }

    @Test
    default void readLimitsComeFromTheApplicationsObjectMapper() throws Exception {
        JsonFactory strict = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxStringLength(64).build())
                .build();
        Herald limited = open(transportBuilder().channelPrefix(prefix()).errorHandler(errors())
                .objectMapper(JsonMapper.builder(strict).build()));
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        limited.subscribe("limited", Object.class, received::add);
        String channel = full("limited");

        publishForeign(limited, channel, "[".repeat(20) + "]".repeat(20));
        publishForeign(limited, channel, "\"" + "x".repeat(100) + "\"");
        publishForeign(limited, channel, "[[[1]]]");

        assertEquals(List.of(List.of(List.of(1))), take(received),
                "within the limits: delivered, and the subscription lived through the refusals");
        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.DECODE).size() == 2);
        List<HeraldError> decode = errors().ofKind(HeraldError.Kind.DECODE);
        assertTrue(decode.get(0).cause().getMessage().contains("nesting depth"), decode.get(0).cause().getMessage());
        assertTrue(decode.get(0).cause().getMessage().contains("8"), decode.get(0).cause().getMessage());
        assertTrue(decode.get(1).cause().getMessage().contains("String value length"), decode.get(1).cause().getMessage());
        assertEquals(channel, decode.get(1).channel());
    }

    @Test
    default void theApplicationsObjectMapperShapesTheJsonBothWays() throws Exception {
        Herald snake = open(transportBuilder().channelPrefix(prefix()).errorHandler(errors())
                .objectMapper(JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build()));
        BlockingQueue<Map<?, ?>> asMaps = new LinkedBlockingQueue<>();
        snake.subscribe("snake", Map.class, asMaps::add);
        BlockingQueue<Order> asOrders = new LinkedBlockingQueue<>();
        snake.subscribe("snake", Order.class, asOrders::add);

        snake.publish("snake", Order.sample(3));
        Map<?, ?> json = take(asMaps);
        assertTrue(json != null && json.containsKey("order_id") && json.containsKey("user_id"), String.valueOf(json));
        assertEquals("2026-11-29T10:15:30Z", json.get("timestamp"), "java.time stays ISO-8601 with the application's mapper");
        assertEquals(Order.sample(3), take(asOrders));

        publishForeign(snake, full("snake"), "{\"order_id\":\"o-9\",\"user_id\":\"u-9\",\"items\":[],"
                + "\"total\":1,\"timestamp\":\"2026-11-29T10:15:30Z\",\"unknown_field\":true}");
        Order foreign = take(asOrders);
        assertTrue(foreign != null && foreign.orderId().equals("o-9") && foreign.userId().equals("u-9"), String.valueOf(foreign));
        assertTrue(errors().errors.isEmpty(), errors().errors.toString());
    }

    @Test
    default void aMessageLackingARequiredPropertyIsADecodeErrorAndADeadLetter() throws Exception {
        BlockingQueue<Order> received = new LinkedBlockingQueue<>();
        herald().subscribe("orders", Order.class, received::add);
        String channel = full("orders");
        List<String> bad = List.of(
                "{\"orderId\":\"11\"}",                                                 // was Order[orderId=11, userId=null, ...]
                "{\"orderId\":\"12\",\"userId\":null,\"items\":[],\"total\":1,\"timestamp\":\"2026-11-29T10:15:30Z\"}",
                "{\"orderId\":\"13\",\"userId\":\"u\",\"items\":[{\"sku\":\"s\"}],\"total\":1,"  // Item.quantity (int) missing: was 0
                        + "\"timestamp\":\"2026-11-29T10:15:30Z\"}");
        for (String payload : bad) {
            publishForeign(herald(), channel, payload);
        }
        herald().publish("orders", Order.sample(4));

        assertEquals(Order.sample(4), take(received),
                "the subscription lives on and none of the incomplete orders was delivered");
        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.DECODE).size() == bad.size());
        List<HeraldError> decode = errors().ofKind(HeraldError.Kind.DECODE);
        assertTrue(decode.get(0).cause().getMessage().contains("Missing required creator property 'userId'"), decode.get(0).cause().getMessage());
        assertTrue(decode.get(1).cause().getMessage().contains("Invalid `null` value encountered for property \"userId\""),
                decode.get(1).cause().getMessage());
        assertTrue(decode.get(2).cause().getMessage().contains("Missing required creator property 'quantity'"), decode.get(2).cause().getMessage());
        assertEquals(channel, decode.get(0).channel());

        List<DeadLetter> letters = await().atMost(WAIT).until(
                () -> done(herald().deadLetters().read("orders", 10)), l -> l.size() == bad.size());
        assertEquals(bad, letters.stream().map(DeadLetter::payloadText).toList(), "kept byte for byte, in order");
        assertTrue(letters.get(0).error().contains("userId"), letters.get(0).error());
        assertNull(received.poll(), "nothing else was delivered");
    }

    @Test
    default void jsonOfAnotherTypeThanTheDeclaredOneIsADecodeError() throws Exception {
        BlockingQueue<Counter> received = new LinkedBlockingQueue<>();
        herald().subscribe("counters", Counter.class, received::add);
        BlockingQueue<String> strings = new LinkedBlockingQueue<>();
        herald().subscribe("strings", String.class, strings::add);
        String channel = full("counters");
        List<String> bad = List.of(
                "{\"name\":\"a\",\"count\":1.9,\"level\":\"LOW\"}",    // float for an int: was 1
                "{\"name\":\"a\",\"count\":\"5\",\"level\":\"LOW\"}",  // string for an int: was 5
                "{\"name\":123,\"count\":5,\"level\":\"LOW\"}",          // number for a string: was "123"
                "{\"name\":true,\"count\":5,\"level\":\"LOW\"}",         // boolean for a string: was "true"
                "{\"name\":\"a\",\"count\":null,\"level\":\"LOW\"}",     // null for an int: was 0
                "{\"name\":\"a\",\"count\":5,\"level\":1}");             // number for an enum: was HIGH
        for (String payload : bad) {
            publishForeign(herald(), channel, payload);
        }
        publishForeign(herald(), full("strings"), "123");
        publishForeign(herald(), channel, "{\"name\":\"a\",\"count\":5,\"level\":\"HIGH\"}");
        publishForeign(herald(), full("strings"), "\"text\"");

        assertEquals(new Counter("a", 5, Level.HIGH), take(received));
        assertEquals("text", take(strings), "123 is not a String payload");
        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.DECODE).size() == bad.size() + 1);
        assertEquals(bad, done(herald().deadLetters().read("counters", 10)).stream().map(DeadLetter::payloadText).toList());
        assertNull(received.poll(), "none of the mistyped counters was delivered");
    }

    @Test
    default void sendersMayLeaveOutOptionalAndNullableProperties() throws Exception {
        BlockingQueue<Note> received = new LinkedBlockingQueue<>();
        herald().subscribe("notes", Note.class, received::add);
        String channel = full("notes");

        publishForeign(herald(), channel, "{\"id\":\"n-1\"}");
        publishForeign(herald(), channel, "{\"id\":\"n-2\",\"text\":null,\"author\":null}");
        publishForeign(herald(), channel, "{\"id\":\"n-3\",\"text\":\"hi\",\"author\":\"ann\"}");
        publishForeign(herald(), channel, "{\"text\":\"no id\"}");
        herald().publish("notes", new Note("n-4", Optional.empty(), null));

        assertEquals(new Note("n-1", Optional.empty(), null), take(received));
        assertEquals(new Note("n-2", Optional.empty(), null), take(received));
        assertEquals(new Note("n-3", Optional.of("hi"), "ann"), take(received));
        assertEquals(new Note("n-4", Optional.empty(), null), take(received),
                "Herald reads what it writes");
        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.DECODE).size() == 1);
        assertTrue(errors().ofKind(HeraldError.Kind.DECODE).get(0).cause().getMessage().contains("'id'"));
        assertEquals(1, errors().errors.size(), errors().errors.toString());
    }

    @Test
    default void lenientPayloadsRestoresJacksonsReading() throws Exception {
        Herald lenient = open(transportBuilder().channelPrefix(prefix()).errorHandler(errors()).lenientPayloads(true));
        BlockingQueue<Order> orders = new LinkedBlockingQueue<>();
        lenient.subscribe("orders", Order.class, orders::add);
        BlockingQueue<Counter> counters = new LinkedBlockingQueue<>();
        lenient.subscribe("counters", Counter.class, counters::add);

        publishForeign(lenient, full("orders"), "{\"orderId\":\"11\"}");
        publishForeign(lenient, full("counters"), "{\"name\":123,\"count\":1.9,\"level\":1}");
        publishForeign(lenient, full("counters"), "{\"name\":\"b\",\"count\":\"5\"}");

        assertEquals(new Order("11", null, null, null, null), take(orders));
        assertEquals(new Counter("123", 1, Level.HIGH), take(counters));
        assertEquals(new Counter("b", 5, null), take(counters));
        assertTrue(errors().errors.isEmpty(), errors().errors.toString());
    }
}
