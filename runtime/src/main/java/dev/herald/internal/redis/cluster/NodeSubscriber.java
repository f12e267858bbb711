package dev.herald.internal.redis.cluster;

import dev.herald.internal.redis.SubscriptionReconciler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cluster node's pub/sub connection and the sharded channels wanted on it. The connection is made on first use
 * (again after a failed attempt, when {@link #connectIfNeeded()} is called), and Lettuce reconnects it; a
 * {@link SubscriptionReconciler} keeps its {@code SSUBSCRIBE}s what the {@link ShardedSubscriptions} assigns to
 * this node. What arrives goes to the {@link ShardedSubscriptions} tagged with this node's id; an unrequested
 * {@code sunsubscribe} goes there before the reconciler sees it, so that the channel is no longer wanted here and
 * the reconciler does not subscribe it again on a node that gave it up.
 */
final class NodeSubscriber {

    private static final Logger LOG = LoggerFactory.getLogger(NodeSubscriber.class);
    static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final String nodeId;
    private final RedisURI uri;
    private final RedisClient client;
    private final ShardedSubscriptions owner;
    private final SubscriptionReconciler reconciler;
    private volatile StatefulRedisPubSubConnection<String, byte[]> connection;
    private boolean connecting; // guarded by this
    private volatile boolean closed;

    NodeSubscriber(String nodeId, RedisURI uri, RedisClient client, ShardedSubscriptions owner) {
        this.nodeId = nodeId;
        this.uri = uri;
        this.client = client;
        this.owner = owner;
        this.reconciler = new SubscriptionReconciler(new ShardedCommands(() -> connection), 1, (channels, patterns) -> { },
                false);
    }

    String nodeId() {
        return nodeId;
    }

    /** Opens the connection unless it is open or opening; Lettuce keeps it open from then on. */
    synchronized void connectIfNeeded() {
        if (connection != null || connecting || closed) {
            return;
        }
        connecting = true;
        client.connectPubSubAsync(CODEC, uri).whenComplete((made, failure) -> {
            synchronized (this) {
                connecting = false;
                if (failure != null || closed) {
                    if (made != null) {
                        made.closeAsync();
                    }
                    if (failure != null) {
                        LOG.debug("Herald: cannot reach cluster node {} at {}:{} yet: {}", nodeId, uri.getHost(),
                                uri.getPort(), failure.toString());
                    }
                    return;
                }
                made.addListener(new Relay());
                connection = made;
            }
            reconciler.connectionRestored();
        });
    }

    /** @return the connection, or null before it is made */
    StatefulRedisPubSubConnection<String, byte[]> connection() {
        return connection;
    }

    /** @return whether the connection is made and up */
    boolean isOpen() {
        StatefulRedisPubSubConnection<String, byte[]> current = connection;
        return current != null && current.isOpen();
    }

    /** Wants the channel subscribed on this node; the stage completes with the node's acknowledgement. */
    CompletionStage<Void> want(String channel) {
        connectIfNeeded();
        return reconciler.want(List.of(channel), false);
    }

    /** No longer wants the channel on this node; the stage completes once the node has it no more. */
    CompletionStage<Void> unwant(String channel) {
        return reconciler.unwant(List.of(channel), false);
    }

    /** Lettuce saw the connection drop. */
    void lost() {
        reconciler.connectionLost();
        owner.nodeLost(nodeId);
    }

    /** Lettuce restored the connection (with nothing subscribed: {@link NodeClient}); the reconciler subscribes again. */
    void restored() {
        reconciler.connectionRestored();
        owner.nodeRestored(nodeId);
    }

    /** Closes the connection; the stages still waiting fail. */
    CompletionStage<Void> close() {
        closed = true;
        reconciler.close();
        StatefulRedisPubSubConnection<String, byte[]> current = connection;
        return current == null ? CompletableFuture.completedFuture(null) : current.closeAsync();
    }

    /** What the node pushes: messages to the owner, acknowledgements to the reconciler and the owner. */
    private final class Relay extends RedisPubSubAdapter<String, byte[]> {

        @Override
        public void smessage(String channel, byte[] message) {
            owner.message(nodeId, channel, message);
        }

        @Override
        public void ssubscribed(String channel, long count) {
            reconciler.acknowledged(channel, false, true);
            owner.subscribed(nodeId, channel);
        }

        @Override
        public void sunsubscribed(String channel, long count) {
            owner.unsubscribed(nodeId, channel); // first: an unrequested one must not be subscribed again here
            reconciler.acknowledged(channel, false, false);
        }
    }
}
