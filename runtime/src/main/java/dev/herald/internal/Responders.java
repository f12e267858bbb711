package dev.herald.internal;

import com.fasterxml.jackson.core.JacksonException;
import dev.herald.AsyncResponder;
import dev.herald.ChannelParseException;
import dev.herald.HeraldError;
import dev.herald.PayloadCodec;
import dev.herald.Responder;
import dev.herald.Subscription;
import dev.herald.SubscriptionOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Serves request channels: a responder is an ordinary subscription of the request channel (buffer, overflow,
 * ordering and options as any other) whose handler answers each request and publishes the reply envelope to the
 * request's {@code replyTo}, as is. A responder that fails, and a request whose payload does not decode, are
 * answered with an error reply (the failure's class name and message, never its stack) and reported to the error
 * handler; nothing is retried, and no bad message ends the subscription.
 */
final class Responders {

    /**
     * Answers one request of a served channel.
     *
     * @param <T> the request payload type
     * @param <R> the reply payload type
     */
    @FunctionalInterface
    interface Answer<T, R> {
        /**
         * @param channel the full channel the request came on
         * @param request the decoded payload
         * @return a stage completed with the reply
         * @throws Exception anything: the requester gets an error reply
         */
        CompletionStage<? extends R> answer(String channel, T request) throws Exception;
    }

    /** @return the answer of a responder that replies at once */
    static <T, R> Answer<T, R> answeringNow(Responder<? super T, ? extends R> responder) {
        return (channel, request) -> CompletableFuture.completedFuture(responder.respond(request));
    }

    /** @return the answer of a responder whose reply completes later */
    static <T, R> Answer<T, R> answeringLater(AsyncResponder<? super T, ? extends R> responder) {
        return (channel, request) -> responder.respond(request);
    }

    private final Subscriber subscriber;
    private final Outbound outbound;
    private final Failures failures;

    Responders(Subscriber subscriber, Outbound outbound, Failures failures) {
        this.subscriber = subscriber;
        this.outbound = outbound;
        this.failures = failures;
    }

    /**
     * Serves a channel or pattern and waits for the SUBSCRIBE's acknowledgement.
     *
     * @param deadLetters the declared name its undecodable messages are kept under, prefix included
     * @param probe measures it under its declared name
     * @param handler the user's responder, which the subscription is known by
     */
    <T, R> Subscription serve(Registry.Key key, String deadLetters, ChannelProbe probe, PayloadCodec<T> requestCodec,
            PayloadCodec<R> replyCodec, Answer<T, R> answer, Object handler, SubscriptionOptions options) {
        return subscriber.subscribe(key, deadLetters, probe, new RequestCodec<>(requestCodec),
                sink(replyCodec, answer, probe), handler, options);
    }

    /** {@link #serve} without waiting. */
    <T, R> CompletionStage<Subscription> serveAsync(Registry.Key key, String deadLetters, ChannelProbe probe,
            PayloadCodec<T> requestCodec, PayloadCodec<R> replyCodec, Answer<T, R> answer, Object handler,
            SubscriptionOptions options) {
        return subscriber.subscribeAsync(key, deadLetters, probe, new RequestCodec<>(requestCodec),
                sink(replyCodec, answer, probe), handler, options);
    }

    /** The subscription's handler: it never throws, so no retry policy applies. */
    private <T, R> Delivery.Sink<RequestCodec.Request<T>> sink(PayloadCodec<R> replyCodec, Answer<T, R> answer,
            ChannelProbe probe) {
        return (channel, request) -> handle(channel, request, replyCodec, answer, probe);
    }

    private <T, R> void handle(String channel, RequestCodec.Request<T> request, PayloadCodec<R> replyCodec,
            Answer<T, R> answer, ChannelProbe probe) {
        if (request.failure() != null) {
            refuse(channel, request, request.failure(), probe);
            return;
        }
        CompletionStage<? extends R> stage;
        try {
            stage = answer.answer(channel, request.payload());
            if (stage == null) {
                throw new NullPointerException("the responder returned no stage");
            }
        } catch (ChannelParseException e) {
            refuse(channel, request, e, probe);
            return;
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            failed(channel, request, e, probe);
            return;
        }
        stage.whenComplete((reply, failure) -> {
            if (failure != null) {
                failed(channel, request, Waits.unwrap(failure), probe);
            } else {
                reply(channel, request, replyCodec, reply, probe);
            }
        });
    }

    private <R> void reply(String channel, RequestCodec.Request<?> request, PayloadCodec<R> replyCodec, R reply,
            ChannelProbe probe) {
        byte[] payload;
        try {
            if (reply == null) {
                throw new NullPointerException("the responder replied null; a reply is never null");
            }
            payload = replyCodec.encode(reply);
        } catch (Exception | StackOverflowError e) {
            failed(channel, request, e, probe);
            return;
        }
        send(request, RequestEnvelopes.reply(request.id(), payload));
    }

    /** A request that cannot be answered (its payload or its channel does not parse): an error reply, and a decode report. */
    private void refuse(String channel, RequestCodec.Request<?> request, Throwable failure, ChannelProbe probe) {
        if (probe.active()) {
            probe.undecodable();
        }
        sendError(request, failure);
        report(new HeraldError(HeraldError.Kind.DECODE, channel, request.raw(), failure));
    }

    /** The responder failed: an error reply, and a handler report. */
    private void failed(String channel, RequestCodec.Request<?> request, Throwable failure, ChannelProbe probe) {
        if (probe.active()) {
            probe.failed(failure);
        }
        sendError(request, failure);
        report(new HeraldError(HeraldError.Kind.HANDLER, channel, request.raw(), failure));
    }

    private void sendError(RequestCodec.Request<?> request, Throwable failure) {
        String message = failure instanceof JacksonException jackson ? jackson.getOriginalMessage() : failure.getMessage();
        send(request, RequestEnvelopes.error(request.id(), failure.getClass().getName(), message));
    }

    private void send(RequestCodec.Request<?> request, byte[] envelope) {
        String replyTo = request.replyTo();
        outbound.sendBytes(replyTo, envelope, "reply").whenComplete((sent, failure) -> {
            if (failure != null) {
                failures.reportAsync(new HeraldError(HeraldError.Kind.PUBLISH, replyTo, null, Waits.unwrap(failure)));
            }
        });
    }

    /** Reports on this thread when it is a Herald thread, else on one (an asynchronous responder's stage completed). */
    private void report(HeraldError error) {
        if (HeraldThreads.onHeraldThread()) {
            failures.report(error);
        } else {
            failures.reportAsync(error);
        }
    }
}
