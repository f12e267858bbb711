package dev.herald.jackson3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.CodecFactory;
import dev.herald.PayloadType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Herald's Jackson 3 codec reads (and writes) with the limits its Jackson 2 codec has, which are Jackson 2.23's
 * defaults: the constants agree with Jackson 2's, and both codecs accept a document at each limit and refuse one
 * just past it.
 */
class ReadLimitsTest {

    private static final BothCodecs CODECS = BothCodecs.strict();

    @Test
    void heraldsLimitsAreJackson2sDefaults() {
        com.fasterxml.jackson.core.StreamReadConstraints jackson2 = com.fasterxml.jackson.core.StreamReadConstraints.defaults();
        assertEquals(jackson2.getMaxNestingDepth(), ReadLimits.MAX_NESTING_DEPTH);
        assertEquals(jackson2.getMaxNumberLength(), ReadLimits.MAX_NUMBER_LENGTH);
        assertEquals(jackson2.getMaxStringLength(), ReadLimits.MAX_STRING_LENGTH);
        assertEquals(jackson2.getMaxNameLength(), ReadLimits.MAX_NAME_LENGTH);
        assertEquals(jackson2.getMaxDocumentLength(), ReadLimits.MAX_DOCUMENT_LENGTH);
        assertEquals(jackson2.getMaxTokenCount(), ReadLimits.MAX_TOKEN_COUNT);
        assertEquals(com.fasterxml.jackson.core.StreamWriteConstraints.defaults().getMaxNestingDepth(), ReadLimits.MAX_WRITE_NESTING_DEPTH);

        assertLimits(new Jackson3CodecFactory().mapper().tokenStreamFactory());
        assertLimits(new Jackson3CodecFactory(JsonMapper.builder().build(), true).mapper().tokenStreamFactory());
    }

    private static void assertLimits(TokenStreamFactory factory) {
        StreamReadConstraints reading = factory.streamReadConstraints();
        assertEquals(ReadLimits.MAX_NESTING_DEPTH, reading.getMaxNestingDepth());
        assertEquals(ReadLimits.MAX_NUMBER_LENGTH, reading.getMaxNumberLength());
        assertEquals(ReadLimits.MAX_STRING_LENGTH, reading.getMaxStringLength());
        assertEquals(ReadLimits.MAX_NAME_LENGTH, reading.getMaxNameLength());
        assertEquals(ReadLimits.MAX_DOCUMENT_LENGTH, reading.getMaxDocumentLength());
        assertEquals(ReadLimits.MAX_TOKEN_COUNT, reading.getMaxTokenCount());
        assertEquals(ReadLimits.MAX_WRITE_NESTING_DEPTH, factory.streamWriteConstraints().getMaxNestingDepth());
    }

    @Test
    void jackson3sOwnDefaultsDifferWhereHeraldSetsThemBack() {
        StreamReadConstraints jackson3 = StreamReadConstraints.defaults();
        assertEquals(500, jackson3.getMaxNestingDepth());
        assertEquals(100_000_000, jackson3.getMaxStringLength());
        assertEquals(500, StreamWriteConstraints.defaults().getMaxNestingDepth());
    }

    @Test
    void aDocumentNestedDeeperThanTheLimitIsRefusedByBoth() throws Exception {
        int limit = com.fasterxml.jackson.core.StreamReadConstraints.defaults().getMaxNestingDepth();
        PayloadType<Object> type = PayloadType.of(Object.class);
        for (CodecFactory factory : List.of(CODECS.jackson2(), CODECS.jackson3())) {
            assertEquals(nested(limit - 1), factory.codec(type).decode(arrays(limit)), factory.toString());
            assertTooLong(factory, type, arrays(limit + 1), "nesting depth (" + (limit + 1) + ")");
        }
    }

    @Test
    void aNumberLongerThanTheLimitIsRefusedByBoth() throws Exception {
        int limit = ReadLimits.MAX_NUMBER_LENGTH;
        PayloadType<BigInteger> type = PayloadType.of(BigInteger.class);
        for (CodecFactory factory : List.of(CODECS.jackson2(), CODECS.jackson3())) {
            assertEquals(new BigInteger("9".repeat(limit)), factory.codec(type).decode("9".repeat(limit).getBytes(UTF_8)));
            assertTooLong(factory, type, "9".repeat(limit + 1).getBytes(UTF_8), "Number value length (" + (limit + 1) + ")");
        }
    }

    @Test
    void aStringLongerThanTheLimitIsRefusedByBoth() throws Exception {
        int limit = ReadLimits.MAX_STRING_LENGTH;
        PayloadType<String> type = PayloadType.of(String.class);
        for (CodecFactory factory : List.of(CODECS.jackson2(), CODECS.jackson3())) {
            assertEquals(limit, factory.codec(type).decode(quoted(limit)).length());
            assertTooLong(factory, type, quoted(limit + 1), "String value length");
        }
    }

    @Test
    void aPropertyNameLongerThanTheLimitIsRefusedByBoth() throws Exception {
        int limit = ReadLimits.MAX_NAME_LENGTH;
        PayloadType<Map<String, Integer>> type = new PayloadType<>() { };
        for (CodecFactory factory : List.of(CODECS.jackson2(), CODECS.jackson3())) {
            assertEquals(Map.of("n".repeat(limit), 1), factory.codec(type).decode(named(limit)));
            assertTooLong(factory, type, named(limit + 1), "Name length (" + (limit + 1) + ")");
        }
    }

    @Test
    void bothWriteWhatIsNestedToTheLimitAndNoDeeper() throws Exception {
        int limit = com.fasterxml.jackson.core.StreamWriteConstraints.defaults().getMaxNestingDepth();
        PayloadType<Object> type = PayloadType.of(Object.class);
        for (CodecFactory factory : List.of(CODECS.jackson2(), CODECS.jackson3())) {
            assertEquals(new String(arrays(limit), UTF_8), new String(factory.codec(type).encode(nested(limit - 1)), UTF_8));
            Exception failure = assertThrows(Exception.class, () -> factory.codec(type).encode(nested(limit)));
            assertTrue(String.valueOf(failure.getMessage()).contains("nesting depth (" + (limit + 1) + ")"), failure.getMessage());
        }
    }

    @Test
    void aLimitTheApplicationSetIsKeptAndTheOthersAreHeralds() throws Exception {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(50).maxStringLength(1_000).build())
                .build();
        Jackson3CodecFactory codecs = new Jackson3CodecFactory(JsonMapper.builder(factory).build());
        StreamReadConstraints reading = codecs.mapper().tokenStreamFactory().streamReadConstraints();
        assertEquals(50, reading.getMaxNestingDepth());
        assertEquals(1_000, reading.getMaxStringLength());
        assertEquals(ReadLimits.MAX_NUMBER_LENGTH, reading.getMaxNumberLength());
        assertEquals(ReadLimits.MAX_WRITE_NESTING_DEPTH, codecs.mapper().tokenStreamFactory().streamWriteConstraints().getMaxNestingDepth());

        PayloadType<Object> type = PayloadType.of(Object.class);
        assertEquals(nested(49), codecs.codec(type).decode(arrays(50)));
        assertTooLong(codecs, type, arrays(51), "nesting depth (51)");
        assertEquals(500, factory.streamWriteConstraints().getMaxNestingDepth(), "the application's factory is not changed");
    }

    private static void assertTooLong(CodecFactory factory, PayloadType<?> type, byte[] json, String message) {
        Exception failure = assertThrows(Exception.class, () -> factory.codec(type).decode(json), factory.toString());
        if (factory instanceof Jackson3CodecFactory) {
            assertInstanceOf(tools.jackson.core.exc.StreamConstraintsException.class, failure);
        } else {
            assertInstanceOf(com.fasterxml.jackson.core.exc.StreamConstraintsException.class, failure);
        }
        assertTrue(failure.getMessage().contains(message), failure.getMessage());
    }

    /** {@code [[...]]}, {@code depth} arrays deep. */
    private static byte[] arrays(int depth) {
        return ("[".repeat(depth) + "]".repeat(depth)).getBytes(UTF_8);
    }

    /** The value {@link #arrays} reads as: lists in lists, {@code depth} of them around an empty one. */
    private static Object nested(int depth) {
        Object value = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            List<Object> outer = new ArrayList<>();
            outer.add(value);
            value = outer;
        }
        return value;
    }

    private static byte[] quoted(int length) {
        byte[] json = new byte[length + 2];
        java.util.Arrays.fill(json, (byte) 'x');
        json[0] = '"';
        json[length + 1] = '"';
        return json;
    }

    private static byte[] named(int length) {
        return ("{\"" + "n".repeat(length) + "\":1}").getBytes(UTF_8);
    }
}
