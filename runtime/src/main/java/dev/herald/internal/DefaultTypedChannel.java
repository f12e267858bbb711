package dev.herald.internal;

import dev.herald.MessageHandler;
import dev.herald.PayloadCodec;
import dev.herald.Subscription;
import dev.herald.SubscriptionOptions;
import dev.herald.TypedChannel;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** A channel name and a codec bound once; per message only a field read and a call. */
final class DefaultTypedChannel<T> implements TypedChannel<T> {

    private final ChannelParts parts;
    private final String name;
    private final PayloadCodec<T> codec;
    private final Registry.Key key;
    private final SubscriptionOptions options;
    /** Measures this channel, under its name as declared. */
    private final ChannelProbe probe;
    /** Made once: a fire-and-forget publish allocates no lambda of its own. */
    private final Outbound.FailureReporter reportFailure;

    DefaultTypedChannel(ChannelParts parts, String name, PayloadCodec<T> codec, SubscriptionOptions options) {
        this.parts = parts;
        this.name = name;
        this.codec = codec;
        this.key = new Registry.Key(name, false);
        this.options = options;
        this.probe = parts.instruments().channel(parts.names().withoutPrefix(name));
        this.reportFailure = parts.outbound().failureReporter(name, probe);
    }

    @Override
    public TypedChannel<T> withOptions(SubscriptionOptions options) {
        return new DefaultTypedChannel<>(parts, name, codec, Objects.requireNonNull(options, "options").orElse(this.options));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CompletionStage<Long> publish(T message) {
        Objects.requireNonNull(message, "message");
        return parts.outbound().publish(name, codec, message, probe);
    }

    @Override
    public void send(T message) {
        Objects.requireNonNull(message, "message");
        parts.outbound().sendReporting(name, codec, message, reportFailure, probe);
    }

    @Override
    public CompletionStage<Void> sendAsync(T message) {
        Objects.requireNonNull(message, "message");
        return parts.outbound().send(name, codec, message, probe);
    }

    @Override
    public Subscription subscribe(MessageHandler<? super T> handler) {
        Objects.requireNonNull(handler, "handler");
        return parts.subscriber().subscribe(key, name, probe, codec, (channel, message) -> handler.onMessage(message), handler,
                options);
    }

    @Override
    public CompletionStage<Subscription> subscribeAsync(MessageHandler<? super T> handler) {
        Objects.requireNonNull(handler, "handler");
        return parts.subscriber().subscribeAsync(key, name, probe, codec, (channel, message) -> handler.onMessage(message),
                handler, options);
    }

    @Override
    public String toString() {
        return "TypedChannel[" + name + ", " + codec + "]";
    }
}
