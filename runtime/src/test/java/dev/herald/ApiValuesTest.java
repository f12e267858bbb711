package dev.herald;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The values of the public API say what they hold: the texts logs show, the checks their constructors make. */
class ApiValuesTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anErrorShowsItsKindChannelExcerptAttemptsAndCause() {
        IllegalStateException cause = new IllegalStateException("boom");
        HeraldError handler = new HeraldError(HeraldError.Kind.HANDLER, "orders", utf8("{\"id\":1}"), cause, 3);
        assertEquals("HANDLER on channel 'orders' (payload: {\"id\":1}) after 3 attempts: " + cause, handler.toString());
        HeraldError once = new HeraldError(HeraldError.Kind.HANDLER, "orders", utf8("x"), cause);
        assertEquals(1, once.attempts(), "a handler failure is one attempt unless told");
        assertEquals("HANDLER on channel 'orders' (payload: x): " + cause, once.toString());
        HeraldError publish = new HeraldError(HeraldError.Kind.PUBLISH, "orders", null, cause);
        assertEquals(0, publish.attempts());
        assertEquals("PUBLISH on channel 'orders': " + cause, publish.toString());
        assertEquals("", publish.payloadExcerpt());
        assertNull(publish.payload());
        HeraldError empty = new HeraldError(HeraldError.Kind.DECODE, "orders", new byte[0], cause);
        assertEquals("DECODE on channel 'orders' (payload: <empty>): " + cause, empty.toString());
    }

    @Test
    void anErrorHandsOutACopyOfItsPayload() {
        HeraldError error = new HeraldError(HeraldError.Kind.DECODE, "c", utf8("abc"), new RuntimeException());
        byte[] seen = error.payload();
        assertArrayEquals(utf8("abc"), seen);
        seen[1] = 'z';
        assertArrayEquals(utf8("abc"), error.payload());
    }

    @Test
    void anExcerptEscapesControlCharactersAndStopsAt120Characters() {
        HeraldError control = new HeraldError(HeraldError.Kind.DECODE, "c", utf8("a\nb\u001fc\u007fd e~"), new RuntimeException());
        assertEquals("a\\u000ab\\u001fc\\u007fd e~", control.payloadExcerpt());
        String exactly = "x".repeat(120);
        assertEquals(exactly, new HeraldError(HeraldError.Kind.DECODE, "c", utf8(exactly), new RuntimeException())
                .payloadExcerpt(), "120 characters are shown whole");
        String longer = "y".repeat(121);
        assertEquals("y".repeat(120) + "…(121 bytes)",
                new HeraldError(HeraldError.Kind.DECODE, "c", utf8(longer), new RuntimeException()).payloadExcerpt());
    }

    @Test
    void anExcerptOfEscapesIsBoundedToo() {
        byte[] zeros = new byte[1000];
        String excerpt = new HeraldError(HeraldError.Kind.DECODE, "c", zeros, new RuntimeException()).payloadExcerpt();
        // each escape takes six characters; the excerpt stops once 120 are written
        assertEquals("\\u0000".repeat(20) + "…(1000 bytes)", excerpt);
    }

    @Test
    void anErrorNeedsItsKindChannelAndCause() {
        RuntimeException cause = new RuntimeException();
        assertThrows(NullPointerException.class, () -> new HeraldError(null, "c", null, cause));
        assertThrows(NullPointerException.class, () -> new HeraldError(HeraldError.Kind.DECODE, null, null, cause));
        assertThrows(NullPointerException.class, () -> new HeraldError(HeraldError.Kind.DECODE, "c", null, null));
    }

    @Test
    void aDeadLetterKeepsAtMostTheLimitWithTheFullSizeAndHash() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        byte[] payload = utf8("abcdef");
        DeadLetter whole = DeadLetter.of("orders", "orders", payload, 6, "E: x", 2, now);
        assertFalse(whole.truncated());
        assertSame(payload, whole.payload(), "kept as given when it fits");
        assertEquals(6, whole.size());
        assertEquals(DeadLetter.sha256Of(payload), whole.sha256());
        assertEquals("DeadLetter[null on 'orders' by orders after 2 attempt(s): E: x]", whole.toString());
        DeadLetter cut = DeadLetter.of("orders:1", "pattern orders:*", payload, 5, "E: x", 1, now);
        assertTrue(cut.truncated());
        assertEquals("abcde", cut.payloadText());
        assertEquals(6, cut.size());
        assertEquals(DeadLetter.sha256Of(payload), cut.sha256(), "the hash of the whole payload");
        assertEquals("DeadLetter[null on 'orders:1' by pattern orders:* after 1 attempt(s), 5 of 6 bytes kept: E: x]",
                cut.toString());
        assertEquals(0, DeadLetter.of("c", "c", payload, 0, "E", 1, now).payload().length);
        assertThrows(IllegalArgumentException.class, () -> DeadLetter.of("c", "c", payload, -1, "E", 1, now));
    }

    @Test
    void aDeadLettersSizeIsAtLeastWhatItKeeps() {
        Instant now = Instant.now();
        assertThrows(IllegalArgumentException.class,
                () -> new DeadLetter("1-0", "c", utf8("abc"), "E", 1, now, "c", 2, "h"));
        assertEquals(3, new DeadLetter("1-0", "c", utf8("abc"), "E", 1, now, "c", 3, "h").size());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", DeadLetter.sha256Of(new byte[0]));
    }

    @Test
    void aShutdownReportKeepsACopyOfWhatStillRuns() {
        List<String> running = new ArrayList<>(List.of("a"));
        ShutdownReport report = new ShutdownReport(1, true, Duration.ZERO, running);
        running.add("b");
        assertEquals(List.of("a"), report.stillRunning());
        assertEquals(List.of(), new ShutdownReport(0, false, Duration.ZERO).stillRunning());
        assertThrows(NullPointerException.class, () -> new ShutdownReport(0, false, null));
    }

    @Test
    void subscriptionOptionsFillWhatIsNotSetFromTheDefaults() {
        RetryPolicy retry = RetryPolicy.none();
        SubscriptionOptions defaults = SubscriptionOptions.builder().bufferCapacity(10)
                .overflowPolicy(OverflowPolicy.DROP_NEWEST).retryPolicy(retry).build();
        SubscriptionOptions own = SubscriptionOptions.builder().bufferCapacity(1).overflowPolicy(OverflowPolicy.FAIL).build();
        SubscriptionOptions merged = own.orElse(defaults);
        assertEquals(1, merged.bufferCapacity());
        assertEquals(OverflowPolicy.FAIL, merged.overflowPolicy());
        assertSame(retry, merged.retryPolicy());
        SubscriptionOptions inherited = SubscriptionOptions.inherit().orElse(defaults);
        assertEquals(10, inherited.bufferCapacity());
        assertEquals(OverflowPolicy.DROP_NEWEST, inherited.overflowPolicy());
        assertNull(SubscriptionOptions.inherit().bufferCapacity());
        assertEquals("SubscriptionOptions[buffer=1, overflow=FAIL, retry=null]", own.toString());
        assertThrows(IllegalArgumentException.class, () -> SubscriptionOptions.builder().bufferCapacity(0));
        assertThrows(NullPointerException.class, () -> SubscriptionOptions.builder().overflowPolicy(null));
        assertThrows(NullPointerException.class, () -> SubscriptionOptions.builder().retryPolicy(null));
    }

    @Test
    void aSubscriptionAndAHeraldSayWhatTheyAre() {
        Herald herald = Herald.builder().channelPrefix("app:").build();
        Subscription channel = herald.subscribe("orders", String.class, m -> { });
        Subscription pattern = herald.psubscribe("orders:*", String.class, (c, m) -> { });
        assertEquals("Subscription[app:orders]", channel.toString());
        assertEquals("Subscription[pattern app:orders:*]", pattern.toString());
        assertEquals("app:orders", channel.channel());
        assertFalse(herald.toString().contains("closed"), herald.toString());
        channel.close();
        assertEquals("Subscription[app:orders, ended]", channel.toString());
        herald.close();
        assertTrue(herald.toString().startsWith("Herald[") && herald.toString().endsWith(", closed]"), herald.toString());
    }

    @Test
    void aDescriptorATemplateAndAPayloadTypeSayWhatTheyAre() {
        ChannelDescriptor<String> descriptor = ChannelDescriptor.of("orders:{id}", PayloadType.of(String.class),
                Runnable.class, "run");
        assertEquals("\"orders:{id}\" (java.lang.String) declared by java.lang.Runnable.run(...)", descriptor.toString());
        assertEquals("orders:{id}", ChannelTemplate.of("orders:{id}").toString());
    }

    @Test
    void aReceivedChannelInAMessageIsCutAt128Characters() {
        String channel = "x".repeat(128) + "Y:a:b";
        ChannelParseException e = assertThrows(ChannelParseException.class, () -> ChannelTemplate.of("t:{id}").parse(channel));
        assertEquals("[HeraldReceivedChannel] channel \"" + "x".repeat(128) + "\" has 3 segment(s) but \"t:{id}\" has 2",
                e.getMessage());
        ChannelParseException shortOne = assertThrows(ChannelParseException.class, () -> ChannelTemplate.of("t:{id}").parse("a:b:c"));
        assertEquals("[HeraldReceivedChannel] channel \"a:b:c\" has 3 segment(s) but \"t:{id}\" has 2", shortOne.getMessage());
    }

    @Test
    void payloadTypesOfOneTypeAreEqualWithOneHashCodeAndOthersHashApart() {
        PayloadType<List<String>> captured = new PayloadType<List<String>>() { };
        PayloadType<List<String>> again = new PayloadType<List<String>>() { };
        assertEquals(captured, again);
        assertEquals(captured.hashCode(), again.hashCode());
        assertEquals(PayloadType.of(String.class).hashCode(), PayloadType.of(String.class).hashCode());
        assertNotEquals(PayloadType.of(String.class).hashCode(), PayloadType.of(Integer.class).hashCode(),
                "different types hash apart");
    }
}
