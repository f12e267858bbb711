package dev.herald.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The request-reply envelopes, byte for byte as the README documents them, and read in any field order. */
class RequestReplyEnvelopesTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void aRequestIsTheDocumentedObjectAroundThePayloadsOwnBytes() {
        assertEquals("{\"id\":\"1z\",\"replyTo\":\"p:herald:reply:ab\",\"payload\":{\"sku\":\"a\"}}",
                text(RequestEnvelopes.request("1z", "p:herald:reply:ab", utf8("{\"sku\":\"a\"}"))));
    }

    @Test
    void repliesAreTheDocumentedObjects() {
        assertEquals("{\"id\":\"7\",\"payload\":[1,2]}", text(RequestEnvelopes.reply("7", utf8("[1,2]"))));
        assertEquals("{\"id\":\"7\",\"error\":{\"type\":\"java.lang.IllegalStateException\",\"message\":\"no \\\"stock\\\"\\n\"}}",
                text(RequestEnvelopes.error("7", "java.lang.IllegalStateException", "no \"stock\"\n")));
        assertEquals("{\"id\":\"7\",\"error\":{\"type\":\"T\",\"message\":null}}", text(RequestEnvelopes.error("7", "T", null)));
    }

    @Test
    void whatIsWrittenReadsBack() throws IOException {
        byte[] request = RequestEnvelopes.request("42", "a \"quoted\" \u00e9 channel", utf8("{\"x\":[1,{\"y\":null}]}"));
        RequestEnvelopes.Envelope read = RequestEnvelopes.read(request);
        assertEquals("42", read.id());
        assertEquals("a \"quoted\" \u00e9 channel", read.replyTo());
        assertEquals("{\"x\":[1,{\"y\":null}]}", text(read.payload()));
        assertFalse(read.isError());

        RequestEnvelopes.Envelope error = RequestEnvelopes.read(RequestEnvelopes.error("9", "T", "m"));
        assertTrue(error.isError());
        assertEquals("T", error.errorType());
        assertEquals("m", error.errorMessage());
        assertNull(error.replyTo());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"text with \\\" and }\"", "12.5e3", "-7", "true", "false", "null", "[]", "{}",
            "{\"a\":{\"b\":[\"}\"]}}", "\"\u00e9\u20ac\uD83D\uDE00\""})
    void theBytesOfAnyPayloadAreFoundInAnyFieldOrderAmongUnknownFields(String payload) throws IOException {
        String envelope = "{ \"trace\" : {\"payload\":1}, \"payload\" :  " + payload + " , \"replyTo\":\"r\",\"extra\":[\"id\"],"
                + "\"id\":\"x1\" }";
        RequestEnvelopes.Envelope read = RequestEnvelopes.read(utf8(envelope));
        assertEquals(payload, text(read.payload()));
        assertEquals("x1", read.id());
        assertEquals("r", read.replyTo());
    }

    @Test
    void anErrorReplyInAnotherOrderWithUnknownFieldsReads() throws IOException {
        RequestEnvelopes.Envelope read = RequestEnvelopes.read(
                utf8("{\"error\":{\"code\":5,\"message\":null,\"type\":\"E\"},\"at\":\"x\",\"id\":\"3\"}"));
        assertEquals("3", read.id());
        assertEquals("E", read.errorType());
        assertNull(read.errorMessage());
        assertEquals(-1, read.payloadStart());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "\"id\"", "{\"id\":1}", "{\"id\":\"1\",\"replyTo\":null}", "{\"id\":\"1\"} {}",
            "{\"id\":\"1\",\"error\":\"boom\"}", "{\"id\":\"1\",\"error\":{\"message\":\"m\"}}", "{\"id\":\"1\",",
            "not json"})
    void whatIsNotAnEnvelopeIsRefused(String input) {
        assertThrows(IOException.class, () -> RequestEnvelopes.read(utf8(input)));
    }

    @Test
    void anEnvelopeWithoutPayloadHasNoPayloadToDecode() throws IOException {
        RequestEnvelopes.Envelope read = RequestEnvelopes.read(utf8("{\"id\":\"1\",\"replyTo\":\"r\"}"));
        assertThrows(IllegalArgumentException.class, read::payload);
    }

    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void aRequestCarriesTheTraceContextAfterItsId() throws IOException {
        byte[] replyTo = RequestEnvelopes.replyToField("r");
        byte[] payload = utf8("{\"sku\":\"a\"}");
        assertEquals("{\"id\":\"1\",\"traceparent\":\"" + TRACEPARENT + "\",\"replyTo\":\"r\",\"payload\":{\"sku\":\"a\"}}",
                text(RequestEnvelopes.request("1", java.util.Map.of("traceparent", TRACEPARENT), replyTo, payload)));
        byte[] both = RequestEnvelopes.request("1", java.util.Map.of("traceparent", TRACEPARENT, "tracestate", "v=\"x\"",
                "b3", "not carried"), replyTo, payload);
        assertEquals("{\"id\":\"1\",\"traceparent\":\"" + TRACEPARENT + "\",\"tracestate\":\"v=\\\"x\\\"\",\"replyTo\":\"r\","
                + "\"payload\":{\"sku\":\"a\"}}", text(both));
        RequestEnvelopes.Envelope read = RequestEnvelopes.read(both);
        assertEquals(TRACEPARENT, read.traceparent());
        assertEquals("v=\"x\"", read.tracestate());
        assertEquals("r", read.replyTo());
        assertEquals("{\"sku\":\"a\"}", text(read.payload()));
        // no trace context: the envelope is byte for byte the one without
        assertEquals(text(RequestEnvelopes.request("1", "r", payload)),
                text(RequestEnvelopes.request("1", java.util.Map.of(), replyTo, payload)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "null", "{\"a\":\"b\"}", "[\"x\"]"})
    void aTraceFieldThatIsNotAStringIsSkippedNotRefused(String value) throws IOException {
        RequestEnvelopes.Envelope read = RequestEnvelopes.read(utf8("{\"id\":\"1\",\"traceparent\":" + value
                + ",\"tracestate\":" + value + ",\"replyTo\":\"r\",\"payload\":2}"));
        assertNull(read.traceparent());
        assertNull(read.tracestate());
        assertEquals("r", read.replyTo());
        assertEquals("2", text(read.payload()));
    }
}
