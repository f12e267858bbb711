package dev.herald.internal;

import dev.herald.ChannelDescriptor;
import dev.herald.CodecFactory;
import dev.herald.ErrorHandler;
import dev.herald.Herald;
import dev.herald.HeraldError;
import dev.herald.HeraldException;
import dev.herald.MessageHandler;
import dev.herald.OverflowPolicy;
import dev.herald.PayloadCodec;
import dev.herald.PayloadType;
import dev.herald.Subscription;
import dev.herald.TypedChannel;
import dev.herald.spi.HeraldBinding;
import dev.herald.spi.Transport;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link Herald} implementation. It keeps, per channel, the subscriptions of this process and
 * whether the transport is subscribed: the first subscription sends SUBSCRIBE, the last one to leave
 * sends UNSUBSCRIBE. Transport commands for channels are issued under one lock, so they reach the
 * server in the order they were decided.
 */
public final class DefaultHerald implements Herald {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultHerald.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    /**
     * Everything a Herald is made of.
     *
     * @param transport the transport, not yet started
     * @param codecs makes a codec per payload type
     * @param errorHandler receives failures
     * @param channelPrefix put before every channel name
     * @param bufferCapacity per-subscription buffer size
     * @param overflowPolicy what a full buffer does
     * @param shutdownTimeout how long close waits for handlers
     * @param commandTimeout how long blocking calls wait for Redis
     */
    public record Settings(Transport transport, CodecFactory codecs, ErrorHandler errorHandler, String channelPrefix,
            int bufferCapacity, OverflowPolicy overflowPolicy, Duration shutdownTimeout, Duration commandTimeout) {
    }

    private final Settings settings;
    private final Transport transport;
    private final ThreadPoolExecutor handlers;
    private final Executor errorExecutor;
    private final ConcurrentHashMap<String, ChannelState> channels = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Type, PayloadCodec<?>> codecs = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private volatile boolean closed;

    /**
     * Creates a Herald and starts its transport.
     *
     * @param settings the configuration
     */
    public DefaultHerald(Settings settings) {
        this.settings = settings;
        this.transport = settings.transport();
        checkBindings();
        this.handlers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                new HandlerThreads(INSTANCES.incrementAndGet()));
        this.errorExecutor = task -> {
            try {
                handlers.execute(task);
            } catch (RejectedExecutionException e) {
                task.run(); // closing: run where we are rather than lose the callback
            }
        };
        transport.start(this::dispatch);
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
        return new DefaultTypedChannel<>(this, fullName(channel), codec(type));
    }

    @SuppressWarnings("unchecked") // the map is keyed by the type each codec was made for
    <T> PayloadCodec<T> codec(PayloadType<T> type) {
        return (PayloadCodec<T>) codecs.computeIfAbsent(type.type(), t -> settings.codecs().codec(type));
    }

    String fullName(String channel) {
        Objects.requireNonNull(channel, "channel");
        if (channel.isEmpty()) {
            throw new IllegalArgumentException("channel must not be empty");
        }
        return settings.channelPrefix().isEmpty() ? channel : settings.channelPrefix() + channel;
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
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "Herald is closed: cannot publish to '" + channel + "'"));
        }
        byte[] bytes;
        try {
            bytes = codec.encode(payload);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(new HeraldException(
                    "cannot encode payload for channel '" + channel + "': " + e.getMessage(), e));
        }
        return transport.publish(channel, bytes);
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

    <T> Subscription subscribe(String channel, PayloadCodec<T> codec, MessageHandler<? super T> handler) {
        if (closed) {
            throw new IllegalStateException("Herald is closed: cannot subscribe to '" + channel + "'");
        }
        if (transport.isIoThread()) {
            throw new IllegalStateException("subscribe() waits for Redis and cannot run on Lettuce's event loop; "
                    + "use subscribeAsync() for channel '" + channel + "'");
        }
        CompletionStage<Subscription> subscribed = subscribeAsync(channel, codec, handler);
        try {
            return Waits.await(subscribed, settings.commandTimeout(), "SUBSCRIBE to '" + channel + "'");
        } catch (HeraldException e) {
            // timed out or interrupted: do not leave a subscription behind that the caller never got
            subscribed.thenAccept(Subscription::unsubscribe);
            throw e;
        }
    }

    <T> CompletionStage<Subscription> subscribeAsync(String channel, PayloadCodec<T> codec,
            MessageHandler<? super T> handler) {
        Objects.requireNonNull(handler, "handler");
        Delivery<T> delivery = new Delivery<>(this, channel, codec, handler, settings.bufferCapacity(),
                settings.overflowPolicy());
        CompletionStage<Void> ack;
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        "Herald is closed: cannot subscribe to '" + channel + "'"));
            }
            ChannelState state = channels.computeIfAbsent(channel, ChannelState::new);
            state.deliveries.add(delivery);
            if (state.subscribeAck == null) {
                state.subscribeAck = transport.subscribe(channel);
            }
            ack = state.subscribeAck;
        }
        CompletableFuture<Subscription> result = new CompletableFuture<>();
        ack.whenCompleteAsync((ok, failure) -> {
            if (failure == null) {
                result.complete(delivery);
                return;
            }
            Throwable cause = Waits.unwrap(failure);
            synchronized (lock) {
                ChannelState state = channels.get(channel);
                if (state != null && state.subscribeAck == ack) {
                    // nobody is subscribed on the server: let the next subscribe try again
                    state.deliveries.forEach(Delivery::deactivate);
                    state.deliveries.clear();
                    channels.remove(channel, state);
                }
                delivery.deactivate();
            }
            result.completeExceptionally(new HeraldException(
                    "Redis refused SUBSCRIBE to '" + channel + "': " + cause.getMessage(), cause));
        }, errorExecutor);
        return result;
    }

    /** Removes one subscription; returns the UNSUBSCRIBE acknowledgement, or null when it was not subscribed. */
    CompletionStage<Void> remove(Delivery<?> delivery) {
        synchronized (lock) {
            ChannelState state = channels.get(delivery.channel());
            if (state == null || !state.deliveries.remove(delivery)) {
                return null;
            }
            delivery.deactivate();
            CompletionStage<Void> ack = state.deliveries.isEmpty()
                    ? unsubscribeLocked(state)
                    : CompletableFuture.completedFuture(null);
            delivery.unsubscribedBy(ack);
            return ack;
        }
    }

    private CompletionStage<Void> unsubscribeLocked(ChannelState state) {
        channels.remove(state.channel, state);
        return transport.unsubscribe(state.channel);
    }

    @Override
    public CompletionStage<Void> unsubscribe(String channel, MessageHandler<?> handler) {
        Objects.requireNonNull(handler, "handler");
        return unsubscribeMatching(fullName(channel), handler);
    }

    @Override
    public CompletionStage<Void> unsubscribe(String channel) {
        return unsubscribeMatching(fullName(channel), null);
    }

    private CompletionStage<Void> unsubscribeMatching(String channel, MessageHandler<?> handler) {
        synchronized (lock) {
            ChannelState state = channels.get(channel);
            if (state == null) {
                return CompletableFuture.completedFuture(null);
            }
            List<Delivery<?>> leaving = new ArrayList<>();
            for (Delivery<?> delivery : state.deliveries) {
                if (handler == null || delivery.handler() == handler) {
                    leaving.add(delivery);
                }
            }
            state.deliveries.removeAll(leaving);
            leaving.forEach(Delivery::deactivate);
            CompletionStage<Void> ack = state.deliveries.isEmpty() && !leaving.isEmpty()
                    ? unsubscribeLocked(state)
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

    private void dispatch(String channel, byte[] payload) {
        ChannelState state = channels.get(channel);
        if (state != null) {
            for (Delivery<?> delivery : state.deliveries) {
                delivery.offer(payload);
            }
        }
    }

    Executor handlerExecutor() {
        return handlers;
    }

    Duration commandTimeout() {
        return settings.commandTimeout();
    }

    /** Reports on the calling thread, which must be a Herald thread. */
    void report(HeraldError error) {
        try {
            settings.errorHandler().onError(error);
        } catch (RuntimeException | Error e) {
            LOG.warn("Herald: the error handler threw while handling {}", error, e);
        }
    }

    /** Reports from any thread, the transport's included: the error handler runs on a Herald thread. */
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

    boolean isClosed() {
        return closed;
    }

    /**
     * The channels this Herald holds a transport subscription for, for tests and diagnostics.
     *
     * @return the full channel names
     */
    public List<String> subscribedChannels() {
        synchronized (lock) {
            return List.copyOf(channels.keySet());
        }
    }

    /** @return the transport, for tests and diagnostics */
    public Transport transport() {
        return transport;
    }

    @Override
    public void close() {
        List<CompletionStage<Void>> acks = new ArrayList<>();
        int unhandled = 0;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            for (ChannelState state : channels.values()) {
                for (Delivery<?> delivery : state.deliveries) {
                    unhandled += delivery.deactivate();
                    delivery.unsubscribedBy(CompletableFuture.completedFuture(null));
                }
                state.deliveries.clear();
                acks.add(transport.unsubscribe(state.channel).exceptionally(e -> null));
            }
            channels.clear();
        }
        long deadline = System.nanoTime() + settings.shutdownTimeout().toNanos();
        try {
            CompletableFuture.allOf(acks.stream().map(CompletionStage::toCompletableFuture).toArray(CompletableFuture[]::new))
                    .get(settings.shutdownTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (Exception e) {
            LOG.debug("Herald: UNSUBSCRIBE on close did not complete: {}", e.toString());
        }
        handlers.shutdown();
        boolean onHandlerThread = Thread.currentThread() instanceof HandlerThread;
        if (!onHandlerThread) {
            try {
                long left = deadline - System.nanoTime();
                if (!handlers.awaitTermination(Math.max(left, 0), TimeUnit.NANOSECONDS)) {
                    LOG.warn("Herald: handlers still running after {}; interrupting them", settings.shutdownTimeout());
                    handlers.shutdownNow();
                    handlers.awaitTermination(1, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handlers.shutdownNow();
            }
        }
        if (unhandled > 0) {
            LOG.warn("Herald: closed with {} buffered message(s) not handled", unhandled);
        }
        transport.close();
    }

    @Override
    public String toString() {
        return "Herald[" + transport + (closed ? ", closed" : "") + "]";
    }

    // ---------------------------------------------------------------- internals

    /** The subscriptions of one channel and the SUBSCRIBE that serves them. Guarded by {@code lock}. */
    private static final class ChannelState {
        final String channel;
        final List<Delivery<?>> deliveries = new CopyOnWriteArrayList<>();
        CompletionStage<Void> subscribeAck;

        ChannelState(String channel) {
            this.channel = channel;
        }
    }

    private static final class HandlerThread extends Thread {
        HandlerThread(Runnable task, String name) {
            super(task, name);
            setDaemon(true);
        }
    }

    private static final class HandlerThreads implements ThreadFactory {
        private final int instance;
        private final AtomicInteger count = new AtomicInteger();

        HandlerThreads(int instance) {
            this.instance = instance;
        }

        @Override
        public Thread newThread(Runnable task) {
            return new HandlerThread(task, "herald-" + instance + "-handler-" + count.incrementAndGet());
        }
    }

}
