package dev.herald.internal;

import dev.herald.AsyncResponder;
import dev.herald.PayloadCodec;
import dev.herald.RequestChannel;
import dev.herald.Responder;
import dev.herald.Subscription;
import dev.herald.SubscriptionOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** A request channel's full name, its two codecs, its timeout and its responders' options, bound once. */
final class DefaultRequestChannel<T, R> implements RequestChannel<T, R> {

    private final RequestParts parts;
    private final String name;
    private final Registry.Key key;
    private final PayloadCodec<T> requestCodec;
    private final PayloadCodec<R> replyCodec;
    private final Duration timeout;
    private final SubscriptionOptions options;
    /** Measures its requests and responders under its name as declared. */
    private final RequestProbe probe;

    DefaultRequestChannel(RequestParts parts, String name, PayloadCodec<T> requestCodec, PayloadCodec<R> replyCodec,
            Duration timeout, SubscriptionOptions options) {
        this.parts = parts;
        this.name = name;
        this.key = new Registry.Key(name, false);
        this.requestCodec = requestCodec;
        this.replyCodec = replyCodec;
        this.timeout = timeout;
        this.options = options;
        this.probe = parts.instruments().requests(parts.names().withoutPrefix(name));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RequestChannel<T, R> withTimeout(Duration timeout) {
        return new DefaultRequestChannel<>(parts, name, requestCodec, replyCodec, RequestParts.checkTimeout(timeout),
                options);
    }

    @Override
    public RequestChannel<T, R> withOptions(SubscriptionOptions options) {
        return new DefaultRequestChannel<>(parts, name, requestCodec, replyCodec, timeout,
                Objects.requireNonNull(options, "options").orElse(this.options));
    }

    @Override
    public CompletionStage<R> request(T request) {
        return parts.requester().request(name, requestCodec, request, replyCodec, timeout, probe);
    }

    @Override
    public Subscription respond(Responder<? super T, ? extends R> responder) {
        Objects.requireNonNull(responder, "responder");
        return parts.responders().serve(key, name, probe.channel(), requestCodec, replyCodec,
                Responders.answeringNow(responder), responder, options);
    }

    @Override
    public Subscription respondAsync(AsyncResponder<? super T, ? extends R> responder) {
        Objects.requireNonNull(responder, "responder");
        return parts.responders().serve(key, name, probe.channel(), requestCodec, replyCodec,
                Responders.answeringLater(responder), responder, options);
    }

    @Override
    public CompletionStage<Subscription> subscribeResponder(AsyncResponder<? super T, ? extends R> responder) {
        Objects.requireNonNull(responder, "responder");
        return parts.responders().serveAsync(key, name, probe.channel(), requestCodec, replyCodec,
                Responders.answeringLater(responder), responder, options);
    }

    @Override
    public String toString() {
        return "RequestChannel[" + name + ", " + requestCodec + " replying " + replyCodec + ", timeout " + timeout + "]";
    }
}
