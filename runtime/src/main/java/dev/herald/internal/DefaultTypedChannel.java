package dev.herald.internal;

import dev.herald.MessageHandler;
import dev.herald.PayloadCodec;
import dev.herald.Subscription;
import dev.herald.SubscriptionOptions;
import dev.herald.TypedChannel;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/** A channel name and a codec bound once; per message only a field read and a call. */
final class DefaultTypedChannel<T> implements TypedChannel<T> {

    private final DefaultHerald herald;
    private final String name;
    private final PayloadCodec<T> codec;
    private final Registry.Key key;
    private final SubscriptionOptions options;
    /** Made once: a fire-and-forget publish allocates no lambda of its own. */
    private final BiConsumer<Void, Throwable> reportFailure;

    DefaultTypedChannel(DefaultHerald herald, String name, PayloadCodec<T> codec, SubscriptionOptions options) {
        this.herald = herald;
        this.name = name;
        this.codec = codec;
        this.key = new Registry.Key(name, false);
        this.options = options;
        this.reportFailure = herald.sendFailureReporter(name);
    }

    @Override
    public TypedChannel<T> withOptions(SubscriptionOptions options) {
        return new DefaultTypedChannel<>(herald, name, codec, Objects.requireNonNull(options, "options").orElse(this.options));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CompletionStage<Long> publish(T message) {
        Objects.requireNonNull(message, "message");
        return herald.publishEncoded(name, codec, message);
    }

    @Override
    public void send(T message) {
        Objects.requireNonNull(message, "message");
        herald.sendEncoded(name, codec, message).whenComplete(reportFailure);
    }

    @Override
    public CompletionStage<Void> sendAsync(T message) {
        Objects.requireNonNull(message, "message");
        return herald.sendEncoded(name, codec, message);
    }

    @Override
    public Subscription subscribe(MessageHandler<? super T> handler) {
        Objects.requireNonNull(handler, "handler");
        return herald.subscribe(key, codec, (channel, message) -> handler.onMessage(message), handler, options);
    }

    @Override
    public CompletionStage<Subscription> subscribeAsync(MessageHandler<? super T> handler) {
        Objects.requireNonNull(handler, "handler");
        return herald.subscribeAsync(key, codec, (channel, message) -> handler.onMessage(message), handler, options);
    }

    @Override
    public String toString() {
        return "TypedChannel[" + name + ", " + codec + "]";
    }
}
