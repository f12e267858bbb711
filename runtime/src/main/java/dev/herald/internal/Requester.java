package dev.herald.internal;

import dev.herald.HeraldException;
import dev.herald.PayloadCodec;
import dev.herald.PublishFailedException;
import java.time.Duration;
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
            Duration timeout) {
        Objects.requireNonNull(payload, "request");
        byte[] bytes;
        try {
            bytes = codec.encode(payload);
        } catch (Exception | StackOverflowError e) {
            return CompletableFuture.failedFuture(new PublishFailedException("cannot encode request for channel '"
                    + channel + "': " + e.getMessage(), e));
        }
        PendingRequests.Entry<R> entry = pending.open(channel, replyCodec, timeout);
        if (entry.result.isDone()) {
            return entry.result;
        }
        byte[] envelope = RequestEnvelopes.request(entry.id, replyToField, bytes);
        replies.whenSubscribed(() -> publish(entry, envelope), cause -> pending.fail(entry, new HeraldException(
                "cannot receive the reply to a request on '" + channel + "': the reply channel '" + replies.name()
                        + "' was not subscribed: " + cause.getMessage(), cause)));
        return entry.result;
    }

    private void publish(PendingRequests.Entry<?> entry, byte[] envelope) {
        pending.sent();
        outbound.publishBytes(entry.channel, envelope, "request")
                .whenComplete((receivers, failure) -> pending.published(entry, receivers, failure));
    }
}
