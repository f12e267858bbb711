package dev.herald.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The request-reply wire, in one place. A request on the request channel:
 * <pre>{"id":"&lt;correlation id&gt;","replyTo":"&lt;full reply channel&gt;","payload":&lt;payload JSON&gt;}</pre>
 * and, when the requester observes it with a tracer, the W3C trace context after the id:
 * {@code "traceparent":"00-<trace id>-<span id>-01"} and {@code "tracestate"} when there is one. They are optional:
 * an envelope without them is read as before, and a reader that does not know them skips them.
 * a reply on {@code replyTo}:
 * <pre>{"id":"&lt;id&gt;","payload":&lt;reply JSON&gt;}
 * {"id":"&lt;id&gt;","error":{"type":"&lt;remote error type&gt;","message":"&lt;message&gt;" or null}}</pre>
 * The payload inside is the codec's bytes, written as they are (no JSON tree per message). Reading finds the
 * fields with a streaming parser, in any order, skipping fields it does not know, and gives the byte range of
 * the payload for the payload's own codec.
 */
final class RequestEnvelopes {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();

    private static final byte[] ID = ascii("{\"id\":\"");
    private static final byte[] REPLY_TO = ascii("\",\"replyTo\":\"");
    private static final byte[] TRACEPARENT = ascii("\",\"traceparent\":\"");
    private static final byte[] TRACESTATE = ascii("\",\"tracestate\":\"");
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] PAYLOAD = ascii("\",\"payload\":");
    private static final byte[] ERROR_TYPE = ascii("\",\"error\":{\"type\":\"");
    private static final byte[] ERROR_MESSAGE = ascii("\",\"message\":");
    private static final byte[] NULL = ascii("null");
    private static final byte[] QUOTE_MARK = ascii("\"");
    private static final byte[] END = ascii("}");
    private static final byte[] END_ERROR = ascii("}}");

    private RequestEnvelopes() {
    }

    /**
     * A decoded envelope, request or reply: what is missing is null, the payload a byte range of the input.
     *
     * @param id the correlation id, or null
     * @param replyTo the full reply channel (requests), or null
     * @param input the bytes read
     * @param payloadStart where the payload's JSON starts in {@code input}, or -1 when there is none
     * @param payloadEnd where it ends, exclusive
     * @param errorType the remote error's type (error replies), or null
     * @param errorMessage the remote error's message, or null
     * @param traceparent the W3C trace context of the request (requests), or null
     * @param tracestate its vendor part, or null
     */
    record Envelope(String id, String replyTo, byte[] input, int payloadStart, int payloadEnd, String errorType,
            String errorMessage, String traceparent, String tracestate) {

        /** @return whether it carries an error instead of a payload */
        boolean isError() {
            return errorType != null;
        }

        /** @return the payload's bytes, a copy for the payload's codec */
        byte[] payload() {
            if (payloadStart < 0) {
                throw new IllegalArgumentException("the envelope has no \"payload\"");
            }
            return Arrays.copyOfRange(input, payloadStart, payloadEnd);
        }
    }

    /** @return a request envelope around the payload's JSON */
    static byte[] request(String id, String replyTo, byte[] payload) {
        return request(id, replyToField(replyTo), payload);
    }

    /**
     * @param replyTo the full reply channel
     * @return the part of every request envelope between the id and the payload: quoted once per reply channel
     */
    static byte[] replyToField(String replyTo) {
        return join(REPLY_TO, QUOTE.quoteAsUTF8(replyTo), PAYLOAD);
    }

    /** @return a request envelope around the payload's JSON, with a {@link #replyToField} made beforehand */
    static byte[] request(String id, byte[] replyToField, byte[] payload) {
        return join(ID, QUOTE.quoteAsUTF8(id), replyToField, payload, END);
    }

    /**
     * @param trace the trace context a tracer wrote ({@code traceparent}, {@code tracestate}); other fields are not
     *     carried
     * @return a request envelope around the payload's JSON that carries the trace context when there is one
     */
    static byte[] request(String id, Map<String, String> trace, byte[] replyToField, byte[] payload) {
        String traceparent = trace.get("traceparent");
        if (traceparent == null) {
            return request(id, replyToField, payload);
        }
        String tracestate = trace.get("tracestate");
        return join(ID, QUOTE.quoteAsUTF8(id), TRACEPARENT, QUOTE.quoteAsUTF8(traceparent),
                tracestate == null ? EMPTY : TRACESTATE, tracestate == null ? EMPTY : QUOTE.quoteAsUTF8(tracestate),
                replyToField, payload, END);
    }

    /** @return a reply envelope around the reply's JSON */
    static byte[] reply(String id, byte[] payload) {
        return join(ID, QUOTE.quoteAsUTF8(id), PAYLOAD, payload, END);
    }

    /**
     * @param type the remote error's type
     * @param message its message, or null
     * @return an error reply envelope
     */
    static byte[] error(String id, String type, String message) {
        byte[] quotedMessage = message == null ? NULL : join(QUOTE_MARK, QUOTE.quoteAsUTF8(message), QUOTE_MARK);
        return join(ID, QUOTE.quoteAsUTF8(id), ERROR_TYPE, QUOTE.quoteAsUTF8(type), ERROR_MESSAGE, quotedMessage,
                END_ERROR);
    }

    /** @return the parts one after the other, in one array of the exact size */
    private static byte[] join(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /**
     * Reads an envelope: a JSON object whose {@code id}, {@code replyTo}, {@code payload} and {@code error}
     * fields come in any order; other fields are skipped.
     *
     * @throws IOException when the bytes are not one JSON object, or a known field has the wrong JSON type
     */
    static Envelope read(byte[] input) throws IOException {
        try (JsonParser parser = JSON.createParser(input)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a request-reply envelope: expected a JSON object");
            }
            String id = null;
            String replyTo = null;
            int payloadStart = -1;
            int payloadEnd = -1;
            String[] error = null;
            String traceparent = null;
            String tracestate = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "id" -> id = text(parser, value, "id");
                    case "replyTo" -> replyTo = text(parser, value, "replyTo");
                    case "payload" -> {
                        payloadStart = (int) parser.currentTokenLocation().getByteOffset();
                        skipValue(parser, value);
                        payloadEnd = (int) parser.currentLocation().getByteOffset();
                    }
                    case "error" -> error = error(parser, value);
                    case "traceparent" -> traceparent = optionalText(parser, value);
                    case "tracestate" -> tracestate = optionalText(parser, value);
                    default -> parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new IOException("not a request-reply envelope: expected one JSON object and nothing after it");
            }
            return new Envelope(id, replyTo, input, payloadStart, payloadEnd, error == null ? null : error[0],
                    error == null ? null : error[1], traceparent, tracestate);
        }
    }

    /** Moves past a value; a scalar is read to its end, so that the location after it is its end. */
    private static void skipValue(JsonParser parser, JsonToken value) throws IOException {
        if (value.isStructStart()) {
            parser.skipChildren();
        } else {
            parser.finishToken();
        }
    }

    private static String text(JsonParser parser, JsonToken value, String field) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            throw new IOException("not a request-reply envelope: \"" + field + "\" is not a string");
        }
        return parser.getText();
    }

    /** @return a string field's text; anything else is skipped (null): a trace field never fails a request */
    private static String optionalText(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        parser.skipChildren();
        return null;
    }

    /** @return the type and the message (or null) of an {@code error} object */
    private static String[] error(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            throw new IOException("not a request-reply envelope: \"error\" is not an object");
        }
        String[] error = new String[2];
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            if (field.equals("type")) {
                error[0] = text(parser, token, "error.type");
            } else if (field.equals("message") && token != JsonToken.VALUE_NULL) {
                error[1] = text(parser, token, "error.message");
            } else {
                parser.skipChildren();
            }
        }
        if (error[0] == null) {
            throw new IOException("not a request-reply envelope: \"error\" has no \"type\"");
        }
        return error;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
