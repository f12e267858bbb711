package dev.herald.internal;

import dev.herald.PayloadCodec;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * What a responder's subscription decodes each message with: the request envelope, then its payload with the
 * request type's codec. A payload that does not decode still gives a {@link Request} (with its failure), so that
 * the requester gets an error reply; an envelope without {@code id} or {@code replyTo} is a decode failure, since
 * nobody could be answered.
 *
 * @param <T> the request payload type
 */
final class RequestCodec<T> implements PayloadCodec<RequestCodec.Request<T>> {

    /**
     * One received request.
     *
     * @param id the correlation id
     * @param replyTo the full channel to reply on, as is
     * @param payload the decoded payload, or null when it did not decode
     * @param failure why the payload did not decode, or null
     * @param raw the message as received, for reports
     * @param traceparent the W3C trace context the requester sent, or null
     * @param tracestate its vendor part, or null
     * @param <T> the request payload type
     */
    record Request<T>(String id, String replyTo, T payload, Throwable failure, byte[] raw, String traceparent,
            String tracestate) {

        /** @return the trace context fields it carried, for a tracer to read; empty when none */
        Map<String, String> trace() {
            Map<String, String> trace = new HashMap<>(4);
            if (traceparent != null) {
                trace.put("traceparent", traceparent);
            }
            if (tracestate != null) {
                trace.put("tracestate", tracestate);
            }
            return trace;
        }
    }

    private final PayloadCodec<T> payloads;

    RequestCodec(PayloadCodec<T> payloads) {
        this.payloads = payloads;
    }

    @Override
    public byte[] encode(Request<T> request) {
        throw new UnsupportedOperationException("requests are written by RequestEnvelopes");
    }

    @Override
    public Request<T> decode(byte[] bytes) throws IOException {
        RequestEnvelopes.Envelope envelope = RequestEnvelopes.read(bytes);
        if (envelope.id() == null || envelope.replyTo() == null) {
            throw new IOException("not a request: the envelope has no \"" + (envelope.id() == null ? "id" : "replyTo")
                    + "\"");
        }
        try {
            return new Request<>(envelope.id(), envelope.replyTo(), payloads.decode(envelope.payload()), null, bytes,
                    envelope.traceparent(), envelope.tracestate());
        } catch (Exception | StackOverflowError e) {
            return new Request<>(envelope.id(), envelope.replyTo(), null, e, bytes, envelope.traceparent(),
                    envelope.tracestate());
        }
    }

    @Override
    public String toString() {
        return "RequestCodec[" + payloads + "]";
    }
}
