package dev.herald;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * One handler subscribed to one channel (or, from {@link Herald#listen}, a group of them).
 *
 * <p>Subscriptions to the same channel in one Herald share one Redis SUBSCRIBE; the last one to
 * unsubscribe sends UNSUBSCRIBE. After {@link #unsubscribe()} the handler receives nothing more; a
 * message it is handling at that moment finishes.
 */
public interface Subscription extends AutoCloseable {

    /** @return the channel as sent to Redis, prefix included; for a group, the channels joined by {@code ", "} */
    String channel();

    /** @return {@code true} until the subscription is unsubscribed or Herald is closed */
    boolean isActive();

    /**
     * The number of messages this subscription dropped because its buffer was full.
     *
     * @return the count since the subscription started
     */
    long dropped();

    /**
     * The number of messages waiting in this subscription's buffer.
     *
     * @return the count now
     */
    int buffered();

    /**
     * Ends the subscription. Idempotent.
     *
     * @return a stage that completes when Redis acknowledged the UNSUBSCRIBE, if this was the channel's
     *     last subscription, or at once otherwise
     */
    CompletionStage<Void> unsubscribe();

    /**
     * Ends the subscription and waits, bounded, for Redis to acknowledge it.
     */
    @Override
    void close();

    /**
     * Groups subscriptions so they end together.
     *
     * @param subscriptions the members; the list is copied
     * @return a subscription that is active while any member is
     */
    static Subscription all(List<? extends Subscription> subscriptions) {
        return new SubscriptionGroup.Composite(List.copyOf(subscriptions));
    }
}
