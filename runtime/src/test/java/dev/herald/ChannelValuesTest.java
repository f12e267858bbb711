package dev.herald;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What generated code reads from a received channel name: each placeholder in its declared type, and a
 * {@link ChannelParseException} naming the placeholder, the channel and the text when it does not parse.
 */
class ChannelValuesTest {

    private enum Region { EU, US }

    private static final String UUID_TEXT = "123e4567-e89b-12d3-a456-426614174000";

    /** Made in each test, not in a static field: PIT counts what a test class's initializer runs as no test's. */
    private static ChannelTemplate template() {
        return ChannelTemplate.of("m:{l}:{s}:{b}:{d}:{f}:{flag}:{c}:{u}:{r}");
    }

    private static ChannelValues good() {
        return template().parse("m:9000000000:-300:-7:2.5:0.25:true:x:" + UUID_TEXT + ":EU");
    }

    @Test
    void eachPlaceholderIsReadInItsType() {
        ChannelValues values = good();
        assertEquals("m:9000000000:-300:-7:2.5:0.25:true:x:" + UUID_TEXT + ":EU", values.channel());
        assertEquals(values.channel(), values.toString());
        assertEquals(9, values.size());
        assertEquals(9_000_000_000L, values.asLong(0));
        assertEquals((short) -300, values.asShort(1));
        assertEquals((byte) -7, values.asByte(2));
        assertEquals(2.5, values.asDouble(3));
        assertEquals(0.25f, values.asFloat(4));
        assertTrue(values.asBoolean(5));
        assertEquals('x', values.asChar(6));
        assertEquals(UUID.fromString(UUID_TEXT), values.asUuid(7));
        assertEquals(Region.EU, values.asEnum(8, Region.class));
        assertEquals("EU", values.string(8));
    }

    @Test
    void falseIsFalse() {
        assertFalse(ChannelTemplate.of("f:{flag}").parse("f:false").asBoolean(0));
    }

    @Test
    void aValueThatDoesNotParseNamesThePlaceholderTheChannelAndTheText() {
        ChannelValues values = template().parse("m:x:y:z:w:v:yes:xy:not-a-uuid:ASIA");
        String channel = "m:x:y:z:w:v:yes:xy:not-a-uuid:ASIA";
        assertBad("{l} of channel \"" + channel + "\" is \"x\", not a long", () -> values.asLong(0));
        assertBad("{s} of channel \"" + channel + "\" is \"y\", not a short", () -> values.asShort(1));
        assertBad("{b} of channel \"" + channel + "\" is \"z\", not a byte", () -> values.asByte(2));
        assertBad("{d} of channel \"" + channel + "\" is \"w\", not a double", () -> values.asDouble(3));
        assertBad("{f} of channel \"" + channel + "\" is \"v\", not a float", () -> values.asFloat(4));
        assertBad("{flag} of channel \"" + channel + "\" is \"yes\", not true or false", () -> values.asBoolean(5));
        assertBad("{c} of channel \"" + channel + "\" is \"xy\", not one character", () -> values.asChar(6));
        assertBad("{u} of channel \"" + channel + "\" is \"not-a-uuid\", not a UUID", () -> values.asUuid(7));
        assertBad("{r} of channel \"" + channel + "\" is \"ASIA\", not a constant of Region",
                () -> values.asEnum(8, Region.class));
    }

    @Test
    void aBooleanIsExactlyTrueOrFalse() {
        assertBad("{flag} of channel \"f:TRUE\" is \"TRUE\", not true or false",
                () -> ChannelTemplate.of("f:{flag}").parse("f:TRUE").asBoolean(0));
    }

    @Test
    void aNumberTooLargeForItsTypeIsRefusedWithItsCause() {
        ChannelValues values = ChannelTemplate.of("n:{n}").parse("n:300");
        assertEquals(300, values.asInt(0));
        ChannelParseException e = assertThrows(ChannelParseException.class, () -> values.asByte(0));
        assertInstanceOf(NumberFormatException.class, e.getCause());
        ChannelParseException notOne = assertThrows(ChannelParseException.class,
                () -> ChannelTemplate.of("n:{n}").parse("n:ab").asChar(0));
        assertNull(notOne.getCause());
    }

    private static void assertBad(String message, Runnable read) {
        ChannelParseException e = assertThrows(ChannelParseException.class, read::run);
        assertEquals(message, e.getMessage());
    }
}
