package dev.herald.internal;

import dev.herald.HeraldException;
import dev.herald.Subscription;
import dev.herald.spi.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The subscriptions of one Herald, per channel and per pattern, and the transport subscription that
 * serves each: the first subscription of a channel sends SUBSCRIBE (PSUBSCRIBE for a pattern), the last to
 * leave sends UNSUBSCRIBE. It owns the lock every change takes, so the commands reach the server in the
 * order they were decided; lookups for dispatch take no lock.
 */
final class SubscriptionTable implements DeliveryContext.Owner {

    private final Transport transport;
    private final Executor callbacks;
    private final Registry registry = new Registry();
    private final Object lock = new Object();
    private volatile boolean closed;

    /**
     * @param transport sends the SUBSCRIBE and UNSUBSCRIBE commands
     * @param callbacks completes the caller's stages off the transport's thread
     */
    SubscriptionTable(Transport transport, Executor callbacks) {
        this.transport = transport;
        this.callbacks = callbacks;
    }

    /** @return whether {@link #closeAll()} ran */
    boolean closed() {
        return closed;
    }

    /** @return the entry of a channel, or null; no lock */
    Registry.Entry channel(String name) {
        return registry.channel(name);
    }

    /** @return the entry of a pattern, or null; no lock */
    Registry.Entry pattern(String name) {
        return registry.pattern(name);
    }

    /** @return whether no channel and no pattern is held; no lock */
    boolean isEmpty() {
        return registry.isEmpty();
    }

    /** @return how many subscriptions are held now; no lock */
    int subscriptions() {
        int count = 0;
        for (Registry.Entry entry : registry.all()) {
            count += entry.deliveries.size();
        }
        return count;
    }

    /** @return how many messages wait in the subscriptions' buffers now; no lock */
    long buffered() {
        long count = 0;
        for (Registry.Entry entry : registry.all()) {
            for (Delivery<?> delivery : entry.deliveries) {
                count += delivery.buffered();
            }
        }
        return count;
    }

    /** @return the channels (full names) and the number of patterns held now */
    Held held() {
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
        return new Held(channels, patterns);
    }

    /** What is held: channels by full name, and how many patterns. */
    record Held(List<String> channels, int patterns) {
    }

    /**
     * Adds a subscription; the first of its channel sends SUBSCRIBE.
     *
     * @return a stage completing with the subscription once the transport acknowledged its channel, or with
     *     the transport's refusal (then the subscription ended and its channel is no longer wanted)
     */
    <T> CompletionStage<Subscription> add(Delivery<T> delivery) {
        Registry.Key key = delivery.key();
        CompletionStage<Void> ack;
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        "Herald is closed: cannot subscribe to '" + key.name() + "'"));
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
        }, callbacks);
        return result;
    }

    /**
     * Adds subscriptions of channels at once: the channels not held yet go to the transport in one batch,
     * which it splits into a few SUBSCRIBE commands.
     *
     * @return the acknowledgements the subscriptions wait for, distinct
     * @throws IllegalStateException when Herald is closed
     */
    List<CompletableFuture<Void>> addAll(List<? extends Delivery<?>> deliveries) {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        List<Registry.Entry> freshEntries = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("Herald is closed: cannot subscribe");
            }
            for (Delivery<?> delivery : deliveries) {
                Registry.Entry entry = registry.getOrCreate(delivery.key());
                entry.deliveries.add(delivery);
                if (entry.subscribeAck == null) {
                    fresh.add(entry.key.name());
                    freshEntries.add(entry);
                } else {
                    acks.add(entry.subscribeAck.toCompletableFuture());
                }
            }
            if (!fresh.isEmpty()) {
                CompletionStage<Void> bulk = transport.subscribeAll(fresh);
                freshEntries.forEach(entry -> entry.subscribeAck = bulk);
                acks.add(bulk.toCompletableFuture());
            }
        }
        return acks.stream().distinct().toList();
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

    /** Ends subscriptions that never reached their caller; the last of a channel makes it unwanted. */
    void endAll(List<? extends Delivery<?>> deliveries) {
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
    public CompletionStage<Void> remove(Delivery<?> delivery) {
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

    /**
     * Removes the subscriptions of a channel or pattern: all of them, or those of one handler.
     *
     * @param handler the handler whose subscriptions leave, or null for all
     * @return the UNSUBSCRIBE acknowledgement when the last one left, else a completed stage
     */
    CompletionStage<Void> removeMatching(Registry.Key key, Object handler) {
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

    private CompletionStage<Void> unsubscribeLocked(Registry.Entry entry) {
        registry.remove(entry);
        return Registry.unsubscribe(transport, entry.key);
    }

    /**
     * Closes the table: no subscription is added any more, every one ends, and every channel and pattern is
     * unsubscribed.
     *
     * @return what was left, or null when it was closed already
     */
    Closed closeAll() {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        int unhandled = 0;
        synchronized (lock) {
            if (closed) {
                return null;
            }
            closed = true;
            for (Registry.Entry entry : registry.all()) {
                for (Delivery<?> delivery : entry.deliveries) {
                    unhandled += delivery.deactivate();
                    delivery.unsubscribedBy(CompletableFuture.completedFuture(null));
                }
                entry.deliveries.clear();
                acks.add(Registry.unsubscribe(transport, entry.key).toCompletableFuture().exceptionally(e -> null));
            }
            registry.clear();
        }
        return new Closed(unhandled, CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)));
    }

    /**
     * What closing left.
     *
     * @param unhandled buffered messages no handler will see
     * @param unsubscribed completes when every UNSUBSCRIBE was acknowledged (or failed)
     */
    record Closed(int unhandled, CompletableFuture<Void> unsubscribed) {
    }
}
