package dev.herald.internal;

import dev.herald.HeraldException;
import dev.herald.PayloadCodec;
import dev.herald.PublishFailedException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sends requests: encodes the payload, holds the request among the pending ones, waits (the first time only) for
 * the reply channel's SUBSCRIBE, and publishes the envelope. The receiver count PUBLISH answers tells a request
 * nobody listens to from one that waits.
 */
final class Requester {

    private final Outbound outbound;
    private final ReplyChannel replies;
    private final PendingRequests pending;
    /** The reply channel as every request envelope carries it, quoted once. */
    private final byte[] replyToField;

    Requester(Outbound outbound, ReplyChannel replies, PendingRequests pending) {
        this.outbound = outbound;
        this.replies = replies;
        this.pending = pending;
        this.replyToField = RequestEnvelopes.replyToField(replies.name());
    }

    /**
     * Sends a request; never blocks.
     *
     * @param channel the full request channel
     * @return the stage the reply completes, on a Herald thread
     */
    <T, R> CompletionStage<R> request(String channel, PayloadCodec<T> codec, T payload, PayloadCodec<R> replyCodec,
            Duration timeout, RequestProbe probe) {
        Objects.requireNonNull(payload, "request");
        ChannelProbe measured = probe.channel();
        byte[] bytes;
        try {
            bytes = codec.encode(payload);
        } catch (Exception | StackOverflowError e) {
            PublishFailedException refused = new PublishFailedException("cannot encode request for channel '"
                    + channel + "': " + e.getMessage(), e);
            if (measured.active()) {
                measured.published(null, refused);
            }
            return CompletableFuture.failedFuture(refused);
        }
        PendingRequests.Entry<R> entry = pending.open(channel, replyCodec, timeout, probe);
        if (entry.result.isDone()) {
            return entry.result;
        }
        byte[] envelope;
        Object publishing = null;
        if (measured.active()) {
            Map<String, String> trace = new HashMap<>(4); // a tracer writes the requester's trace context here
            publishing = measured.publishing(channel, entry.id, trace);
            envelope = RequestEnvelopes.request(entry.id, trace, replyToField, bytes);
        } else {
            envelope = RequestEnvelopes.request(entry.id, replyToField, bytes);
        }
        Object observed = publishing;
        replies.whenSubscribed(() -> publish(entry, envelope, observed), cause -> {
            HeraldException failure = new HeraldException("cannot receive the reply to a request on '" + channel
                    + "': the reply channel '" + replies.name() + "' was not subscribed: " + cause.getMessage(), cause);
            if (measured.active()) {
                measured.published(observed, new PublishFailedException(failure.getMessage(), cause));
            }
            pending.fail(entry, failure);
        });
        return entry.result;
    }

    private void publish(PendingRequests.Entry<?> entry, byte[] envelope, Object publishing) {
        pending.sent();
        outbound.publishBytes(entry.channel, envelope, "request", entry.probe.channel(), publishing)
                .whenComplete((receivers, failure) -> pending.published(entry, receivers, failure));
    }
}
