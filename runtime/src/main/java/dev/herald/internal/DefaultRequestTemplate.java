package dev.herald.internal;

import dev.herald.AsyncResponder;
import dev.herald.ChannelTemplate;
import dev.herald.PayloadCodec;
import dev.herald.RequestTemplate;
import dev.herald.Responder;
import dev.herald.Subscription;
import dev.herald.SubscriptionOptions;
import dev.herald.TemplateResponder;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * A request-reply template, its two codecs, its timeout and its responders' options, bound once; per request the
 * values are checked and joined as a {@link dev.herald.TemplateChannel}'s are.
 */
final class DefaultRequestTemplate<T, R> implements RequestTemplate<T, R> {

    private final RequestParts parts;
    private final ChannelTemplate template;
    private final PayloadCodec<T> requestCodec;
    private final PayloadCodec<R> replyCodec;
    private final Duration timeout;
    private final SubscriptionOptions options;
    private final Registry.Key patternKey;
    /** Undecodable requests of the concrete and the pattern responders alike are kept under the template. */
    private final String deadLetters;
    /** Measures its requests and responders under the template as declared. */
    private final RequestProbe probe;

    DefaultRequestTemplate(RequestParts parts, ChannelTemplate template, PayloadCodec<T> requestCodec,
            PayloadCodec<R> replyCodec, Duration timeout, SubscriptionOptions options) {
        this.parts = parts;
        this.template = template;
        this.requestCodec = requestCodec;
        this.replyCodec = replyCodec;
        this.timeout = timeout;
        this.options = options;
        this.patternKey = new Registry.Key(parts.names().prefixed(template.pattern()), true);
        this.deadLetters = parts.names().prefixed(template.template());
        this.probe = parts.instruments().requests(template.template());
    }

    @Override
    public ChannelTemplate template() {
        return template;
    }

    @Override
    public RequestTemplate<T, R> withTimeout(Duration timeout) {
        return new DefaultRequestTemplate<>(parts, template, requestCodec, replyCodec, RequestParts.checkTimeout(timeout),
                options);
    }

    @Override
    public RequestTemplate<T, R> withOptions(SubscriptionOptions options) {
        return new DefaultRequestTemplate<>(parts, template, requestCodec, replyCodec, timeout,
                Objects.requireNonNull(options, "options").orElse(this.options));
    }

    @Override
    public CompletionStage<R> request(T request, Object... values) {
        Objects.requireNonNull(request, "request");
        return parts.requester().request(channel(values), requestCodec, request, replyCodec, timeout, probe);
    }

    @Override
    public Subscription respond(Responder<? super T, ? extends R> responder, Object... values) {
        Objects.requireNonNull(responder, "responder");
        return parts.responders().serve(new Registry.Key(channel(values), false), deadLetters, probe.channel(), requestCodec,
                replyCodec, Responders.answeringNow(responder), responder, options);
    }

    @Override
    public Subscription respondAsync(AsyncResponder<? super T, ? extends R> responder, Object... values) {
        Objects.requireNonNull(responder, "responder");
        return parts.responders().serve(new Registry.Key(channel(values), false), deadLetters, probe.channel(), requestCodec,
                replyCodec, Responders.answeringLater(responder), responder, options);
    }

    @Override
    public CompletionStage<Subscription> subscribeResponderAll(TemplateResponder<? super T, ? extends R> responder) {
        Objects.requireNonNull(responder, "responder");
        return parts.responders().serveAsync(patternKey, deadLetters, probe.channel(), requestCodec, replyCodec,
                (channel, request) -> responder.respond(template.parse(parts.names().withoutPrefix(channel)), request),
                responder, options);
    }

    /** @return the full channel the values name */
    private String channel(Object... values) {
        return parts.names().prefixed(template.resolve(values));
    }

    @Override
    public String toString() {
        return "RequestTemplate[" + template + ", " + requestCodec + " replying " + replyCodec + ", timeout " + timeout
                + "]";
    }
}
