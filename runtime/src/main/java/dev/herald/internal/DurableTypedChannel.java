package dev.herald.internal;

import dev.herald.MessageHandler;
import dev.herald.PayloadCodec;
import dev.herald.PublishFailedException;
import dev.herald.Subscription;
import dev.herald.SubscriptionOptions;
import dev.herald.TypedChannel;
import dev.herald.internal.durable.DurableChannels;
import dev.herald.internal.durable.DurableProbe;
import dev.herald.internal.durable.DurableTarget;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/** A durable channel: publishing appends to its stream, subscribing joins a consumer group. */
final class DurableTypedChannel<T> implements TypedChannel<T> {

    private final ChannelParts parts;
    private final DurableChannels durable;
    private final String name;
    private final String declared;
    private final PayloadCodec<T> codec;
    private final SubscriptionOptions options;
    private final BiConsumer<Void, Throwable> reportFailure;
    /** Measures it under its declared name. */
    private final DurableProbe probe;
    /** The stream and retention, worked out once. */
    private final DurableChannels.Appender appender;
    /** Made once: a fire-and-forget append allocates no lambda of its own. */
    private final BiConsumer<String, Throwable> reportAppendFailure;

    DurableTypedChannel(ChannelParts parts, DurableChannels durable, String name, PayloadCodec<T> codec,
            SubscriptionOptions options) {
        this.parts = parts;
        this.durable = durable;
        this.name = name;
        this.declared = parts.names().withoutPrefix(name);
        this.codec = codec;
        this.options = options;
        this.reportFailure = parts.outbound().failureReporter(name, ChannelProbe.NONE);
        this.appender = durable.appender(name, declared);
        this.probe = DurableChannelProbe.of(parts.instruments().channel(declared));
        this.reportAppendFailure = (id, failure) -> {
            if (failure != null) {
                reportFailure.accept(null, failure);
            }
        };
    }

    @Override
    public TypedChannel<T> withOptions(SubscriptionOptions options) {
        return new DurableTypedChannel<>(parts, durable, name, codec,
                Objects.requireNonNull(options, "options").orElse(this.options));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CompletionStage<Long> publish(T message) {
        return append(message).thenApply(id -> 1L);
    }

    @Override
    public void send(T message) {
        append(message).whenComplete(reportAppendFailure);
    }

    @Override
    public CompletionStage<Void> sendAsync(T message) {
        return append(message).thenApply(id -> null);
    }

    private CompletionStage<String> append(T message) {
        Objects.requireNonNull(message, "message");
        return append(parts, probe, appender, name, codec, message);
    }

    /**
     * Encodes and appends a message to one channel's stream, observed when the probe is active (the trace context
     * goes into the entry's fields); shared with {@link DurableTemplateChannel}.
     *
     * @param channel the concrete channel, prefix included
     * @return a stage that completes with the entry's id once the log stored it, or fails
     */
    static <T> CompletionStage<String> append(ChannelParts parts, DurableProbe probe, DurableChannels.Appender appender,
            String channel, PayloadCodec<T> codec, T message) {
        Map<String, String> headers = probe.active() ? DurableChannelProbe.headers() : Map.of();
        Object publishing = probe.publishing(channel, headers);
        CompletionStage<String> stored;
        try {
            stored = appender.append(parts.outbound().encoded(channel, codec, message), headers);
        } catch (PublishFailedException e) {
            probe.published(publishing, e);
            return CompletableFuture.failedFuture(e);
        }
        return probe.active() ? stored.whenComplete((id, failure) -> probe.published(publishing, failure)) : stored;
    }

    @Override
    public Subscription subscribe(MessageHandler<? super T> handler) {
        Objects.requireNonNull(handler, "handler");
        return durable.subscribe(target(), codec, (channel, message) -> handler.onMessage(message), options);
    }

    @Override
    public CompletionStage<Subscription> subscribeAsync(MessageHandler<? super T> handler) {
        Objects.requireNonNull(handler, "handler");
        return durable.subscribeAsync(target(), codec, (channel, message) -> handler.onMessage(message), options);
    }

    private DurableTarget target() {
        return new DurableTarget(name, name, null, name, probe);
    }

    @Override
    public String toString() {
        return "TypedChannel[durable " + name + ", " + codec + "]";
    }
}
