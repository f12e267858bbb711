package dev.herald.internal;

import dev.herald.ChannelDescriptor;
import dev.herald.ChannelTemplate;
import dev.herald.ConnectionListener;
import dev.herald.CodecFactory;
import dev.herald.DeadLetter;
import dev.herald.DeadLetters;
import dev.herald.ErrorHandler;
import dev.herald.Herald;
import dev.herald.Health;
import dev.herald.HeraldError;
import dev.herald.HeraldException;
import dev.herald.MessageHandler;
import dev.herald.PayloadCodec;
import dev.herald.PatternHandler;
import dev.herald.PayloadType;
import dev.herald.ShutdownReport;
import dev.herald.Subscription;
import dev.herald.SubscriptionOptions;
import dev.herald.TemplateChannel;
import dev.herald.TypedChannel;
import dev.herald.spi.DeadLetterStore;
import dev.herald.spi.HeraldBinding;
import dev.herald.spi.SubscriptionBatching;
import dev.herald.spi.Transport;
import dev.herald.spi.TransportListener;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link Herald} implementation. It keeps, per channel, the subscriptions of this process and
 * whether the transport is subscribed: the first subscription sends SUBSCRIBE, the last one to leave
 * sends UNSUBSCRIBE. Transport commands for channels are issued under one lock, so they reach the
 * server in the order they were decided.
 */
public final class DefaultHerald implements Herald, SubscriptionBatching {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultHerald.class);

    /**
     * Everything a Herald is made of.
     *
     * @param transport the transport, not yet started
     * @param codecs makes a codec per payload type
     * @param errorHandler receives failures
     * @param connectionListener observes outages
     * @param channelPrefix put before every channel name
     * @param subscriptionDefaults buffer, overflow and retry settings, every value set
     * @param deadLetters whether failed messages go to the transport's dead-letter store
     * @param maxPayloadBytes the largest payload published or decoded
     * @param shutdownTimeout how long close waits for handlers
     * @param commandTimeout how long blocking calls wait for Redis
     * @param deadLetterLimit the most dead letters kept per declared name
     * @param deadLetterRetention how long a dead letter is kept
     * @param deadLetterMaxPayloadBytes how much of a dead letter's payload is kept
     * @param handlerPool how handlers are run: threads and their bound
     */
    public record Settings(Transport transport, CodecFactory codecs, ErrorHandler errorHandler,
            ConnectionListener connectionListener, String channelPrefix,
            SubscriptionOptions subscriptionDefaults, boolean deadLetters, int maxPayloadBytes, Duration shutdownTimeout,
            Duration commandTimeout, int deadLetterLimit, Duration deadLetterRetention, int deadLetterMaxPayloadBytes,
            HandlerPool.Config handlerPool) {
    }

    private final Settings settings;
    private final Transport transport;
    private final HandlerPool handlers;
    private final Executor errorExecutor;
    private final Registry registry = new Registry();
    private final ConcurrentHashMap<Type, PayloadCodec<?>> codecs = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private volatile boolean closed;
    private final long startedAt;
    private final ConnectionEvents events;
    private final ChannelNames names;
    private final Outbound outbound;

    /**
     * Creates a Herald and starts its transport.
     *
     * @param settings the configuration
     */
    public DefaultHerald(Settings settings) {
        this.settings = settings;
        this.transport = settings.transport();
        try {
            this.names = new ChannelNames(ChannelNames.checkPrefix(settings.channelPrefix()));
        } catch (IllegalArgumentException e) {
            transport.close();
            throw e;
        }
        this.outbound = new Outbound(transport, settings.maxPayloadBytes());
        checkBindings();
        this.handlers = new HandlerPool(settings.handlerPool(), this::report);
        this.errorExecutor = task -> {
            try {
                handlers.callbacks().execute(task);
            } catch (RejectedExecutionException e) {
                task.run(); // closing: run where we are rather than lose the callback
            }
        };
        this.startedAt = System.nanoTime();
        this.events = new ConnectionEvents(settings.connectionListener(), errorExecutor, registry::isEmpty, () -> closed);
        transport.start(dispatcher);
        LOG.info("Herald started, {}{}", transport.description(), settings.channelPrefix().isEmpty()
                ? ", no channel prefix" : ", channel prefix '" + settings.channelPrefix() + "'");
    }

    /**
     * Checks, before anything connects to a channel, that the generated bindings visible to the
     * application agree on one payload type per channel, even when they come from different jars.
     */
    private void checkBindings() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        try {
            Bindings.of(context != null ? context : DefaultHerald.class.getClassLoader());
        } catch (HeraldException e) {
            transport.close();
            throw e;
        }
    }

    // ---------------------------------------------------------------- channels and codecs

    @Override
    public <T> TypedChannel<T> channel(ChannelDescriptor<T> descriptor) {
        Objects.requireNonNull(descriptor, "descriptor");
        return channel(descriptor.name(), descriptor.payloadType());
    }

    @Override
    public <T> TypedChannel<T> channel(String channel, PayloadType<T> type) {
        Objects.requireNonNull(type, "type");
        return new DefaultTypedChannel<>(this, fullName(channel), codec(type), SubscriptionOptions.inherit());
    }

    @Override
    public <T> TemplateChannel<T> template(ChannelDescriptor<T> descriptor) {
        Objects.requireNonNull(descriptor, "descriptor");
        return template(descriptor.name(), descriptor.payloadType());
    }

    @Override
    public <T> TemplateChannel<T> template(String template, PayloadType<T> type) {
        Objects.requireNonNull(type, "type");
        return new DefaultTemplateChannel<>(this, ChannelTemplate.of(template), codec(type), SubscriptionOptions.inherit());
    }

    @SuppressWarnings("unchecked") // the map is keyed by the type each codec was made for
    <T> PayloadCodec<T> codec(PayloadType<T> type) {
        return (PayloadCodec<T>) codecs.computeIfAbsent(type.type(), t -> settings.codecs().codec(type));
    }

    /** The full name of a channel given by the user: checked, then prefixed. */
    String fullName(String channel) {
        return names.fullName(channel);
    }

    String fullPattern(String pattern) {
        return names.fullPattern(pattern);
    }

    String prefixed(String channel) {
        return names.prefixed(channel);
    }

    // ---------------------------------------------------------------- publish

    @Override
    public CompletionStage<Long> publish(String channel, Object payload) {
        Objects.requireNonNull(payload, "payload");
        String name = fullName(channel);
        return publishEncoded(name, untypedCodec(payload), payload);
    }

    @SuppressWarnings("unchecked") // the codec is made for payload's own class
    private PayloadCodec<Object> untypedCodec(Object payload) {
        return (PayloadCodec<Object>) codec(PayloadType.of(payload.getClass()));
    }

    <T> CompletionStage<Long> publishEncoded(String channel, PayloadCodec<T> codec, T payload) {
        return outbound.publish(channel, codec, payload);
    }

    /** Like {@link #publishEncoded}, for a caller that does not want the receiver count. */
    <T> CompletionStage<Void> sendEncoded(String channel, PayloadCodec<T> codec, T payload) {
        return outbound.send(channel, codec, payload);
    }

    // ---------------------------------------------------------------- subscribe

    @Override
    public <T> Subscription subscribe(String channel, Class<T> type, MessageHandler<? super T> handler) {
        return subscribe(channel, PayloadType.of(type), handler);
    }

    @Override
    public <T> Subscription subscribe(String channel, PayloadType<T> type, MessageHandler<? super T> handler) {
        return channel(channel, type).subscribe(handler);
    }

    @Override
    public <T> Subscription psubscribe(String pattern, Class<T> type, PatternHandler<? super T> handler) {
        return psubscribe(pattern, PayloadType.of(type), handler);
    }

    @Override
    public <T> Subscription psubscribe(String pattern, PayloadType<T> type, PatternHandler<? super T> handler) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handler, "handler");
        Registry.Key key = new Registry.Key(fullPattern(pattern), true);
        return subscribe(key, codec(type), (channel, message) -> handler.onMessage(names.withoutPrefix(channel), message),
                handler, SubscriptionOptions.inherit());
    }

    /** A received channel name without the prefix. */
    String withoutPrefix(String channel) {
        return names.withoutPrefix(channel);
    }

    <T> Subscription subscribe(Registry.Key key, PayloadCodec<T> codec, Delivery.Sink<T> sink, Object handler,
            SubscriptionOptions options) {
        return subscribe(key, key.name(), codec, sink, handler, options);
    }

    /** @param deadLetters the declared name its dead letters are kept under, prefix included */
    <T> Subscription subscribe(Registry.Key key, String deadLetters, PayloadCodec<T> codec, Delivery.Sink<T> sink,
            Object handler, SubscriptionOptions options) {
        if (closed) {
            throw new IllegalStateException("Herald is closed: cannot subscribe to '" + key.name() + "'");
        }
        if (transport.isIoThread()) {
            throw new IllegalStateException("subscribe() waits for Redis and cannot run on Lettuce's event loop; "
                    + "use subscribeAsync() for '" + key.name() + "'");
        }
        Pending<T> pending = register(key, deadLetters, codec, sink, handler, options);
        try {
            return Waits.await(pending.subscribed(), settings.commandTimeout(),
                    (key.pattern() ? "PSUBSCRIBE to '" : "SUBSCRIBE to '") + key.name() + "'");
        } catch (HeraldException e) {
            // timed out or interrupted: the caller never gets this subscription, so it is not wanted any more;
            // a SUBSCRIBE Redis acknowledges later is undone by the transport
            remove(pending.delivery());
            throw e;
        }
    }

    @Override
    public Runnable holdSubscribes() {
        return transport.holdSubscribes();
    }

    @Override
    public Subscription awaitSubscribed(List<? extends CompletionStage<Subscription>> subscriptions) {
        Objects.requireNonNull(subscriptions, "subscriptions");
        if (transport.isIoThread()) {
            throw new IllegalStateException("awaitSubscribed() waits for Redis and cannot run on Lettuce's event loop");
        }
        CompletableFuture<?>[] all = subscriptions.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture<?>[]::new);
        try {
            Waits.await(CompletableFuture.allOf(all), settings.commandTimeout(), "SUBSCRIBE to "
                    + subscriptions.size() + " channel(s) and pattern(s)");
        } catch (HeraldException e) {
            // none stays: those acknowledged already, and those Redis acknowledges after this
            subscriptions.forEach(stage -> stage.thenAccept(Subscription::unsubscribe));
            throw e;
        }
        return Subscription.all(subscriptions.stream().map(stage -> stage.toCompletableFuture().join()).toList());
    }

    /** A subscription registered and its stage, completing once Redis acknowledged it. */
    private record Pending<T>(Delivery<T> delivery, CompletionStage<Subscription> subscribed) {
    }

    <T> CompletionStage<Subscription> subscribeAsync(Registry.Key key, PayloadCodec<T> codec, Delivery.Sink<T> sink,
            Object handler, SubscriptionOptions options) {
        return subscribeAsync(key, key.name(), codec, sink, handler, options);
    }

    /** @param deadLetters the declared name its dead letters are kept under, prefix included */
    <T> CompletionStage<Subscription> subscribeAsync(Registry.Key key, String deadLetters, PayloadCodec<T> codec,
            Delivery.Sink<T> sink, Object handler, SubscriptionOptions options) {
        return register(key, deadLetters, codec, sink, handler, options).subscribed();
    }

    private <T> Pending<T> register(Registry.Key key, String deadLetters, PayloadCodec<T> codec,
            Delivery.Sink<T> sink, Object handler, SubscriptionOptions options) {
        Objects.requireNonNull(handler, "handler");
        Delivery<T> delivery = new Delivery<>(this, key, deadLetters, codec, sink, handler,
                options.orElse(settings.subscriptionDefaults()));
        CompletionStage<Void> ack;
        synchronized (lock) {
            if (closed) {
                return new Pending<>(delivery, CompletableFuture.failedFuture(new IllegalStateException(
                        "Herald is closed: cannot subscribe to '" + key.name() + "'")));
            }
            Registry.Entry entry = registry.getOrCreate(key);
            entry.deliveries.add(delivery);
            if (entry.subscribeAck == null) {
                entry.subscribeAck = Registry.subscribe(transport, key);
            }
            ack = entry.subscribeAck;
        }
        CompletableFuture<Subscription> result = new CompletableFuture<>();
        ack.whenCompleteAsync((ok, failure) -> {
            if (failure == null) {
                result.complete(delivery);
                return;
            }
            subscribeFailed(key, ack, List.of(delivery));
            result.completeExceptionally(refused(key, failure));
        }, errorExecutor);
        return new Pending<>(delivery, result);
    }

    private static HeraldException refused(Registry.Key key, Throwable failure) {
        Throwable cause = Waits.unwrap(failure);
        return new HeraldException("Redis refused " + (key.pattern() ? "PSUBSCRIBE" : "SUBSCRIBE")
                + " to '" + key.name() + "': " + cause.getMessage(), cause);
    }

    /**
     * A SUBSCRIBE failed: the subscriptions that waited for it end, and the channel is no longer wanted, so
     * that an acknowledgement arriving later is undone instead of leaving a subscription nobody holds.
     */
    private void subscribeFailed(Registry.Key key, CompletionStage<Void> ack, List<? extends Delivery<?>> deliveries) {
        synchronized (lock) {
            Registry.Entry entry = registry.get(key);
            if (entry != null && entry.subscribeAck == ack) {
                entry.deliveries.forEach(Delivery::deactivate);
                entry.deliveries.clear();
                registry.remove(entry);
                Registry.unsubscribe(transport, key);
            }
            deliveries.forEach(Delivery::deactivate);
        }
    }

    /**
     * Subscribes one handler per channel, in a few batched SUBSCRIBE commands rather than one round trip each.
     *
     * @param handlers the handler of each channel, channel names without prefix
     * @param type the payload type
     * @return a stage with one subscription covering all of them, once Redis acknowledged every channel
     */
    <T> CompletionStage<Subscription> subscribeAllAsync(Map<String, ? extends MessageHandler<? super T>> handlers,
            PayloadType<T> type) {
        Objects.requireNonNull(handlers, "handlers");
        PayloadCodec<T> codec = codec(Objects.requireNonNull(type, "type"));
        SubscriptionOptions options = SubscriptionOptions.inherit().orElse(settings.subscriptionDefaults());
        List<Delivery<T>> deliveries = new ArrayList<>(handlers.size());
        for (Map.Entry<String, ? extends MessageHandler<? super T>> e : handlers.entrySet()) {
            MessageHandler<? super T> handler = Objects.requireNonNull(e.getValue(), "handler of " + e.getKey());
            Registry.Key key = new Registry.Key(fullName(e.getKey()), false);
            deliveries.add(new Delivery<>(this, key, key.name(), codec, (channel, message) -> handler.onMessage(message),
                    handler, options));
        }
        List<CompletionStage<Void>> acks = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        List<Registry.Entry> freshEntries = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("Herald is closed: cannot subscribe"));
            }
            for (Delivery<T> delivery : deliveries) {
                Registry.Entry entry = registry.getOrCreate(delivery.key());
                entry.deliveries.add(delivery);
                if (entry.subscribeAck == null) {
                    fresh.add(entry.key.name());
                    freshEntries.add(entry);
                } else {
                    acks.add(entry.subscribeAck);
                }
            }
            if (!fresh.isEmpty()) {
                CompletionStage<Void> bulk = transport.subscribeAll(fresh);
                freshEntries.forEach(entry -> entry.subscribeAck = bulk);
                acks.add(bulk);
            }
        }
        List<Subscription> members = List.copyOf(deliveries);
        CompletableFuture<Subscription> result = new CompletableFuture<>();
        CompletableFuture.allOf(acks.stream().distinct().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture<?>[]::new)).whenCompleteAsync((ok, failure) -> {
                    if (failure == null && result.complete(Subscription.all(members))) {
                        return;
                    }
                    endAll(deliveries);
                    if (failure != null) {
                        result.completeExceptionally(new HeraldException("Redis did not acknowledge SUBSCRIBE to "
                                + handlers.size() + " channel(s): " + Waits.unwrap(failure).getMessage(),
                                Waits.unwrap(failure)));
                    }
                }, errorExecutor);
        result.whenComplete((subscription, failure) -> {
            if (result.isCancelled()) {
                endAll(deliveries);
            }
        });
        return result;
    }

    /** Ends subscriptions that never reached their caller; the last of a channel makes it unwanted. */
    private void endAll(List<? extends Delivery<?>> deliveries) {
        synchronized (lock) {
            for (Delivery<?> delivery : deliveries) {
                Registry.Entry entry = registry.get(delivery.key());
                if (entry != null && entry.deliveries.remove(delivery) && entry.deliveries.isEmpty()) {
                    unsubscribeLocked(entry);
                }
                delivery.deactivate();
            }
        }
    }

    @Override
    public <T> Subscription subscribeAll(Map<String, ? extends MessageHandler<? super T>> handlers, Class<T> type) {
        if (transport.isIoThread()) {
            throw new IllegalStateException("subscribeAll() waits for Redis and cannot run on Lettuce's event loop; "
                    + "use subscribeAllAsync()");
        }
        CompletionStage<Subscription> subscribed = subscribeAllAsync(handlers, PayloadType.of(type));
        try {
            return Waits.await(subscribed, settings.commandTimeout(), "SUBSCRIBE to " + handlers.size() + " channel(s)");
        } catch (HeraldException e) {
            // the caller never gets these subscriptions: end them now, whatever Redis acknowledges later
            subscribed.toCompletableFuture().cancel(false);
            throw e;
        }
    }

    @Override
    public <T> CompletionStage<Subscription> subscribeAllAsync(Map<String, ? extends MessageHandler<? super T>> handlers,
            Class<T> type) {
        return subscribeAllAsync(handlers, PayloadType.of(type));
    }

    /** Removes one subscription; returns the UNSUBSCRIBE acknowledgement, or null when it was not subscribed. */
    CompletionStage<Void> remove(Delivery<?> delivery) {
        synchronized (lock) {
            Registry.Entry entry = registry.get(delivery.key());
            if (entry == null || !entry.deliveries.remove(delivery)) {
                return null;
            }
            delivery.deactivate();
            CompletionStage<Void> ack = entry.deliveries.isEmpty()
                    ? unsubscribeLocked(entry)
                    : CompletableFuture.completedFuture(null);
            delivery.unsubscribedBy(ack);
            return ack;
        }
    }

    private CompletionStage<Void> unsubscribeLocked(Registry.Entry entry) {
        registry.remove(entry);
        return Registry.unsubscribe(transport, entry.key);
    }

    @Override
    public CompletionStage<Void> unsubscribe(String channel, MessageHandler<?> handler) {
        Objects.requireNonNull(handler, "handler");
        return unsubscribeMatching(new Registry.Key(fullName(channel), false), handler);
    }

    @Override
    public CompletionStage<Void> unsubscribe(String channel) {
        return unsubscribeMatching(new Registry.Key(fullName(channel), false), null);
    }

    @Override
    public CompletionStage<Void> punsubscribe(String pattern, PatternHandler<?> handler) {
        Objects.requireNonNull(handler, "handler");
        return unsubscribeMatching(new Registry.Key(fullPattern(pattern), true), handler);
    }

    @Override
    public CompletionStage<Void> punsubscribe(String pattern) {
        return unsubscribeMatching(new Registry.Key(fullPattern(pattern), true), null);
    }

    private CompletionStage<Void> unsubscribeMatching(Registry.Key key, Object handler) {
        synchronized (lock) {
            Registry.Entry entry = registry.get(key);
            if (entry == null) {
                return CompletableFuture.completedFuture(null);
            }
            List<Delivery<?>> leaving = new ArrayList<>();
            for (Delivery<?> delivery : entry.deliveries) {
                if (handler == null || delivery.handler() == handler) {
                    leaving.add(delivery);
                }
            }
            entry.deliveries.removeAll(leaving);
            leaving.forEach(Delivery::deactivate);
            CompletionStage<Void> ack = entry.deliveries.isEmpty() && !leaving.isEmpty()
                    ? unsubscribeLocked(entry)
                    : CompletableFuture.completedFuture(null);
            leaving.forEach(d -> d.unsubscribedBy(ack));
            return ack;
        }
    }

    @Override
    public <T> Subscription listen(Class<T> channelInterface, T implementation) {
        Objects.requireNonNull(implementation, "implementation");
        HeraldBinding<T> binding = Bindings.forInterface(channelInterface);
        return binding.listen(this, implementation);
    }

    // ---------------------------------------------------------------- dispatch

    @Override
    public CompletionStage<Health> health() {
        List<String> channels = new ArrayList<>();
        int patterns = 0;
        synchronized (lock) {
            for (Registry.Entry entry : registry.all()) {
                if (entry.key.pattern()) {
                    patterns++;
                } else {
                    channels.add(entry.key.name());
                }
            }
        }
        int expectedPatterns = patterns;
        return transport.health(channels).thenApply(server -> {
            Map<String, Boolean> subscribed = new LinkedHashMap<>();
            for (String channel : channels) {
                subscribed.put(channel, server.subscribers().getOrDefault(channel, 0L) > 0);
            }
            return new Health(server.connected(), subscribed, channels.size(), server.channels(), expectedPatterns,
                    server.patterns(), events.outages(), events.lastOutage());
        });
    }

    private final TransportListener dispatcher = new TransportListener() {
        @Override
        public void onConnected() {
            Duration waited = Duration.ofNanos(System.nanoTime() - startedAt);
            errorExecutor.execute(() -> {
                LOG.info("Herald: connected to Redis {} ms after start", waited.toMillis());
                events.notifyListener(listener -> listener.onConnected(waited));
            });
        }

        @Override
        public void onConnectionLost() {
            events.lost();
        }

        @Override
        public void onConnectionRestored() {
            events.restored();
        }

        @Override
        public void onResubscribed(int channels, int patterns) {
            events.resubscribed(channels, patterns);
        }

        @Override
        public void onMessage(String channel, byte[] payload) {
            Registry.Entry entry = registry.channel(channel);
            if (entry != null) {
                for (Delivery<?> delivery : entry.deliveries) {
                    delivery.offer(payload);
                }
            }
        }

        @Override
        public void onPatternMessage(String pattern, String channel, byte[] payload) {
            Registry.Entry entry = registry.pattern(pattern);
            if (entry != null) {
                for (Delivery<?> delivery : entry.deliveries) {
                    delivery.offer(channel, payload);
                }
            }
        }
    };

    /** @return runs callbacks that are not handlers, off the transport's thread */
    Executor handlerExecutor() {
        return handlers.callbacks();
    }

    HandlerPool handlerPool() {
        return handlers;
    }

    Duration commandTimeout() {
        return settings.commandTimeout();
    }

    int maxPayloadBytes() {
        return settings.maxPayloadBytes();
    }

    /** The longest error text a dead letter keeps, so that its fields stay small whatever a handler throws. */
    private static final int DEAD_LETTER_MAX_ERROR_CHARS = 1_000;

    /**
     * Keeps a message a subscription could not take, unless dead letters are switched off; never throws.
     *
     * @param name the subscription's declared name (channel, template or pattern), prefix included
     * @param subscription which subscription failed: its channel, or {@code pattern } and its pattern
     * @param channel the concrete channel the message arrived on
     */
    void deadLetter(String name, String subscription, String channel, byte[] payload, Throwable failure, int attempts) {
        if (!settings.deadLetters()) {
            return;
        }
        try {
            String error = failure.getClass().getName() + ": " + failure.getMessage();
            if (error.length() > DEAD_LETTER_MAX_ERROR_CHARS) {
                error = error.substring(0, DEAD_LETTER_MAX_ERROR_CHARS) + "...";
            }
            DeadLetter letter = DeadLetter.of(channel, subscription, payload, settings.deadLetterMaxPayloadBytes(), error,
                    attempts, Instant.now());
            transport.deadLetters().append(name, letter, deadLetterBounds()).whenComplete((ok, e) -> {
                if (e != null) {
                    LOG.warn("Herald: could not keep a dead letter of '{}': {}", name, Waits.unwrap(e).toString());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Herald: could not keep a dead letter of '{}': {}", name, e.toString());
        }
    }

    private DeadLetterStore.Bounds deadLetterBounds() {
        return new DeadLetterStore.Bounds(settings.deadLetterLimit(), settings.deadLetterRetention());
    }

    @Override
    public DeadLetters deadLetters() {
        return deadLetterView;
    }

    /** The key of a declared name given by the user: a channel, a template or a pattern, checked, then prefixed. */
    private String deadLetterName(String name) {
        return fullPattern(name);
    }

    private final DeadLetters deadLetterView = new DeadLetters() {
        @Override
        public CompletionStage<List<DeadLetter>> read(String name, int max) {
            return transport.deadLetters().read(deadLetterName(name), max);
        }

        @Override
        public CompletionStage<Long> replay(String name, int max) {
            String stream = deadLetterName(name);
            return transport.deadLetters().read(stream, max).thenCompose(letters -> {
                List<DeadLetter> truncated = letters.stream().filter(DeadLetter::truncated).toList();
                if (!truncated.isEmpty()) {
                    return CompletableFuture.failedFuture(new HeraldException("cannot replay the dead letters of '" + name
                            + "': " + truncated.size() + " of them kept only part of their payload (deadLetterMaxPayloadBytes "
                            + settings.deadLetterMaxPayloadBytes() + "): " + truncated.stream()
                                    .map(l -> l.id() + " (" + l.payload().length + " of " + l.size() + " bytes, sha256 "
                                            + l.sha256() + ")").toList()
                            + "; nothing was published. Read them, then delete them to replay the others"));
                }
                CompletableFuture<Long> replayed = CompletableFuture.completedFuture(0L);
                for (DeadLetter letter : letters) {
                    // one after the other, so each channel sees them in their original order
                    replayed = replayed.thenCompose(count -> transport.publish(letter.channel(), letter.payload())
                            .thenCompose(receivers -> transport.deadLetters().delete(stream, List.of(letter.id())))
                            .thenApply(deleted -> count + 1));
                }
                return replayed;
            });
        }

        @Override
        public CompletionStage<Long> delete(String name, List<DeadLetter> letters) {
            return transport.deadLetters().delete(deadLetterName(name), letters.stream().map(DeadLetter::id).toList());
        }
    };

    /** Reports on the calling thread, which must be a Herald thread. */
    void report(HeraldError error) {
        try {
            settings.errorHandler().onError(error);
        } catch (RuntimeException | Error e) {
            LOG.warn("Herald: the error handler threw while handling {}", error, e);
        }
    }

    /** Reports from any thread, the transport's included: the error handler runs on a Herald thread. */
    /**
     * What a fire-and-forget publish does with its outcome: a failure goes to the error handler as
     * {@link HeraldError.Kind#PUBLISH}, naming the channel.
     *
     * @param channel the full channel name
     * @return the callback, to be made once per channel where the channel is fixed
     */
    java.util.function.BiConsumer<Void, Throwable> sendFailureReporter(String channel) {
        return (sent, failure) -> {
            if (failure != null) {
                reportAsync(new HeraldError(HeraldError.Kind.PUBLISH, channel, null, Waits.unwrap(failure)));
            }
        };
    }

    void reportAsync(HeraldError error) {
        errorExecutor.execute(() -> report(error));
    }

    // ---------------------------------------------------------------- health and lifecycle

    @Override
    public CompletionStage<String> ping() {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("Herald is closed"));
        }
        return transport.ping();
    }

    /**
     * The channels this Herald holds a transport subscription for, for tests and diagnostics.
     *
     * @return the full channel names
     */
    public List<String> subscribedChannels() {
        synchronized (lock) {
            return registry.all().stream().map(e -> e.key.name()).toList();
        }
    }

    /** @return the transport, for tests and diagnostics */
    public Transport transport() {
        return transport;
    }

    @Override
    public void close() {
        shutdown(settings.shutdownTimeout());
    }

    @Override
    public ShutdownReport shutdown(Duration deadline) {
        Objects.requireNonNull(deadline, "deadline");
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        List<CompletionStage<Void>> acks = new ArrayList<>();
        int unhandled = 0;
        boolean second = false;
        closing:
        synchronized (lock) {
            if (closed) {
                second = true; // waits for the first call's report outside the lock, which handlers may need
                break closing;
            }
            closed = true;
            outbound.close();
            for (Registry.Entry entry : registry.all()) {
                for (Delivery<?> delivery : entry.deliveries) {
                    unhandled += delivery.deactivate();
                    delivery.unsubscribedBy(CompletableFuture.completedFuture(null));
                }
                entry.deliveries.clear();
                acks.add(Registry.unsubscribe(transport, entry.key).exceptionally(e -> null));
            }
            registry.clear();
        }
        if (second) {
            return firstShutdownReport();
        }
        try {
            CompletableFuture.allOf(acks.stream().map(CompletionStage::toCompletableFuture).toArray(CompletableFuture[]::new))
                    .get(Math.max(end - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
        } catch (Exception e) {
            LOG.debug("Herald: UNSUBSCRIBE on close did not complete: {}", e.toString());
        }
        ShutdownReport report = new ShutdownReport(unhandled, false, Duration.ZERO);
        try {
            HandlerPool.Stopped stopped = handlers.shutdown(end, deadline);
            if (unhandled > 0) {
                LOG.warn("Herald: closed with {} buffered message(s) not handled", unhandled);
            }
            transport.close();
            report = new ShutdownReport(unhandled, stopped.interrupted(), Duration.ofNanos(System.nanoTime() - start),
                    stopped.stillRunning());
            return report;
        } finally {
            shutdownReport.complete(report); // a concurrent or later call returns it
        }
    }

    /** The first shutdown's report, once it is made; a second call waits for it. */
    private final CompletableFuture<ShutdownReport> shutdownReport = new CompletableFuture<>();

    /**
     * Waits for the shutdown under way and returns its report. A caller interrupted meanwhile (a handler the
     * first shutdown gave up waiting for) stops waiting and gets an empty report, its interrupt kept.
     */
    private ShutdownReport firstShutdownReport() {
        try {
            return shutdownReport.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ShutdownReport(0, false, Duration.ZERO);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("unreachable: the report is never completed exceptionally", e);
        }
    }

    @Override
    public String toString() {
        return "Herald[" + transport + (closed ? ", closed" : "") + "]";
    }

}
