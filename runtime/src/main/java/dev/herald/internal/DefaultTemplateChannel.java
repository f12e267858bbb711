package dev.herald.internal;

import dev.herald.ChannelTemplate;
import dev.herald.MessageHandler;
import dev.herald.PayloadCodec;
import dev.herald.Subscription;
import dev.herald.SubscriptionOptions;
import dev.herald.TemplateChannel;
import dev.herald.TemplateHandler;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** A channel template and a codec bound once; per message the values are checked and joined. */
final class DefaultTemplateChannel<T> implements TemplateChannel<T> {

    private final ChannelParts parts;
    private final ChannelTemplate template;
    private final PayloadCodec<T> codec;
    private final Registry.Key patternKey;
    /** Dead letters of the concrete and the pattern subscriptions alike are kept under the template as declared. */
    private final String deadLetters;
    private final SubscriptionOptions options;
    /** Measures every channel of the template, under the template as declared. */
    private final ChannelProbe probe;

    DefaultTemplateChannel(ChannelParts parts, ChannelTemplate template, PayloadCodec<T> codec,
            SubscriptionOptions options) {
        this.parts = parts;
        this.template = template;
        this.codec = codec;
        this.patternKey = new Registry.Key(parts.names().prefixed(template.pattern()), true);
        this.deadLetters = parts.names().prefixed(template.template());
        this.options = options;
        this.probe = parts.instruments().channel(template.template());
    }

    @Override
    public TemplateChannel<T> withOptions(SubscriptionOptions options) {
        return new DefaultTemplateChannel<>(parts, template, codec,
                Objects.requireNonNull(options, "options").orElse(this.options));
    }

    @Override
    public ChannelTemplate template() {
        return template;
    }

    @Override
    public CompletionStage<Long> publish(T message, Object... values) {
        Objects.requireNonNull(message, "message");
        return parts.outbound().publish(parts.names().prefixed(template.resolve(values)), codec, message, probe);
    }

    @Override
    public void send(T message, Object... values) {
        Objects.requireNonNull(message, "message");
        String channel = parts.names().prefixed(template.resolve(values));
        parts.outbound().sendReporting(channel, codec, message, parts.outbound().failureReporter(channel, probe), probe);
    }

    @Override
    public CompletionStage<Void> sendAsync(T message, Object... values) {
        Objects.requireNonNull(message, "message");
        return parts.outbound().send(parts.names().prefixed(template.resolve(values)), codec, message, probe);
    }

    @Override
    public Subscription subscribe(MessageHandler<? super T> handler, Object... values) {
        Objects.requireNonNull(handler, "handler");
        Registry.Key key = new Registry.Key(parts.names().prefixed(template.resolve(values)), false);
        return parts.subscriber().subscribe(key, deadLetters, probe, codec, (channel, message) -> handler.onMessage(message),
                handler, options);
    }

    @Override
    public Subscription subscribeAll(TemplateHandler<? super T> handler) {
        Objects.requireNonNull(handler, "handler");
        return parts.subscriber().subscribe(patternKey, deadLetters, probe, codec, patternSink(handler), handler, options);
    }

    @Override
    public CompletionStage<Subscription> subscribeAllAsync(TemplateHandler<? super T> handler) {
        Objects.requireNonNull(handler, "handler");
        return parts.subscriber().subscribeAsync(patternKey, deadLetters, probe, codec, patternSink(handler), handler,
                options);
    }

    /** Hands the handler the placeholder values of each channel the pattern matched. */
    private Delivery.Sink<T> patternSink(TemplateHandler<? super T> handler) {
        return (channel, message) -> handler.onMessage(template.parse(parts.names().withoutPrefix(channel)), message);
    }

    @Override
    public String toString() {
        return "TemplateChannel[" + template + ", " + codec + "]";
    }
}
