package dev.herald.internal.redis;

import dev.herald.spi.TransportListener;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.api.StatefulConnection;
import java.net.SocketAddress;

/**
 * Follows the two connections as Lettuce drops and restores them. The pub/sub connection's loss and return go
 * to the transport's listener and to the {@link SubscriptionReconciler}, which re-subscribes; the publish
 * connection's return flushes what was written while it was down.
 */
final class ConnectionMonitor implements RedisConnectionStateListener {

    private final StatefulConnection<String, byte[]> subscribeConnection;
    private final StatefulConnection<String, byte[]> publishConnection;
    private final TransportListener listener;
    private final SubscriptionReconciler subscriptions;
    private final PublishFlusher flusher;

    ConnectionMonitor(StatefulConnection<String, byte[]> subscribeConnection,
            StatefulConnection<String, byte[]> publishConnection, TransportListener listener,
            SubscriptionReconciler subscriptions, PublishFlusher flusher) {
        this.subscribeConnection = subscribeConnection;
        this.publishConnection = publishConnection;
        this.listener = listener;
        this.subscriptions = subscriptions;
        this.flusher = flusher;
    }

    @Override
    public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
        if (connection == subscribeConnection) {
            // Lettuce wrote its own re-subscription (whatever it remembered) before telling listeners:
            // what the reconciler sends now follows it on the wire
            listener.onConnectionRestored();
            subscriptions.connectionRestored();
        } else if (connection == publishConnection) {
            // a command that slipped into the buffer while the connection went down waits for no
            // other publish to be sent
            flusher.flushSoon();
        }
    }

    @Override
    public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
        if (connection == subscribeConnection) {
            subscriptions.connectionLost();
            listener.onConnectionLost();
        }
    }
}
