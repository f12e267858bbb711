package dev.herald.internal.durable;

import dev.herald.PayloadCodec;
import dev.herald.RetryPolicy;
import dev.herald.Subscription;
import dev.herald.SubscriptionOptions;
import dev.herald.spi.DurableLog;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Herald's durable channels on one {@link DurableLog}: appends what is published, and makes each subscription a
 * consumer of its group. Owns the one timer thread that paces reads after failures, claims and stream discovery;
 * that thread only starts commands of the log, and handlers never run on it.
 */
public final class DurableChannels {

    private final DurableLog log;
    private final DurableConfig config;
    private final DurableRuntime runtime;
    private final Set<DurableConsumer<?>> consumers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Map<String, Integer> defaultNames = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService timer;

    /**
     * @param log where the streams are
     * @param config what the builder said
     * @param runtime what subscriptions need from their Herald
     */
    public DurableChannels(DurableLog log, DurableConfig config, DurableRuntime runtime) {
        this.log = Objects.requireNonNull(log, "log");
        this.config = config;
        this.runtime = runtime;
    }

    /**
     * What appends to one channel's stream, its stream name and retention worked out once: a channel publishes
     * through it with one stage per message.
     *
     * @param fullChannel the channel, prefix included
     * @param declared the channel's names as declared, without prefix: the concrete name, then its template's
     * @return the appender
     */
    public Appender appender(String fullChannel, String... declared) {
        return new Appender(log, StreamNames.of(fullChannel), config.retentionOf(declared));
    }

    /** Appends to one stream with its retention. */
    public static final class Appender {
        private final DurableLog log;
        private final String stream;
        private final DurableLog.Retention retention;

        Appender(DurableLog log, String stream, DurableLog.Retention retention) {
            this.log = log;
            this.stream = stream;
            this.retention = retention;
        }

        /**
         * @param payload the encoded message
         * @param headers the entry's further fields, such as the trace context
         * @return a stage that completes with the entry's id once the log stored it
         */
        public CompletionStage<String> append(byte[] payload, Map<String, String> headers) {
            return log.append(stream, payload, headers, retention);
        }
    }

    /**
     * Subscribes: joins the group on the target's streams, then reads.
     *
     * @param options the subscription's options; what they do not set comes from the builder
     * @return a stage that completes once the group exists on the streams known now
     * @throws IllegalStateException when no consumer group is set, or Herald is closed
     */
    public <T> CompletionStage<Subscription> subscribeAsync(DurableTarget target, PayloadCodec<T> codec, DurableSink<T> sink,
            SubscriptionOptions options) {
        if (closed.get()) {
            throw new IllegalStateException("Herald is closed: cannot subscribe to durable channel '" + target.name() + "'");
        }
        String group = options.consumerGroup() != null ? options.consumerGroup() : config.defaultGroup();
        if (group == null) {
            throw new IllegalStateException("durable channel '" + target.name() + "' has no consumer group: set one for"
                    + " the application with Herald.builder().consumerGroup(\"...\") or for this subscription with"
                    + " SubscriptionOptions.builder().consumerGroup(\"...\")");
        }
        String consumer = options.consumerName() != null ? options.consumerName()
                : defaultName(group, target.name());
        RetryPolicy retryPolicy = options.retryPolicy() != null ? options.retryPolicy() : config.retryPolicy();
        ConsumerContext ctx = new ConsumerContext(log, log.reader(group, consumer), group, consumer, config, runtime, target,
                new StreamSet(target.initialStreams()), new AtomicBoolean(), timer());
        DurableConsumer<T> consumerOf = new DurableConsumer<>(ctx, codec, sink, retryPolicy, consumers::remove);
        consumers.add(consumerOf);
        if (closed.get()) { // closed meanwhile: closeAll may not have seen it
            consumerOf.unsubscribe();
            throw new IllegalStateException("Herald is closed: cannot subscribe to durable channel '" + target.name() + "'");
        }
        return consumerOf.start().handle((ok, failure) -> {
            if (failure != null) {
                consumerOf.unsubscribe();
                throw new IllegalStateException("cannot subscribe to " + ctx.describe() + ": creating the consumer group"
                        + " failed: " + Stages.unwrap(failure), Stages.unwrap(failure));
            }
            return consumerOf;
        });
    }

    /**
     * Subscribes and waits, up to the command timeout, until the group exists.
     *
     * @return the subscription
     * @throws IllegalStateException when no consumer group is set, Herald is closed, the group cannot be made, or it is
     *     called on the transport's thread
     */
    public <T> Subscription subscribe(DurableTarget target, PayloadCodec<T> codec, DurableSink<T> sink,
            SubscriptionOptions options) {
        if (runtime.onTransportThread().getAsBoolean()) {
            throw new IllegalStateException("subscribe() waits for the consumer group and cannot run on the transport's"
                    + " thread; use subscribeAsync() for durable channel '" + target.name() + "'");
        }
        return Stages.await(subscribeAsync(target, codec, sink, options), config.commandTimeout(),
                "subscribing to durable channel '" + target.name() + "'");
    }

    /**
     * @return this Herald's consumer name, numbered from the second subscription of one group to one channel on: two
     *     subscriptions under one name would claim and handle each other's entries
     */
    private String defaultName(String group, String channel) {
        int nth = defaultNames.merge(group + "\n" + channel, 1, Integer::sum);
        return nth == 1 ? config.consumerName() : config.consumerName() + "-" + nth;
    }

    private ScheduledExecutorService timer() {
        ScheduledExecutorService t = timer;
        if (t == null) {
            synchronized (this) {
                t = timer;
                if (t == null) {
                    ScheduledThreadPoolExecutor made = new ScheduledThreadPoolExecutor(1, task -> {
                        Thread thread = new Thread(task, config.threadName());
                        thread.setDaemon(true);
                        return thread;
                    });
                    made.setRemoveOnCancelPolicy(true);
                    timer = t = made;
                }
            }
        }
        return t;
    }

    /**
     * Ends every subscription (see {@link Subscription#unsubscribe()}): no more reads, the handlers running finish
     * and are acknowledged, the consumers leave their groups where they have nothing pending.
     *
     * @return a stage that completes once they all ended; the caller bounds the wait
     */
    public CompletionStage<Void> closeAll() {
        closed.set(true);
        List<CompletableFuture<Void>> ended = consumers.stream()
                .map(consumer -> consumer.unsubscribe().toCompletableFuture()).toList();
        return CompletableFuture.allOf(ended.toArray(CompletableFuture[]::new));
    }

    /** Stops the timer thread; after {@link #closeAll()}. */
    public void stopTimer() {
        ScheduledExecutorService t = timer;
        if (t != null) {
            t.shutdownNow();
        }
    }
}
