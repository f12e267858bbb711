package dev.herald.jackson3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.CodecFactory;
import dev.herald.PayloadCodec;
import dev.herald.PayloadType;
import dev.herald.internal.JacksonCodecFactory;
import dev.herald.jackson3.StrictTypes.Bean;
import dev.herald.jackson3.StrictTypes.ExplicitCanonical;
import dev.herald.jackson3.StrictTypes.Full;
import dev.herald.jackson3.StrictTypes.Injected;
import dev.herald.jackson3.StrictTypes.Level;
import dev.herald.jackson3.StrictTypes.Maybe;
import dev.herald.jackson3.StrictTypes.Money;
import dev.herald.jackson3.StrictTypes.Note;
import dev.herald.jackson3.StrictTypes.Opted;
import dev.herald.jackson3.StrictTypes.Priority;
import dev.herald.jackson3.StrictTypes.Quoted;
import dev.herald.jackson3.StrictTypes.QuotedBean;
import dev.herald.jackson3.StrictTypes.Reminder;
import dev.herald.jackson3.StrictTypes.Scalars;
import dev.herald.jackson3.StrictTypes.Skipping;
import dev.herald.jackson3.StrictTypes.Task;
import dev.herald.jackson3.StrictTypes.Ticket;
import dev.herald.jackson3.StrictTypes.WithOptionals;
import dev.herald.jackson3.StrictTypes.Wrapped;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The strict (and lenient) reading of the runtime's StrictPayloadsTest as one table, run on Herald's Jackson 2
 * codec and on its Jackson 3 codec: each row states the outcome, and both codecs must give it, with the same
 * exception class when they refuse and the same value when they accept.
 */
class StrictReadingTest {

    /** What a row expects. */
    enum Outcome {
        /** Decoded. */
        ACCEPTED,
        /** Refused as input of the wrong shape ({@code MismatchedInputException} or a subclass). */
        REFUSED,
        /** Refused for an explicit {@code null} where none is allowed ({@code InvalidNullException}). */
        REFUSED_NULL,
        /** Refused as no JSON at all (Jackson 2's {@code JsonParseException}, Jackson 3's {@code StreamReadException}). */
        MALFORMED
    }

    /** How both codecs are made; each setup has a Jackson 2 and a Jackson 3 side configured alike. */
    enum Setup {
        STRICT(BothCodecs::strict),
        LENIENT(BothCodecs::lenient),
        /** The application lets an Integer be read from a string. */
        INTEGERS_FROM_STRINGS(() -> new BothCodecs(new JacksonCodecFactory(AppMappers.Jackson2.integersFromStrings()),
                new Jackson3CodecFactory(AppMappers.Jackson3.integersFromStrings()))),
        /** The application writes numbers as strings. */
        NUMBERS_AS_STRINGS(() -> new BothCodecs(new JacksonCodecFactory(AppMappers.Jackson2.numbersAsStrings()),
                new Jackson3CodecFactory(AppMappers.Jackson3.numbersAsStrings()))),
        /** The application injects {@code "source"}. */
        INJECTING(() -> new BothCodecs(new JacksonCodecFactory(AppMappers.Jackson2.injecting()),
                new Jackson3CodecFactory(AppMappers.Jackson3.injecting()))),
        /** The application's problem handler reads an inexact quoted long as -1. */
        PROBLEM_HANDLER(() -> new BothCodecs(new JacksonCodecFactory(AppMappers.Jackson2.problemHandler()),
                new Jackson3CodecFactory(AppMappers.Jackson3.problemHandler())));

        private final Supplier<BothCodecs> codecs;

        Setup(Supplier<BothCodecs> codecs) {
            this.codecs = codecs;
        }

        BothCodecs codecs() {
            return codecs.get();
        }
    }

    private static final String SCALARS = "{\"s\":\"s\",\"i\":1,\"boxed\":2,\"l\":3,\"d\":4,\"b\":true,\"boxedB\":false,"
            + "\"decimal\":1.5,\"t\":\"2026-11-29T10:15:30Z\",\"level\":\"HIGH\"}";
    private static final String QUOTED_BEAN = "{\"ratio\":\"0.1\",\"share\":\"0.5\",\"boxedShare\":\"-2.5\",\"count\":\"7\","
            + "\"small\":\"-300\",\"tiny\":\"12\",\"big\":\"123456789012345678901234567890\",\"total\":\"9007199254740993\"}";

    private static final List<Arguments> ROWS = new ArrayList<>();

    private static void row(Setup setup, Class<?> type, String json, Outcome outcome, String messageFragment) {
        String name = setup + " " + type.getSimpleName() + " " + json + " -> " + outcome;
        ROWS.add(Arguments.of(Named.of(name, setup), PayloadType.of(type), json, outcome, messageFragment));
    }

    private static void row(Setup setup, Class<?> type, String json, Outcome outcome) {
        row(setup, type, json, outcome, null);
    }

    private static void scalars(String replaced, String by, Outcome strictOutcome) {
        String json = SCALARS.replace(replaced, by);
        assertNotEquals(SCALARS, json, by);
        row(Setup.STRICT, Scalars.class, json, strictOutcome);
        row(Setup.LENIENT, Scalars.class, json, Outcome.ACCEPTED); // Jackson's default takes every one of them
    }

    static {
        // a missing creator property, where lenient reading gave nulls and zeros
        row(Setup.LENIENT, Full.class, "{}", Outcome.ACCEPTED);
        row(Setup.STRICT, Full.class, "{\"count\":1,\"tags\":[]}", Outcome.REFUSED, "Missing required creator property 'name'");
        row(Setup.STRICT, Full.class, "{\"name\":\"n\",\"tags\":[]}", Outcome.REFUSED, "'count'");
        row(Setup.STRICT, Full.class, "{\"name\":\"n\",\"count\":1}", Outcome.REFUSED, "'tags'");
        row(Setup.STRICT, Full.class, "{\"name\":\"n\",\"count\":1,\"tags\":[],\"extra\":0}", Outcome.ACCEPTED);
        // an explicit null for a required property
        row(Setup.STRICT, Full.class, "{\"name\":null,\"count\":1,\"tags\":[]}", Outcome.REFUSED_NULL);
        row(Setup.STRICT, Full.class, "{\"name\":\"n\",\"count\":1,\"tags\":null}", Outcome.REFUSED_NULL);
        row(Setup.STRICT, Full.class, "{\"name\":\"n\",\"count\":null,\"tags\":[]}", Outcome.REFUSED_NULL);
        // optional and nullable properties may be absent or null
        row(Setup.STRICT, WithOptionals.class, "{\"id\":\"i\"}", Outcome.ACCEPTED);
        row(Setup.STRICT, WithOptionals.class, "{\"id\":\"i\",\"note\":null,\"a\":null,\"b\":null,\"c\":null,\"typeUse\":null,"
                + "\"declared\":null}", Outcome.ACCEPTED);
        row(Setup.STRICT, WithOptionals.class, "{\"id\":\"i\",\"note\":\"n\",\"a\":1,\"b\":2,\"c\":3,\"typeUse\":\"t\","
                + "\"declared\":\"d\"}", Outcome.ACCEPTED);
        row(Setup.STRICT, WithOptionals.class, "{\"note\":\"n\"}", Outcome.REFUSED);
        row(Setup.STRICT, ExplicitCanonical.class, "{\"id\":\"i\"}", Outcome.ACCEPTED);
        row(Setup.STRICT, ExplicitCanonical.class, "{\"note\":\"n\"}", Outcome.REFUSED);
        // @JsonProperty and @JsonSetter opt out; required = true wins over Optional, and refuses a null too
        row(Setup.STRICT, Opted.class, "{\"d\":\"x\"}", Outcome.ACCEPTED);
        row(Setup.STRICT, Opted.class, "{}", Outcome.REFUSED, "'d'");
        row(Setup.STRICT, Opted.class, "{\"d\":null}", Outcome.REFUSED_NULL);
        // explicit creators are required, bean setters are not; a null for a primitive is refused, setter or not
        row(Setup.STRICT, Money.class, "{\"currency\":\"EUR\",\"cents\":5}", Outcome.ACCEPTED);
        row(Setup.STRICT, Money.class, "{\"currency\":\"EUR\"}", Outcome.REFUSED, "'cents'");
        row(Setup.STRICT, Bean.class, "{}", Outcome.ACCEPTED);
        row(Setup.STRICT, Bean.class, "{\"name\":\"x\"}", Outcome.ACCEPTED);
        row(Setup.STRICT, Bean.class, "{\"size\":null}", Outcome.REFUSED);
        // a delegating record still reads its value
        row(Setup.STRICT, Wrapped.class, "\"w\"", Outcome.ACCEPTED);
        // each silent coercion is refused, and lenient reading still takes it
        row(Setup.STRICT, Scalars.class, SCALARS, Outcome.ACCEPTED);
        scalars("\"i\":1", "\"i\":1.9", Outcome.REFUSED);            // float -> int
        scalars("\"l\":3", "\"l\":3.5", Outcome.REFUSED);            // float -> long
        scalars("\"boxed\":2", "\"boxed\":2.5", Outcome.REFUSED);    // float -> Integer
        scalars("\"i\":1", "\"i\":\"5\"", Outcome.REFUSED);          // string -> int
        scalars("\"i\":1", "\"i\":\"\"", Outcome.REFUSED);           // empty string -> int
        scalars("\"boxed\":2", "\"boxed\":\"\"", Outcome.REFUSED);   // empty string -> Integer (was null)
        scalars("\"d\":4", "\"d\":\"4\"", Outcome.REFUSED);          // string -> double
        scalars("\"decimal\":1.5", "\"decimal\":\"1.5\"", Outcome.REFUSED); // string -> BigDecimal
        scalars("\"b\":true", "\"b\":\"true\"", Outcome.REFUSED);    // string -> boolean
        scalars("\"b\":true", "\"b\":1", Outcome.REFUSED);           // number -> boolean
        scalars("\"boxedB\":false", "\"boxedB\":0", Outcome.REFUSED); // number -> Boolean
        scalars("\"s\":\"s\"", "\"s\":123", Outcome.REFUSED);        // int -> String
        scalars("\"s\":\"s\"", "\"s\":1.5", Outcome.REFUSED);        // float -> String
        scalars("\"s\":\"s\"", "\"s\":true", Outcome.REFUSED);       // boolean -> String
        scalars("\"level\":\"HIGH\"", "\"level\":1", Outcome.REFUSED); // number -> enum
        scalars("\"i\":1", "\"i\":null", Outcome.REFUSED_NULL);      // null -> int
        scalars("\"t\":\"2026-11-29T10:15:30Z\"", "\"t\":\"\"", Outcome.REFUSED); // empty string -> Instant (was null)
        // what is not a coercion stays accepted
        row(Setup.STRICT, Scalars.class, SCALARS.replace("\"decimal\":1.5", "\"decimal\":7").replace("\"d\":4", "\"d\":\"NaN\""),
                Outcome.ACCEPTED);
        row(Setup.STRICT, Locale.class, "\"\"", Outcome.ACCEPTED);
        row(Setup.STRICT, double[].class, "[1, 2.5]", Outcome.ACCEPTED);
        // properties declared as strings are read from exact strings, and from numbers
        row(Setup.STRICT, Quoted.class, "{\"id\":\"9007199254740993\",\"amount\":\"99.99\",\"flag\":\"true\",\"plain\":1}", Outcome.ACCEPTED);
        row(Setup.STRICT, Quoted.class, "{\"id\":9007199254740993,\"amount\":99.99,\"flag\":true,\"plain\":1}", Outcome.ACCEPTED);
        row(Setup.STRICT, Quoted.class, "{\"id\":\"1.5\",\"amount\":\"1\",\"flag\":\"true\",\"plain\":1}", Outcome.REFUSED, "not an exact long");
        row(Setup.STRICT, Quoted.class, "{\"id\":\"1\",\"amount\":\"1\",\"flag\":\"yes\",\"plain\":1}", Outcome.REFUSED, "not an exact boolean");
        row(Setup.STRICT, Quoted.class, "{\"id\":\"1\",\"amount\":\"1\",\"flag\":\"true\",\"plain\":\"1\"}", Outcome.REFUSED);
        row(Setup.STRICT, Quoted.class, "{\"id\":null,\"amount\":\"1\",\"flag\":\"true\",\"plain\":1}", Outcome.REFUSED_NULL);
        row(Setup.STRICT, QuotedBean.class, QUOTED_BEAN, Outcome.ACCEPTED);
        row(Setup.STRICT, QuotedBean.class, QUOTED_BEAN.replace("\"0.1\"", "\"NaN\"").replace("\"0.5\"", "\"-Infinity\"")
                .replace("\"-2.5\"", "\"Infinity\""), Outcome.ACCEPTED);
        String[][] inexact = {
            {"\"7\"", "\"7.5\"", "int"},
            {"\"-300\"", "\"40000\"", "short"},
            {"\"12\"", "\"300\"", "byte"},
            {"\"123456789012345678901234567890\"", "\"1.5\"", "BigInteger"},
            {"\"9007199254740993\"", "\"1e400\"", "Long"},
            {"\"0.1\"", "\"0.1f\"", "double"},
            {"\"0.1\"", "\"ten\"", "double"},
        };
        for (String[] value : inexact) {
            row(Setup.STRICT, QuotedBean.class, QUOTED_BEAN.replace(value[0], value[1]), Outcome.REFUSED, "not an exact " + value[2]);
        }
        row(Setup.STRICT, QuotedBean.class, QUOTED_BEAN.replace("\"7\"", "null"), Outcome.REFUSED, "Cannot map `null` into type `int`");
        row(Setup.STRICT, QuotedBean.class, QUOTED_BEAN.replace("\"-2.5\"", "null"), Outcome.ACCEPTED);
        // the application's own coercions, problem handler and injected values are kept
        row(Setup.INTEGERS_FROM_STRINGS, Scalars.class, SCALARS.replace("\"i\":1", "\"i\":\"5\""), Outcome.ACCEPTED);
        row(Setup.INTEGERS_FROM_STRINGS, Scalars.class, SCALARS.replace("\"s\":\"s\"", "\"s\":5"), Outcome.REFUSED);
        row(Setup.PROBLEM_HANDLER, Quoted.class, "{\"id\":\"1.5\",\"amount\":\"1\",\"flag\":\"true\",\"plain\":1}", Outcome.ACCEPTED);
        row(Setup.INJECTING, Injected.class, "{\"id\":\"i\"}", Outcome.ACCEPTED);
        row(Setup.INJECTING, Injected.class, "{\"id\":\"i\",\"source\":null}", Outcome.ACCEPTED);
        // numbers written as strings are read from strings
        row(Setup.NUMBERS_AS_STRINGS, Scalars.class, SCALARS.replace("\"i\":1", "\"i\":\"1\"").replace("\"d\":4", "\"d\":\"4.5\"")
                .replace("\"decimal\":1.5", "\"decimal\":\"99.99\""), Outcome.ACCEPTED);
        // skipped nulls are not required
        row(Setup.STRICT, Skipping.class, "{\"id\":\"i\"}", Outcome.ACCEPTED);
        row(Setup.STRICT, Skipping.class, "{\"id\":\"i\",\"note\":null}", Outcome.ACCEPTED);
        // a type-use @Nullable counts on any creator
        row(Setup.STRICT, Note.class, "{\"id\":\"i\"}", Outcome.ACCEPTED);
        row(Setup.STRICT, Note.class, "{\"text\":\"t\"}", Outcome.REFUSED, "'id'");
        // a field neither makes an optional creator property required nor hides its own required marker
        row(Setup.STRICT, Reminder.class, "{\"id\":\"i\"}", Outcome.ACCEPTED);
        row(Setup.STRICT, Reminder.class, "{\"note\":\"n\"}", Outcome.REFUSED, "'id'");
        row(Setup.STRICT, Ticket.class, "{}", Outcome.REFUSED, "Missing required creator property 'seat'");
        row(Setup.STRICT, Ticket.class, "{\"seat\":\"a1\"}", Outcome.ACCEPTED);
        // a type declared as a string is no quoted scalar
        row(Setup.STRICT, Task.class, "{\"id\":\"t\",\"priority\":\"HIGH\"}", Outcome.ACCEPTED);
        // an empty string is no null, even where a null is allowed
        row(Setup.STRICT, Maybe.class, "{\"id\":\"m\"}", Outcome.ACCEPTED);
        row(Setup.STRICT, Maybe.class, "{\"id\":\"m\",\"count\":null,\"ratio\":null,\"flag\":null,\"at\":null}", Outcome.ACCEPTED);
        String[][] empties = {{"count", "Integer"}, {"ratio", "Double"}, {"flag", "Boolean"}, {"at", "java.time.Instant"}};
        for (String[] empty : empties) {
            String json = "{\"id\":\"m\",\"" + empty[0] + "\":\"\"}";
            row(Setup.LENIENT, Maybe.class, json, Outcome.ACCEPTED);
            row(Setup.STRICT, Maybe.class, json, Outcome.REFUSED, "Cannot coerce empty String (\"\")");
        }
        // what either codec never accepts, strict or not: trailing tokens and a JSON null payload
        for (Setup setup : new Setup[] {Setup.STRICT, Setup.LENIENT}) {
            row(setup, Full.class, "{\"name\":\"n\",\"count\":1,\"tags\":[]} {}", Outcome.REFUSED, "Trailing token");
            row(setup, Full.class, "{\"name\":\"n\",\"count\":1,\"tags\":[]}]", Outcome.MALFORMED, "Unexpected close marker ']'");
        }
    }

    static Stream<Arguments> rows() {
        return ROWS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    <T> void bothCodecsGiveTheOutcome(Setup setup, PayloadType<T> type, String json, Outcome outcome, String messageFragment) {
        BothCodecs codecs = setup.codecs();
        Result<T> jackson2 = decode(codecs.jackson2(), type, json);
        Result<T> jackson3 = decode(codecs.jackson3(), type, json);
        jackson2.assertOutcome(outcome, "Jackson 2", messageFragment, com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
                com.fasterxml.jackson.databind.exc.InvalidNullException.class, com.fasterxml.jackson.core.JsonParseException.class);
        jackson3.assertOutcome(outcome, "Jackson 3", messageFragment, tools.jackson.databind.exc.MismatchedInputException.class,
                tools.jackson.databind.exc.InvalidNullException.class, tools.jackson.core.exc.StreamReadException.class);
        if (outcome == Outcome.ACCEPTED) {
            assertSameValue(jackson2.value(), jackson3.value());
        } else if (outcome != Outcome.MALFORMED) {
            assertEquals(jackson2.failure().getClass().getSimpleName(), jackson3.failure().getClass().getSimpleName(),
                    () -> jackson2.failure() + " / " + jackson3.failure());
        }
    }

    @Test
    void theTableHoldsEveryCaseOfTheRuntimesTest() {
        assertTrue(ROWS.size() >= 90, "rows: " + ROWS.size());
    }

    @Test
    void aJsonNullPayloadIsRefusedByBoth() {
        for (CodecFactory factory : List.of(BothCodecs.strict().jackson2(), BothCodecs.strict().jackson3(), BothCodecs.lenient().jackson3())) {
            Result<Full> result = decode(factory, PayloadType.of(Full.class), "null");
            assertInstanceOf(IllegalArgumentException.class, result.failure(), factory.toString());
            assertEquals("payload is JSON null, expected " + Full.class.getName(), result.failure().getMessage());
        }
    }

    @Test
    void strictCodecsReadWhatTheyWrite() throws Exception {
        for (BothCodecs codecs : List.of(BothCodecs.strict(), Setup.NUMBERS_AS_STRINGS.codecs())) {
            Scalars full = new Scalars("s", 1, 2, 3, 4.5, true, false, new BigDecimal("99.99"), Instant.parse("2026-11-29T10:15:30Z"),
                    Level.LOW);
            assertEquals(full, roundTrip(codecs, PayloadType.of(Scalars.class), full));
            WithOptionals optionals = new WithOptionals("i", Optional.empty(), OptionalInt.empty(), OptionalLong.of(2),
                    OptionalDouble.empty(), null, "d");
            assertEquals(optionals, roundTrip(codecs, PayloadType.of(WithOptionals.class), optionals));
            Quoted quoted = new Quoted(9_007_199_254_740_993L, new BigDecimal("99.99"), true, 1);
            assertEquals(quoted, roundTrip(codecs, PayloadType.of(Quoted.class), quoted));
            assertEquals(new Task("t", Priority.HIGH), roundTrip(codecs, PayloadType.of(Task.class), new Task("t", Priority.HIGH)));
        }
        assertEquals("{\"id\":\"9007199254740993\",\"amount\":\"99.99\",\"flag\":\"true\",\"plain\":1}", BothCodecs.encode(
                new Jackson3CodecFactory(), PayloadType.of(Quoted.class), new Quoted(9_007_199_254_740_993L, new BigDecimal("99.99"), true, 1)));

        Scalars withNulls = new Scalars("s", 1, null, 3, Double.NaN, true, null, new BigDecimal("99.99"), Instant.EPOCH, Level.LOW);
        PayloadType<Scalars> type = PayloadType.of(Scalars.class);
        byte[] bytes = BothCodecs.strict().jackson3().codec(type).encode(withNulls);
        assertInstanceOf(tools.jackson.databind.exc.InvalidNullException.class,
                decode(BothCodecs.strict().jackson3(), type, new String(bytes, UTF_8)).failure(),
                "a null in a required component is refused on read");
    }

    /** Both write the same bytes, and each reads back what it wrote. */
    private static <T> T roundTrip(BothCodecs codecs, PayloadType<T> type, T value) throws Exception {
        PayloadCodec<T> jackson2 = codecs.jackson2().codec(type);
        PayloadCodec<T> jackson3 = codecs.jackson3().codec(type);
        byte[] bytes = jackson3.encode(value);
        assertArrayEquals(jackson2.encode(value), bytes, () -> new String(bytes, UTF_8));
        assertEquals(jackson2.decode(bytes), jackson3.decode(bytes));
        return jackson3.decode(bytes);
    }

    @Test
    void theApplicationsMapperIsNotChanged() {
        tools.jackson.databind.json.JsonMapper mapper = AppMappers.Jackson3.integersFromStrings();
        String lenientInput = "{}";
        String coerced = SCALARS.replace("\"s\":\"s\"", "\"s\":5");
        Object before = mapper.readValue(lenientInput, Full.class);
        Scalars coercedBefore = mapper.readValue(coerced, Scalars.class);
        tools.jackson.databind.cfg.CoercionAction actionBefore = textFromInteger(mapper);

        new Jackson3CodecFactory(mapper).codec(PayloadType.of(Full.class));
        new Jackson3CodecFactory(mapper).codec(PayloadType.of(Scalars.class));

        assertEquals(before, mapper.readValue(lenientInput, Full.class), "the mapper still reads a missing property");
        assertEquals(coercedBefore, mapper.readValue(coerced, Scalars.class), "the mapper still coerces 5 to \"5\"");
        assertEquals("5", coercedBefore.s());
        assertEquals(actionBefore, textFromInteger(mapper), "no coercion was added to the application's mapper");
        assertEquals(tools.jackson.databind.cfg.CoercionAction.Fail, textFromInteger(new Jackson3CodecFactory(mapper).mapper()),
                "Herald's copy has it");
    }

    private static tools.jackson.databind.cfg.CoercionAction textFromInteger(tools.jackson.databind.json.JsonMapper mapper) {
        return mapper.deserializationConfig().findCoercionAction(tools.jackson.databind.type.LogicalType.Textual, String.class,
                tools.jackson.databind.cfg.CoercionInputShape.Integer);
    }

    @Test
    void heraldsIntrospectorsHaveAVersionAsJacksonAsks() {
        assertEquals(tools.jackson.core.Version.unknownVersion(), new HeraldRequiredIntrospector().version());
        assertEquals(tools.jackson.core.Version.unknownVersion(), new QuotedScalars().version());
    }

    @Test
    void aCodecNamesItsType() {
        assertEquals("Jackson3Codec[" + Full.class.getName() + "]", new Jackson3CodecFactory().codec(PayloadType.of(Full.class)).toString());
    }

    /** A decoded value, or why not. */
    private record Result<T>(T value, Exception failure) {
        void assertOutcome(Outcome outcome, String codec, String messageFragment, Class<? extends Exception> mismatched,
                Class<? extends Exception> invalidNull, Class<? extends Exception> malformed) {
            switch (outcome) {
                case ACCEPTED -> assertNull(failure, () -> codec + " refused: " + failure);
                case REFUSED -> {
                    assertInstanceOf(mismatched, failure, codec);
                    assertFalse(invalidNull.isInstance(failure), () -> codec + " refused the null: " + failure);
                }
                case REFUSED_NULL -> assertInstanceOf(invalidNull, failure, codec);
                case MALFORMED -> {
                    assertInstanceOf(malformed, failure, codec);
                    assertFalse(mismatched.isInstance(failure), () -> codec + " read it as JSON: " + failure);
                }
                default -> throw new AssertionError(outcome);
            }
            if (messageFragment != null) {
                assertTrue(failure.getMessage().contains(messageFragment), () -> codec + ": " + failure.getMessage());
            }
        }
    }

    private static <T> Result<T> decode(CodecFactory factory, PayloadType<T> type, String json) {
        try {
            return new Result<>(BothCodecs.decode(factory, type, json), null);
        } catch (Exception e) {
            return new Result<>(null, e);
        }
    }

    /** Equal records, arrays or, for the classes without equals, equal fields. */
    private static void assertSameValue(Object jackson2, Object jackson3) {
        if (jackson2 == null || jackson2 instanceof Record || jackson2.getClass().isEnum() || jackson2 instanceof Locale) {
            assertEquals(jackson2, jackson3);
            return;
        }
        if (jackson2.getClass().isArray()) {
            assertTrue(Objects.deepEquals(jackson2, jackson3));
            return;
        }
        assertEquals(jackson2.getClass(), jackson3.getClass());
        for (Field field : jackson2.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            try {
                assertEquals(field.get(jackson2), field.get(jackson3), field.getName());
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
    }
}
