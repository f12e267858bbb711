package dev.herald.internal.redis;

import dev.herald.spi.TransportListener;
import io.lettuce.core.pubsub.RedisPubSubAdapter;

/**
 * What arrives on the pub/sub connection: messages go to the transport's listener, the server's per-name
 * subscribe and unsubscribe replies to the {@link SubscriptionReconciler}.
 */
final class PubSubRelay extends RedisPubSubAdapter<String, byte[]> {

    private final TransportListener listener;
    private final SubscriptionReconciler subscriptions;

    PubSubRelay(TransportListener listener, SubscriptionReconciler subscriptions) {
        this.listener = listener;
        this.subscriptions = subscriptions;
    }

    @Override
    public void message(String channel, byte[] message) {
        listener.onMessage(channel, message);
    }

    @Override
    public void message(String pattern, String channel, byte[] message) {
        listener.onPatternMessage(pattern, channel, message);
    }

    @Override
    public void subscribed(String channel, long count) {
        subscriptions.acknowledged(channel, false, true);
    }

    @Override
    public void unsubscribed(String channel, long count) {
        subscriptions.acknowledged(channel, false, false);
    }

    @Override
    public void psubscribed(String pattern, long count) {
        subscriptions.acknowledged(pattern, true, true);
    }

    @Override
    public void punsubscribed(String pattern, long count) {
        subscriptions.acknowledged(pattern, true, false);
    }
}
