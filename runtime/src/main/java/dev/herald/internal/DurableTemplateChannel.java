package dev.herald.internal;

import dev.herald.ChannelTemplate;
import dev.herald.MessageHandler;
import dev.herald.PayloadCodec;
import dev.herald.Subscription;
import dev.herald.SubscriptionOptions;
import dev.herald.TemplateChannel;
import dev.herald.TemplateHandler;
import dev.herald.internal.durable.DurableChannels;
import dev.herald.internal.durable.DurableProbe;
import dev.herald.internal.durable.DurableSink;
import dev.herald.internal.durable.DurableTarget;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * A durable template channel: a stream per concrete channel; a subscription to every value reads every stream the
 * template's pattern matches, found when it subscribes and then periodically.
 */
final class DurableTemplateChannel<T> implements TemplateChannel<T> {

    private final ChannelParts parts;
    private final DurableChannels durable;
    private final ChannelTemplate template;
    private final PayloadCodec<T> codec;
    private final SubscriptionOptions options;
    /** Dead letters of every value are kept under the template as declared, as for pub/sub templates. */
    private final String deadLetters;
    /** Measures every value under the template as declared. */
    private final DurableProbe probe;

    DurableTemplateChannel(ChannelParts parts, DurableChannels durable, ChannelTemplate template, PayloadCodec<T> codec,
            SubscriptionOptions options) {
        this.parts = parts;
        this.durable = durable;
        this.template = template;
        this.codec = codec;
        this.options = options;
        this.deadLetters = parts.names().prefixed(template.template());
        this.probe = DurableChannelProbe.of(parts.instruments().channel(template.template()));
    }

    @Override
    public TemplateChannel<T> withOptions(SubscriptionOptions options) {
        return new DurableTemplateChannel<>(parts, durable, template, codec,
                Objects.requireNonNull(options, "options").orElse(this.options));
    }

    @Override
    public ChannelTemplate template() {
        return template;
    }

    @Override
    public CompletionStage<Long> publish(T message, Object... values) {
        Objects.requireNonNull(message, "message");
        String concrete = template.resolve(values);
        return append(message, concrete, parts.names().prefixed(concrete)).thenApply(id -> 1L);
    }

    @Override
    public void send(T message, Object... values) {
        Objects.requireNonNull(message, "message");
        String concrete = template.resolve(values);
        String channel = parts.names().prefixed(concrete);
        BiConsumer<Void, Throwable> report = parts.outbound().failureReporter(channel, ChannelProbe.NONE);
        append(message, concrete, channel).whenComplete((id, failure) -> {
            if (failure != null) {
                report.accept(null, failure);
            }
        });
    }

    /** Appends to the concrete channel's stream, observed when the template is measured. */
    private CompletionStage<String> append(T message, String concrete, String channel) {
        DurableChannels.Appender appender = durable.appender(channel, concrete, template.template());
        return DurableTypedChannel.append(parts, probe, appender, channel, codec, message);
    }

    @Override
    public CompletionStage<Void> sendAsync(T message, Object... values) {
        return publish(message, values).thenApply(stored -> null);
    }

    @Override
    public Subscription subscribe(MessageHandler<? super T> handler, Object... values) {
        Objects.requireNonNull(handler, "handler");
        String channel = parts.names().prefixed(template.resolve(values));
        return durable.subscribe(new DurableTarget(channel, channel, null, deadLetters, probe), codec,
                (ch, message) -> handler.onMessage(message), options);
    }

    @Override
    public Subscription subscribeAll(TemplateHandler<? super T> handler) {
        Objects.requireNonNull(handler, "handler");
        return durable.subscribe(allTarget(), codec, sink(handler), options);
    }

    @Override
    public CompletionStage<Subscription> subscribeAllAsync(TemplateHandler<? super T> handler) {
        Objects.requireNonNull(handler, "handler");
        return durable.subscribeAsync(allTarget(), codec, sink(handler), options);
    }

    private DurableTarget allTarget() {
        return new DurableTarget(parts.names().prefixed(template.pattern()), null,
                parts.names().prefixed(template.pattern()), deadLetters, probe);
    }

    private DurableSink<T> sink(TemplateHandler<? super T> handler) {
        return (channel, message) -> handler.onMessage(template.parse(parts.names().withoutPrefix(channel)), message);
    }

    @Override
    public String toString() {
        return "TemplateChannel[durable " + template + ", " + codec + "]";
    }
}
