package dev.herald.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.herald.PayloadCodec;
import dev.herald.PayloadType;
import java.beans.ConstructorProperties;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The strict reading of Herald's Jackson codecs, case by case, against the lenient one. */
class StrictPayloadsTest {

    /** A type-use annotation, as JSpecify's. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE_USE)
    @interface Nullable {
    }

    /** Where a declaration annotation lives, as jakarta.annotation's; only the simple name counts. */
    static final class Jakarta {
        @Retention(RetentionPolicy.RUNTIME)
        @Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
        @interface Nullable {
        }
    }

    record Full(String name, int count, List<String> tags) {
    }

    record WithOptionals(String id, Optional<String> note, OptionalInt a, OptionalLong b, OptionalDouble c,
            @Nullable String typeUse, @Jakarta.Nullable String declared) {
    }

    record ExplicitCanonical(@Nullable String note, String id) {
        ExplicitCanonical(String note, String id) { // the parameters repeat nothing: the components count
            this.note = note;
            this.id = id;
        }
    }

    record Opted(@JsonProperty(isRequired = OptBoolean.FALSE) String a, @JsonProperty(defaultValue = "x") String b,
            @JsonSetter(nulls = Nulls.AS_EMPTY) List<String> c, @JsonProperty(required = true) Optional<String> d) {
    }

    record Scalars(String s, int i, Integer boxed, long l, double d, boolean b, Boolean boxedB, BigDecimal decimal,
            Instant t, Level level) {
    }

    enum Level { LOW, HIGH }

    record Wrapped(@JsonValue String value) {
    }

    static final class Money {
        final String currency;
        final long cents;

        @JsonCreator
        static Money of(@JsonProperty("currency") String currency, @JsonProperty("cents") long cents) {
            return new Money(currency, cents);
        }

        private Money(String currency, long cents) {
            this.currency = currency;
            this.cents = cents;
        }
    }

    static final class Bean {
        private String name;
        private int size;

        public void setName(String name) {
            this.name = name;
        }

        public void setSize(int size) {
            this.size = size;
        }
    }

    private static final String SCALARS = "{\"s\":\"s\",\"i\":1,\"boxed\":2,\"l\":3,\"d\":4,\"b\":true,\"boxedB\":false,"
            + "\"decimal\":1.5,\"t\":\"2026-11-29T10:15:30Z\",\"level\":\"HIGH\"}";

    private final JacksonCodecFactory strict = new JacksonCodecFactory(null);
    private final JacksonCodecFactory lenient = new JacksonCodecFactory(null, true);

    private static <T> T decode(JacksonCodecFactory factory, Class<T> type, String json) throws Exception {
        PayloadCodec<T> codec = factory.codec(PayloadType.of(type));
        return codec.decode(json.getBytes(UTF_8));
    }

    private <T> MismatchedInputException refused(Class<T> type, String json) {
        return assertThrows(MismatchedInputException.class, () -> decode(strict, type, json), json);
    }

    @Test
    void aMissingCreatorPropertyIsRefusedWhereLenientReadingGaveNullsAndZeros() throws Exception {
        assertEquals(new Full(null, 0, null), decode(lenient, Full.class, "{}"));
        assertTrue(refused(Full.class, "{\"count\":1,\"tags\":[]}").getMessage().contains("Missing required creator property 'name'"));
        assertTrue(refused(Full.class, "{\"name\":\"n\",\"tags\":[]}").getMessage().contains("'count'"), "a missing int is not 0");
        assertTrue(refused(Full.class, "{\"name\":\"n\",\"count\":1}").getMessage().contains("'tags'"));
        assertEquals(new Full("n", 1, List.of()), decode(strict, Full.class, "{\"name\":\"n\",\"count\":1,\"tags\":[],\"extra\":0}"));
    }

    @Test
    void anExplicitNullForARequiredPropertyIsRefused() {
        assertInstanceOf(InvalidNullException.class, refused(Full.class, "{\"name\":null,\"count\":1,\"tags\":[]}"));
        assertInstanceOf(InvalidNullException.class, refused(Full.class, "{\"name\":\"n\",\"count\":1,\"tags\":null}"));
        refused(Full.class, "{\"name\":\"n\",\"count\":null,\"tags\":[]}");
    }

    @Test
    void optionalAndNullablePropertiesMayBeAbsentOrNull() throws Exception {
        WithOptionals empty = new WithOptionals("i", Optional.empty(), OptionalInt.empty(), OptionalLong.empty(),
                OptionalDouble.empty(), null, null);
        assertEquals(empty, decode(strict, WithOptionals.class, "{\"id\":\"i\"}"));
        assertEquals(empty, decode(strict, WithOptionals.class, "{\"id\":\"i\",\"note\":null,\"a\":null,\"b\":null,"
                + "\"c\":null,\"typeUse\":null,\"declared\":null}"));
        assertEquals(new WithOptionals("i", Optional.of("n"), OptionalInt.of(1), OptionalLong.of(2), OptionalDouble.of(3),
                "t", "d"), decode(strict, WithOptionals.class, "{\"id\":\"i\",\"note\":\"n\",\"a\":1,\"b\":2,\"c\":3,"
                + "\"typeUse\":\"t\",\"declared\":\"d\"}"));
        refused(WithOptionals.class, "{\"note\":\"n\"}");

        assertEquals(new ExplicitCanonical(null, "i"), decode(strict, ExplicitCanonical.class, "{\"id\":\"i\"}"));
        refused(ExplicitCanonical.class, "{\"note\":\"n\"}");
    }

    @Test
    void jsonPropertyAndJsonSetterCanOptOut() throws Exception {
        Opted opted = decode(strict, Opted.class, "{\"d\":\"x\"}");
        assertEquals(new Opted(null, null, List.of(), Optional.of("x")), opted);
        assertTrue(refused(Opted.class, "{}").getMessage().contains("'d'"), "required = true wins over Optional");
    }

    @Test
    void explicitCreatorsAreRequiredAndBeanSettersAreNot() throws Exception {
        Money money = decode(strict, Money.class, "{\"currency\":\"EUR\",\"cents\":5}");
        assertEquals(5, money.cents);
        assertTrue(refused(Money.class, "{\"currency\":\"EUR\"}").getMessage().contains("'cents'"));

        Bean bean = decode(strict, Bean.class, "{}");
        assertEquals(null, bean.name);
        assertEquals(0, bean.size);
        assertEquals("x", decode(strict, Bean.class, "{\"name\":\"x\"}").name);
        refused(Bean.class, "{\"size\":null}"); // null for a primitive, setter or not
    }

    @Test
    void aDelegatingRecordStillReadsItsValue() throws Exception {
        assertEquals(new Wrapped("w"), decode(strict, Wrapped.class, "\"w\""));
    }

    @Test
    void eachSilentCoercionIsRefusedAndLenientReadingStillTakesIt() throws Exception {
        Scalars expected = new Scalars("s", 1, 2, 3, 4, true, false, new BigDecimal("1.5"),
                Instant.parse("2026-11-29T10:15:30Z"), Level.HIGH);
        assertEquals(expected, decode(strict, Scalars.class, SCALARS));
        String[][] coercions = {
            {"\"i\":1", "\"i\":1.9"},            // float -> int
            {"\"l\":3", "\"l\":3.5"},            // float -> long
            {"\"boxed\":2", "\"boxed\":2.5"},    // float -> Integer
            {"\"i\":1", "\"i\":\"5\""},          // string -> int
            {"\"i\":1", "\"i\":\"\""},           // empty string -> int
            {"\"boxed\":2", "\"boxed\":\"\""},   // empty string -> Integer (was null)
            {"\"d\":4", "\"d\":\"4\""},          // string -> double
            {"\"decimal\":1.5", "\"decimal\":\"1.5\""}, // string -> BigDecimal
            {"\"b\":true", "\"b\":\"true\""},    // string -> boolean
            {"\"b\":true", "\"b\":1"},           // number -> boolean
            {"\"boxedB\":false", "\"boxedB\":0"}, // number -> Boolean
            {"\"s\":\"s\"", "\"s\":123"},        // int -> String
            {"\"s\":\"s\"", "\"s\":1.5"},        // float -> String
            {"\"s\":\"s\"", "\"s\":true"},       // boolean -> String
            {"\"level\":\"HIGH\"", "\"level\":1"}, // number -> enum
            {"\"i\":1", "\"i\":null"},           // null -> int
            {"\"t\":\"2026-11-29T10:15:30Z\"", "\"t\":\"\""}, // empty string -> Instant (was null)
        };
        for (String[] coercion : coercions) {
            String json = SCALARS.replace(coercion[0], coercion[1]);
            assertFalse(json.equals(SCALARS), coercion[1]);
            refused(Scalars.class, json);
            decode(lenient, Scalars.class, json); // Jackson's default accepts every one of them
        }
        assertEquals(1, decode(lenient, Scalars.class, SCALARS.replace("\"i\":1", "\"i\":1.9")).i());
        assertEquals(1, decode(lenient, Scalars.class, SCALARS.replace("\"i\":1", "\"i\":\"1\"")).i());
        assertEquals("123", decode(lenient, Scalars.class, SCALARS.replace("\"s\":\"s\"", "\"s\":123")).s());
    }

    @Test
    void whatIsNotACoercionStaysAccepted() throws Exception {
        Scalars scalars = decode(strict, Scalars.class, SCALARS.replace("\"decimal\":1.5", "\"decimal\":7").replace("\"d\":4", "\"d\":\"NaN\""));
        assertEquals(new BigDecimal("7"), scalars.decimal(), "an integer is a BigDecimal");
        assertTrue(Double.isNaN(scalars.d()), "Jackson writes NaN as a string");
        assertEquals(Locale.ROOT, decode(strict, Locale.class, "\"\""));
        assertArrayEquals(new double[] {1, 2.5}, decode(strict, double[].class, "[1, 2.5]"), "an integer is a double");
    }

    @Test
    void strictCodecsReadWhatTheyWrite() throws Exception {
        Scalars scalars = new Scalars("s", 1, null, 3, Double.NaN, true, null, new BigDecimal("99.99"),
                Instant.parse("2026-11-29T10:15:30Z"), Level.LOW);
        assertThrows(InvalidNullException.class, () -> roundTrip(strict, Scalars.class, scalars),
                "a null in a required component is refused on read");
        WithOptionals optionals = new WithOptionals("i", Optional.empty(), OptionalInt.empty(), OptionalLong.of(2),
                OptionalDouble.empty(), null, "d");
        assertEquals(optionals, roundTrip(strict, WithOptionals.class, optionals));

        ObjectMapper quoting = JsonMapper.builder().enable(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS).build();
        JacksonCodecFactory quoted = new JacksonCodecFactory(quoting);
        Scalars full = new Scalars("s", 1, 2, 3, 4.5, true, false, new BigDecimal("99.99"),
                Instant.parse("2026-11-29T10:15:30Z"), Level.LOW);
        assertEquals(full, roundTrip(quoted, Scalars.class, full), "numbers written as strings are read back");
    }

    record Quoted(@JsonFormat(shape = JsonFormat.Shape.STRING) long id, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
            @JsonFormat(shape = JsonFormat.Shape.STRING) boolean flag, long plain) {
    }

    @Test
    void propertiesDeclaredAsStringsAreReadFromStrings() throws Exception {
        Quoted quoted = new Quoted(9_007_199_254_740_993L, new BigDecimal("99.99"), true, 1);
        PayloadCodec<Quoted> codec = strict.codec(PayloadType.of(Quoted.class));
        assertEquals("{\"id\":\"9007199254740993\",\"amount\":\"99.99\",\"flag\":\"true\",\"plain\":1}",
                new String(codec.encode(quoted), UTF_8));
        assertEquals(quoted, roundTrip(strict, Quoted.class, quoted));
        assertEquals(quoted, decode(strict, Quoted.class, "{\"id\":9007199254740993,\"amount\":99.99,\"flag\":true,\"plain\":1}"),
                "a JSON number is still a number");
        refused(Quoted.class, "{\"id\":\"1.5\",\"amount\":\"1\",\"flag\":\"true\",\"plain\":1}");
        refused(Quoted.class, "{\"id\":\"1\",\"amount\":\"1\",\"flag\":\"yes\",\"plain\":1}");
        refused(Quoted.class, "{\"id\":\"1\",\"amount\":\"1\",\"flag\":\"true\",\"plain\":\"1\"}");
        refused(Quoted.class, "{\"id\":null,\"amount\":\"1\",\"flag\":\"true\",\"plain\":1}");
    }

    private static <T> T roundTrip(JacksonCodecFactory factory, Class<T> type, T value) throws Exception {
        PayloadCodec<T> codec = factory.codec(PayloadType.of(type));
        return codec.decode(codec.encode(value));
    }

    @Test
    void theApplicationsOwnCoercionsAndTheApplicationsMapperAreKept() throws Exception {
        JsonMapper mapper = JsonMapper.builder().build();
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        JacksonCodecFactory factory = new JacksonCodecFactory(mapper);
        assertEquals(5, decode(factory, Scalars.class, SCALARS.replace("\"i\":1", "\"i\":\"5\"")).i());
        assertThrows(MismatchedInputException.class, () -> decode(factory, Scalars.class, SCALARS.replace("\"s\":\"s\"", "\"s\":5")));

        assertEquals(null, mapper.coercionConfigFor(LogicalType.Textual).findAction(CoercionInputShape.Integer),
                "the application's mapper is not changed");
        assertEquals(new Full(null, 0, null), mapper.readValue("{}", Full.class));
    }

    record Injected(String id, @JacksonInject("source") String source) {
    }

    record Skipping(String id, @JsonSetter(nulls = Nulls.SKIP) String note) {
    }

    @Test
    void requiredTrueAlsoRefusesAnExplicitNull() {
        assertInstanceOf(InvalidNullException.class, refused(Opted.class, "{\"d\":null}"));
    }

    @Test
    void skippedNullsAndInjectedValuesAreNotRequired() throws Exception {
        assertEquals(new Skipping("i", null), decode(strict, Skipping.class, "{\"id\":\"i\"}"));
        assertEquals(new Skipping("i", null), decode(strict, Skipping.class, "{\"id\":\"i\",\"note\":null}"));

        JsonMapper injecting = JsonMapper.builder().injectableValues(new InjectableValues.Std().addValue("source", "mapper")).build();
        JacksonCodecFactory factory = new JacksonCodecFactory(injecting);
        assertEquals(new Injected("i", "mapper"), decode(factory, Injected.class, "{\"id\":\"i\"}"));
        assertEquals(new Injected("i", "mapper"), decode(factory, Injected.class, "{\"id\":\"i\",\"source\":null}"),
                "a null in the message is no reason to refuse it");
    }

    /** A creator with a type-use {@code @Nullable} (JSpecify's kind) on a class that is no record. */
    static final class Note {
        final String id;
        final String text;

        @JsonCreator
        Note(@JsonProperty("id") String id, @JsonProperty("text") @Nullable String text) {
            this.id = id;
            this.text = text;
        }
    }

    @Test
    void aTypeUseNullableCountsOnAnyCreator() throws Exception {
        Note note = decode(strict, Note.class, "{\"id\":\"i\"}");
        assertEquals("i", note.id);
        assertEquals(null, note.text);
        assertTrue(refused(Note.class, "{\"text\":\"t\"}").getMessage().contains("'id'"));
    }

    /** Creator parameters named by {@code @ConstructorProperties}, as Lombok writes them; the fields carry the rest. */
    static final class Reminder {
        private final String id;
        private final Optional<String> note;

        @ConstructorProperties({"id", "note"})
        Reminder(String id, Optional<String> note) {
            this.id = id;
            this.note = note;
        }

        public String getId() {
            return id;
        }

        public Optional<String> getNote() {
            return note;
        }
    }

    static final class Ticket {
        @JsonProperty(required = true)
        private final Optional<String> seat;

        @ConstructorProperties({"seat"})
        Ticket(Optional<String> seat) {
            this.seat = seat;
        }
    }

    @Test
    void aFieldNeitherMakesAnOptionalCreatorPropertyRequiredNorHidesItsOwnRequiredMarker() throws Exception {
        Reminder reminder = decode(strict, Reminder.class, "{\"id\":\"i\"}");
        assertEquals(Optional.empty(), reminder.getNote(), "an Optional stays optional though its field and getter say nothing");
        assertTrue(refused(Reminder.class, "{\"note\":\"n\"}").getMessage().contains("'id'"));

        assertTrue(refused(Ticket.class, "{}").getMessage().contains("Missing required creator property 'seat'"),
                "@JsonProperty(required = true) on the field is the application's word");
        assertEquals(Optional.of("a1"), decode(strict, Ticket.class, "{\"seat\":\"a1\"}").seat);
    }

    /** Quoted scalars on fields and setters, the way a bean declares them. */
    static final class QuotedBean {
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        public double ratio;
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        public float share;
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        public Float boxedShare;
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        public int count;
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        public short small;
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        public byte tiny;
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        public BigInteger big;
        private Long total;

        @JsonFormat(shape = JsonFormat.Shape.STRING)
        public void setTotal(Long total) {
            this.total = total;
        }

        public Long total() {
            return total;
        }
    }

    private static final String QUOTED_BEAN = "{\"ratio\":\"0.1\",\"share\":\"0.5\",\"boxedShare\":\"-2.5\",\"count\":\"7\","
            + "\"small\":\"-300\",\"tiny\":\"12\",\"big\":\"123456789012345678901234567890\",\"total\":\"9007199254740993\"}";

    @Test
    void fieldsAndSettersDeclaredAsStringsAreReadFromExactStrings() throws Exception {
        QuotedBean bean = decode(strict, QuotedBean.class, QUOTED_BEAN);
        assertEquals(0.1, bean.ratio);
        assertEquals(0.5f, bean.share);
        assertEquals(-2.5f, bean.boxedShare);
        assertEquals(7, bean.count);
        assertEquals((short) -300, bean.small);
        assertEquals((byte) 12, bean.tiny);
        assertEquals(new BigInteger("123456789012345678901234567890"), bean.big);
        assertEquals(9_007_199_254_740_993L, bean.total());

        QuotedBean special = decode(strict, QuotedBean.class, QUOTED_BEAN.replace("\"0.1\"", "\"NaN\"")
                .replace("\"0.5\"", "\"-Infinity\"").replace("\"-2.5\"", "\"Infinity\""));
        assertTrue(Double.isNaN(special.ratio));
        assertEquals(Float.NEGATIVE_INFINITY, special.share);
        assertEquals(Float.POSITIVE_INFINITY, special.boxedShare);

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
            String json = QUOTED_BEAN.replace(value[0], value[1]);
            assertFalse(json.equals(QUOTED_BEAN), value[1]);
            String message = refused(QuotedBean.class, json).getMessage();
            assertTrue(message.contains("not an exact " + value[2]), message);
        }
    }

    @Test
    void aNullForAQuotedPrimitiveIsRefusedAsForAnyPrimitive() throws Exception {
        String message = refused(QuotedBean.class, QUOTED_BEAN.replace("\"7\"", "null")).getMessage();
        assertTrue(message.contains("Cannot map `null` into type `int`"), message);
        QuotedBean bean = decode(strict, QuotedBean.class, QUOTED_BEAN.replace("\"-2.5\"", "null"));
        assertEquals(null, bean.boxedShare);
    }

    @Test
    void theApplicationsProblemHandlerStillDecidesAboutAnInexactQuotedNumber() throws Exception {
        JsonMapper mapper = JsonMapper.builder().addHandler(new DeserializationProblemHandler() {
            @Override
            public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value,
                    String failureMsg) {
                return failureMsg.equals("not an exact long") ? -1L : NOT_HANDLED;
            }
        }).build();
        Quoted quoted = decode(new JacksonCodecFactory(mapper), Quoted.class,
                "{\"id\":\"1.5\",\"amount\":\"1\",\"flag\":\"true\",\"plain\":1}");
        assertEquals(new Quoted(-1, BigDecimal.ONE, true, 1), quoted);
    }

    @Test
    void aCodecNamesItsTypeForTypedChannelToString() {
        assertEquals("JacksonCodec[dev.herald.internal.StrictPayloadsTest$Full]", strict.codec(PayloadType.of(Full.class)).toString());
    }

    @Test
    void heraldsIntrospectorsHaveAVersionAsJacksonAsks() {
        assertEquals(Version.unknownVersion(), new HeraldRequiredIntrospector().version());
        assertEquals(Version.unknownVersion(), new QuotedScalars().version());
    }

    /** Declared as written by name on the type itself, as an application may for an enum. */
    @JsonFormat(shape = JsonFormat.Shape.STRING)
    enum Priority { LOW, HIGH }

    record Task(String id, Priority priority) {
    }

    @Test
    void aTypeDeclaredAsAStringIsNoQuotedScalar() throws Exception {
        assertEquals(new Task("t", Priority.HIGH), roundTrip(strict, Task.class, new Task("t", Priority.HIGH)));
    }

    record Maybe(String id, @Jakarta.Nullable Integer count, @Jakarta.Nullable Double ratio, @Jakarta.Nullable Boolean flag,
            @Jakarta.Nullable Instant at) {
    }

    @Test
    void anEmptyStringIsNoNullEvenWhereANullIsAllowed() throws Exception {
        assertEquals(new Maybe("m", null, null, null, null), decode(strict, Maybe.class, "{\"id\":\"m\"}"));
        assertEquals(new Maybe("m", null, null, null, null), decode(strict, Maybe.class,
                "{\"id\":\"m\",\"count\":null,\"ratio\":null,\"flag\":null,\"at\":null}"));
        String[][] empties = {{"count", "Integer"}, {"ratio", "Double"}, {"flag", "Boolean"}, {"at", "java.time.Instant"}};
        for (String[] empty : empties) {
            String json = "{\"id\":\"m\",\"" + empty[0] + "\":\"\"}";
            assertEquals(new Maybe("m", null, null, null, null), decode(lenient, Maybe.class, json), "lenient reading takes it as null");
            String message = refused(Maybe.class, json).getMessage();
            assertTrue(message.contains("Cannot coerce empty String (\"\")") && message.contains(empty[1]), message);
        }
    }
}
