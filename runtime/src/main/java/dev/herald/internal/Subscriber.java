package dev.herald.internal;

import dev.herald.HeraldException;
import dev.herald.MessageHandler;
import dev.herald.PayloadCodec;
import dev.herald.Subscription;
import dev.herald.SubscriptionOptions;
import dev.herald.grammar.RuntimeMessage;
import dev.herald.spi.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/**
 * Makes subscriptions: one {@link Delivery} per handler, held in the {@link SubscriptionTable}, and the
 * waiting for Redis's acknowledgement that the blocking methods promise, bounded by the command timeout
 * and refused on the transport's own thread.
 */
final class Subscriber {

    private final SubscriptionTable table;
    private final DeliveryContext context;
    private final Transport transport;
    private final SubscriptionOptions defaults;
    private final Duration timeout;

    Subscriber(SubscriptionTable table, DeliveryContext context, Transport transport, SubscriptionOptions defaults) {
        this.table = table;
        this.context = context;
        this.transport = transport;
        this.defaults = defaults;
        this.timeout = context.commandTimeout();
    }

    /**
     * Subscribes and waits until Redis acknowledged it.
     *
     * @param deadLetters the declared name its dead letters are kept under, prefix included
     * @param probe measures it, under its declared name
     */
    <T> Subscription subscribe(Registry.Key key, String deadLetters, ChannelProbe probe, PayloadCodec<T> codec,
            Delivery.Sink<T> sink, Object handler, SubscriptionOptions options) {
        if (table.closed()) {
            throw new IllegalStateException("Herald is closed: cannot subscribe to '" + key.name() + "'");
        }
        refuseOnEventLoop("subscribe() waits for Redis and cannot run on Lettuce's event loop; use subscribeAsync() for '"
                + key.name() + "'");
        Delivery<T> delivery = delivery(key, deadLetters, probe, codec, sink, handler, options);
        try {
            return Waits.await(table.add(delivery), timeout,
                    (key.pattern() ? "PSUBSCRIBE to '" : "SUBSCRIBE to '") + key.name() + "'");
        } catch (HeraldException e) {
            // timed out or interrupted: the caller never gets this subscription, so it is not wanted any more;
            // a SUBSCRIBE Redis acknowledges later is undone by the transport
            table.remove(delivery);
            throw e;
        }
    }

    /**
     * Subscribes without waiting.
     *
     * @param deadLetters the declared name its dead letters are kept under, prefix included
     * @param probe measures it, under its declared name
     * @return a stage completing once Redis acknowledged it
     */
    <T> CompletionStage<Subscription> subscribeAsync(Registry.Key key, String deadLetters, ChannelProbe probe,
            PayloadCodec<T> codec, Delivery.Sink<T> sink, Object handler, SubscriptionOptions options) {
        return table.add(delivery(key, deadLetters, probe, codec, sink, handler, options));
    }

    private <T> Delivery<T> delivery(Registry.Key key, String deadLetters, ChannelProbe probe, PayloadCodec<T> codec,
            Delivery.Sink<T> sink, Object handler, SubscriptionOptions options) {
        Objects.requireNonNull(handler, "handler");
        if (key.pattern() && !transport.supportsPatterns()) {
            throw new UnsupportedOperationException(RuntimeMessage.CLUSTER_PATTERN.format(
                    RuntimeMessage.printable(key.name()), transport.description()));
        }
        return new Delivery<>(context, key, deadLetters, probe, codec, sink, handler, options.orElse(defaults));
    }

    /**
     * Subscribes one handler per channel, in a few batched SUBSCRIBE commands rather than one round trip each.
     *
     * @param handlers the handler of each channel
     * @param fullName checks and prefixes a channel name
     * @return a stage with one subscription covering all of them, once Redis acknowledged every channel
     */
    <T> CompletionStage<Subscription> subscribeAllAsync(Map<String, ? extends MessageHandler<? super T>> handlers,
            PayloadCodec<T> codec, UnaryOperator<String> fullName) {
        SubscriptionOptions options = SubscriptionOptions.inherit().orElse(defaults);
        List<Delivery<T>> deliveries = new ArrayList<>(handlers.size());
        for (Map.Entry<String, ? extends MessageHandler<? super T>> e : handlers.entrySet()) {
            MessageHandler<? super T> handler = Objects.requireNonNull(e.getValue(), "handler of " + e.getKey());
            Registry.Key key = new Registry.Key(fullName.apply(e.getKey()), false);
            deliveries.add(new Delivery<>(context, key, key.name(), context.instruments().channel(e.getKey()), codec,
                    (channel, message) -> handler.onMessage(message), handler, options));
        }
        List<CompletableFuture<Void>> acks;
        try {
            acks = table.addAll(deliveries);
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
        List<Subscription> members = List.copyOf(deliveries);
        CompletableFuture<Subscription> result = new CompletableFuture<>();
        CompletableFuture.allOf(acks.toArray(CompletableFuture<?>[]::new)).whenCompleteAsync((ok, failure) -> {
            if (failure == null && result.complete(Subscription.all(members))) {
                return;
            }
            table.endAll(deliveries);
            if (failure != null) {
                Throwable cause = Waits.unwrap(failure);
                result.completeExceptionally(new HeraldException("Redis did not acknowledge SUBSCRIBE to "
                        + handlers.size() + " channel(s): " + cause.getMessage(), cause));
            }
        }, context.failures().executor());
        result.whenComplete((subscription, failure) -> {
            if (result.isCancelled()) {
                table.endAll(deliveries);
            }
        });
        return result;
    }

    /** {@link #subscribeAllAsync}, waiting for the acknowledgement. */
    <T> Subscription subscribeAll(Map<String, ? extends MessageHandler<? super T>> handlers, PayloadCodec<T> codec,
            UnaryOperator<String> fullName) {
        refuseOnEventLoop("subscribeAll() waits for Redis and cannot run on Lettuce's event loop; use subscribeAllAsync()");
        CompletionStage<Subscription> subscribed = subscribeAllAsync(handlers, codec, fullName);
        try {
            return Waits.await(subscribed, timeout, "SUBSCRIBE to " + handlers.size() + " channel(s)");
        } catch (HeraldException e) {
            // the caller never gets these subscriptions: end them now, whatever Redis acknowledges later
            subscribed.toCompletableFuture().cancel(false);
            throw e;
        }
    }

    /** Waits for subscriptions made asynchronously; on timeout none of them stays. */
    Subscription awaitSubscribed(List<? extends CompletionStage<Subscription>> subscriptions) {
        Objects.requireNonNull(subscriptions, "subscriptions");
        refuseOnEventLoop("awaitSubscribed() waits for Redis and cannot run on Lettuce's event loop");
        CompletableFuture<?>[] all = subscriptions.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture<?>[]::new);
        try {
            Waits.await(CompletableFuture.allOf(all), timeout, "SUBSCRIBE to "
                    + subscriptions.size() + " channel(s) and pattern(s)");
        } catch (HeraldException e) {
            // none stays: those acknowledged already, and those Redis acknowledges after this
            subscriptions.forEach(stage -> stage.thenAccept(Subscription::unsubscribe));
            throw e;
        }
        return Subscription.all(subscriptions.stream().map(stage -> stage.toCompletableFuture().join()).toList());
    }

    private void refuseOnEventLoop(String message) {
        if (transport.isIoThread()) {
            throw new IllegalStateException(message);
        }
    }
}
