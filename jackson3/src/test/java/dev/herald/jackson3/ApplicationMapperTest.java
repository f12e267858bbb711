package dev.herald.jackson3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herald.PayloadType;
import dev.herald.internal.JacksonCodecFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/** The application's Jackson 3 mapper: its naming strategy and modules shape the bytes; Herald's wire rules hold. */
class ApplicationMapperTest {

    /** A payload with camel-case names, a time, a path and a value an application module writes. */
    public record OrderShipped(String orderId, Instant shippedAt, Duration took, String trackingUrl, Money total) {
    }

    /** Written by the application's module as {@code "EUR 19.90"}. */
    public record Money(String currency, BigDecimal amount) {
    }

    private static final OrderShipped SHIPPED = new OrderShipped("o-1", Instant.parse("2026-11-29T10:15:30Z"),
            Duration.ofMinutes(90), "https://track.example/o-1", new Money("EUR", new BigDecimal("19.90")));

    private static final PayloadType<OrderShipped> TYPE = PayloadType.of(OrderShipped.class);

    private static SimpleModule moneyAsText() {
        return new SimpleModule("money").addSerializer(Money.class, new StdSerializer<>(Money.class) {
            @Override
            public void serialize(Money value, JsonGenerator generator, SerializationContext context) {
                generator.writeString(value.currency() + " " + value.amount().toPlainString());
            }
        });
    }

    @Test
    void theApplicationsNamingStrategyAndModulesApplyToTheBytes() throws Exception {
        JsonMapper mapper = JsonMapper.builderWithJackson2Defaults()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(moneyAsText())
                .build();
        String json = BothCodecs.encode(new Jackson3CodecFactory(mapper), TYPE, SHIPPED);
        assertEquals("{\"order_id\":\"o-1\",\"shipped_at\":\"2026-11-29T10:15:30Z\",\"took\":\"PT1H30M\","
                + "\"tracking_url\":\"https://track.example/o-1\",\"total\":\"EUR 19.90\"}", json);

        com.fasterxml.jackson.databind.json.JsonMapper jackson2 = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .propertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new com.fasterxml.jackson.databind.module.SimpleModule("money").addSerializer(Money.class,
                        new com.fasterxml.jackson.databind.ser.std.StdSerializer<>(Money.class) {
                            @Override
                            public void serialize(Money value, com.fasterxml.jackson.core.JsonGenerator generator,
                                    com.fasterxml.jackson.databind.SerializerProvider provider) throws java.io.IOException {
                                generator.writeString(value.currency() + " " + value.amount().toPlainString());
                            }
                        }))
                .build();
        assertEquals(BothCodecs.encode(new JacksonCodecFactory(jackson2), TYPE, SHIPPED), json,
                "the same bytes as the Jackson 2 codec with the same Jackson 2 mapper");
    }

    public record Named(String orderId, String userId) {
    }

    @Test
    void theNamingStrategyAppliesOnReadTooAndStrictReadingUsesTheMappedNames() throws Exception {
        JsonMapper mapper = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        Jackson3CodecFactory codecs = new Jackson3CodecFactory(mapper);
        PayloadType<Named> type = PayloadType.of(Named.class);
        assertEquals(new Named("o", "u"), BothCodecs.decode(codecs, type, "{\"order_id\":\"o\",\"user_id\":\"u\",\"orderId\":\"x\"}"));
        Exception missing = assertThrows(tools.jackson.databind.exc.MismatchedInputException.class,
                () -> BothCodecs.decode(codecs, type, "{\"orderId\":\"o\",\"userId\":\"u\"}"));
        assertEquals(true, missing.getMessage().contains("Missing required creator property 'order_id'"), missing.getMessage());
    }

    @Test
    void heraldsWireRulesHoldWhateverTheMapperSays() throws Exception {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS, DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        Jackson3CodecFactory codecs = new Jackson3CodecFactory(mapper);
        PayloadType<Times> type = PayloadType.of(Times.class);
        Times times = new Times(Instant.parse("2026-11-29T10:15:30Z"), Duration.ofSeconds(5), Year.of(2026));
        String json = BothCodecs.encode(codecs, type, times);
        assertEquals("{\"at\":\"2026-11-29T10:15:30Z\",\"took\":\"PT5S\",\"year\":\"2026\"}", json, "java.time as ISO-8601 strings");
        assertEquals(times, BothCodecs.decode(codecs, type, json.replace("{", "{\"unknown\":1,")), "unknown properties ignored");
        assertThrows(tools.jackson.databind.exc.MismatchedInputException.class, () -> BothCodecs.decode(codecs, type, json + " 1"),
                "trailing tokens refused");

        assertEquals("{\"at\":1795947330.000000000,\"took\":5.000000000,\"year\":2026}", mapper.writeValueAsString(times),
                "the application's mapper is not changed");
    }

    /** Times, one of each kind Herald writes as a string. */
    public record Times(Instant at, Duration took, Year year) {
    }

    /** A bean: its properties come in the order of its getters, unless sorted. */
    public static final class Link {
        /** @return a path */
        public String getUrl() {
            return "a/b";
        }

        /** @return an emoji */
        public String getLabel() {
            return "\uD83D\uDE00";
        }
    }

    @Test
    void aMapperWithJackson3sDefaultsWritesAsJackson3AndOneWithJackson2sDefaultsAsJackson2() throws Exception {
        PayloadType<Link> type = PayloadType.of(Link.class);
        String jackson2 = BothCodecs.encode(new JacksonCodecFactory(null), type, new Link());
        assertEquals("{\"url\":\"a/b\",\"label\":\"\\uD83D\\uDE00\"}", jackson2, "an emoji as two escapes");
        assertEquals(jackson2, BothCodecs.encode(new Jackson3CodecFactory(), type, new Link()));
        assertEquals(jackson2, BothCodecs.encode(new Jackson3CodecFactory(JsonMapper.builderWithJackson2Defaults().build()), type, new Link()));

        String jackson3 = BothCodecs.encode(new Jackson3CodecFactory(JsonMapper.builder().build()), type, new Link());
        assertEquals("{\"label\":\"\uD83D\uDE00\",\"url\":\"a/b\"}", jackson3,
                "Jackson 3's defaults: properties sorted, an emoji as its four UTF-8 bytes");
        PayloadType<java.util.Map<String, String>> map = new PayloadType<>() { };
        assertEquals(BothCodecs.decode(new JacksonCodecFactory(null), map, jackson2), BothCodecs.decode(new JacksonCodecFactory(null), map, jackson3),
                "the same message to any reader");

        assertEquals("\"pt-BR\"", BothCodecs.encode(new Jackson3CodecFactory(JsonMapper.builderWithJackson2Defaults().build()),
                PayloadType.of(Locale.class), Locale.forLanguageTag("pt-BR")), "a Locale as Jackson 3 writes it");
        assertEquals("\"pt_BR\"", BothCodecs.encode(new Jackson3CodecFactory(), PayloadType.of(Locale.class), Locale.forLanguageTag("pt-BR")),
                "and as Jackson 2 does, on Herald's defaults");
    }
}
