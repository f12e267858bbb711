package dev.herald.jackson3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.PayloadCodec;
import dev.herald.PayloadType;
import dev.herald.jackson3.WirePayloads.Annotated;
import dev.herald.jackson3.WirePayloads.Bean;
import dev.herald.jackson3.WirePayloads.Circle;
import dev.herald.jackson3.WirePayloads.Containers;
import dev.herald.jackson3.WirePayloads.Envelope;
import dev.herald.jackson3.WirePayloads.Identifiers;
import dev.herald.jackson3.WirePayloads.Item;
import dev.herald.jackson3.WirePayloads.Money;
import dev.herald.jackson3.WirePayloads.Optionals;
import dev.herald.jackson3.WirePayloads.OrderCreated;
import dev.herald.jackson3.WirePayloads.Scalars;
import dev.herald.jackson3.WirePayloads.Shape;
import dev.herald.jackson3.WirePayloads.Sku;
import dev.herald.jackson3.WirePayloads.Square;
import dev.herald.jackson3.WirePayloads.Status;
import dev.herald.jackson3.WirePayloads.Times;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Herald's Jackson 3 codec writes the bytes its Jackson 2 codec writes, payload by payload, and each reads the
 * other's bytes back to the same value.
 */
class WireCompatibilityTest {

    private static final BothCodecs CODECS = BothCodecs.strict();

    private static final Instant AT = Instant.parse("2026-11-29T10:15:30.123456789Z");
    private static final Item BOOK = new Item("book/1", 2, new BigDecimal("19.90"));

    /** A map whose iteration order is the order written. */
    @SafeVarargs
    private static <K, V> Map<K, V> ordered(Map.Entry<K, V>... entries) {
        Map<K, V> map = new LinkedHashMap<>();
        for (Map.Entry<K, V> entry : entries) {
            map.put(entry.getKey(), entry.getValue());
        }
        return map;
    }

    private static Arguments payload(String name, PayloadType<?> type, Object value) {
        return Arguments.of(Named.of(name, type), value);
    }

    static Stream<Arguments> payloads() {
        Map<String, Object> untyped = ordered(Map.entry("n", 1), Map.entry("big", 12345678901234L), Map.entry("f", 1.5),
                Map.entry("list", List.of("a", true)), Map.entry("nested", ordered(Map.entry("x", "y"))));
        // a Set<enum> of one: Jackson 3 reads such a set as an EnumSet (enum order), Jackson 2 as a HashSet (hash
        // order), equal sets whose next encoding may list them in another order
        Containers containers = new Containers(List.of(BOOK, BOOK), new LinkedHashSet<>(List.of(Status.PAID)),
                ordered(Map.entry("u-1", List.of(BOOK)), Map.entry("u-2", List.of())),
                ordered(Map.entry(Status.NEW, 3), Map.entry(Status.SHIPPED, 0)), List.of(ordered(Map.entry("a", Optional.of(new BigDecimal("1.10"))),
                        Map.entry("b", Optional.empty()))), untyped);
        Times times = new Times(AT, LocalDate.of(2026, 11, 29), LocalDateTime.of(2026, 11, 29, 10, 15, 30, 120_000_000),
                LocalTime.of(23, 59, 59, 1000), OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)),
                OffsetTime.of(8, 0, 0, 0, ZoneOffset.ofHoursMinutes(-3, -30)),
                ZonedDateTime.of(2026, 11, 29, 10, 15, 30, 0, ZoneId.of("Europe/Paris")), Duration.ofMillis(90_061_001),
                Period.of(1, 2, 3), Year.of(2026), YearMonth.of(2026, 11), MonthDay.of(2, 29), ZoneId.of("Europe/Paris"),
                ZoneOffset.ofHours(-5));
        return Stream.of(
                payload("record", PayloadType.of(OrderCreated.class), new OrderCreated("o-1", "u-1", List.of(BOOK,
                        new Item("pen", 1, new BigDecimal("1E+3"))), new BigDecimal("1019.90"), AT, Status.PAID)),
                payload("scalars", PayloadType.of(Scalars.class), new Scalars("s", 'c', (byte) -8, (short) 300, Integer.MIN_VALUE,
                        Long.MAX_VALUE, 0.1f, 2e23, true, null, -1L, 1e-7, false, new BigInteger("123456789012345678901234567890"),
                        new BigDecimal("-0.000001"))),
                payload("doubles that JDK 17 prints longer than needed", PayloadType.of(double[].class),
                        new double[] {2e23, 1.0E23, 8.41E21, 5e-324, Double.MAX_VALUE, -0.0, 100, 1e7, 1.0E-3}),
                payload("floats", PayloadType.of(float[].class), new float[] {1.0E10f, 0.3f, Float.MIN_VALUE, 3.4028235E38f}),
                payload("NaN and infinities", PayloadType.of(Scalars.class), new Scalars("", '\u0000', (byte) 0, (short) 0, 0, 0,
                        Float.NEGATIVE_INFINITY, Double.NaN, false, 0, 0L, Double.POSITIVE_INFINITY, true, BigInteger.ZERO,
                        BigDecimal.ZERO)),
                payload("strings that need escaping", PayloadType.of(String[].class), new String[] {
                        "quote \" backslash \\ slash / tab \t newline \n bell \u0007 del \u007f",
                        "</script> & <b> 'single'", "é ü ß – € 中文", "emoji \uD83D\uDE00 and a lone surrogate \uD83D",
                        "line separator \u2028 paragraph \u2029", "nul \u0000"}),
                payload("java.time", PayloadType.of(Times.class), times),
                payload("java.time at UTC", PayloadType.of(ZonedDateTime[].class), new ZonedDateTime[] {
                        ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneId.of("UTC"))}),
                payload("offset at UTC", PayloadType.of(OffsetDateTime.class), OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 5, ZoneOffset.UTC)),
                payload("instant, whole seconds", PayloadType.of(Instant.class), Instant.parse("2026-11-29T10:15:30Z")),
                payload("instant at the epoch", PayloadType.of(Instant.class), Instant.EPOCH),
                payload("duration", PayloadType.of(Duration.class), Duration.ofSeconds(-1, 5)),
                payload("optionals", PayloadType.of(Optionals.class), new Optionals(Optional.of("p"), Optional.empty(), Optional.of(BOOK),
                        OptionalInt.of(7), OptionalLong.of(-7), OptionalDouble.of(0.5), OptionalInt.empty())),
                payload("optional payload", new PayloadType<Optional<Item>>() { }, Optional.of(BOOK)),
                payload("containers", PayloadType.of(Containers.class), containers),
                payload("nested generics", new PayloadType<Map<String, List<Map<Status, Optional<Item>>>>>() { },
                        ordered(Map.entry("k", List.of(ordered(Map.entry(Status.NEW, Optional.of(BOOK)), Map.entry(Status.PAID, Optional.empty())))))),
                payload("list of records", new PayloadType<List<OrderCreated>>() { }, List.of(new OrderCreated("o", "u", List.of(), BigDecimal.ONE,
                        AT, Status.NEW))),
                payload("identifiers", PayloadType.of(Identifiers.class), new Identifiers(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
                        URI.create("https://example.org/a?b=c#d"), Locale.forLanguageTag("pt-BR"))),
                payload("annotations", PayloadType.of(Annotated.class), new Annotated("o-1", null, null, 9_007_199_254_740_993L,
                        LocalDate.of(2026, 2, 3))),
                payload("value wrapper and nulls", PayloadType.of(Envelope.class), new Envelope(new Sku("s-1"), null, null, List.of())),
                payload("creator class", PayloadType.of(Money.class), new Money("EUR", 1999)),
                payload("bean", PayloadType.of(Bean.class), bean("b", 3)),
                payload("polymorphic", PayloadType.of(Shape.class), new Circle(1.5)),
                payload("polymorphic list", new PayloadType<List<Shape>>() { }, List.of(new Square(2), new Circle(0.25))),
                payload("enum", PayloadType.of(Status.class), Status.SHIPPED),
                payload("string", PayloadType.of(String.class), "text"),
                payload("int", PayloadType.of(Integer.class), 42),
                payload("boolean", PayloadType.of(Boolean.class), true),
                payload("decimal", PayloadType.of(BigDecimal.class), new BigDecimal("99.990")),
                payload("decimal, exponent", PayloadType.of(BigDecimal.class), new BigDecimal("1.5E-12")),
                payload("bytes", PayloadType.of(byte[].class), new byte[] {0, 1, -1, 127, -128, 'h', 'i'}),
                payload("ints", PayloadType.of(int[].class), new int[] {1, -2, Integer.MAX_VALUE}),
                payload("char", PayloadType.of(Character.class), 'x'));
    }

    private static Bean bean(String name, int size) {
        Bean bean = new Bean();
        bean.setName(name);
        bean.setSize(size);
        return bean;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    <T> void bothCodecsWriteTheSameBytesAndReadEachOthers(PayloadType<T> type, T value) throws Exception {
        PayloadCodec<T> jackson2 = CODECS.jackson2().codec(type);
        PayloadCodec<T> jackson3 = CODECS.jackson3().codec(type);

        byte[] written2 = jackson2.encode(value);
        byte[] written3 = jackson3.encode(value);
        assertEquals(new String(written2, UTF_8), new String(written3, UTF_8));
        assertArrayEquals(written2, written3);

        T read3 = jackson3.decode(written2);
        T read2 = jackson2.decode(written3);
        assertTrue(Objects.deepEquals(read2, read3), () -> show(read2) + " != " + show(read3));
        assertTrue(Objects.deepEquals(jackson2.decode(written2), read3), "Jackson 3 reads Jackson 2's bytes as Jackson 2 does");
        // not always the bytes first written: both read a ZonedDateTime at UTC
        assertArrayEquals(jackson2.encode(read2), jackson3.encode(read3), "what each read writes the same bytes again");
    }

    private static String show(Object value) {
        return value instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(value);
    }

    @Test
    void theTableCoversWhatTheBriefNames() {
        List<Object> values = payloads().map(arguments -> arguments.get()[1]).toList();
        assertTrue(values.stream().anyMatch(Times.class::isInstance), "java.time");
        assertTrue(values.stream().anyMatch(Optionals.class::isInstance), "Optional and the jdk8 types");
        assertTrue(values.stream().anyMatch(BigDecimal.class::isInstance), "BigDecimal");
        assertTrue(values.stream().anyMatch(Status.class::isInstance), "enums");
        assertTrue(values.stream().anyMatch(Record.class::isInstance), "records");
        assertTrue(values.stream().anyMatch(Map.class::isInstance), "maps and nested generics");
        assertTrue(values.stream().anyMatch(List.class::isInstance), "lists");
    }
}
