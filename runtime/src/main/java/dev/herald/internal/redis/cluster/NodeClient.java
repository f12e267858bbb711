package dev.herald.internal.redis.cluster;

import io.lettuce.core.RedisChannelWriter;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.pubsub.PubSubEndpoint;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnectionImpl;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.List;

/**
 * Makes the nodes' pub/sub connections, on the cluster client's threads, without Lettuce's own re-subscription on
 * reconnect: it would send every sharded channel the connection had in one {@code SSUBSCRIBE}, which a cluster
 * refuses with {@code CROSSSLOT} as soon as they span two slots (and Lettuce logs a warning). Each node's
 * {@link dev.herald.internal.redis.SubscriptionReconciler} re-subscribes instead, one channel per command.
 */
final class NodeClient extends RedisClient {

    /** @param resources the cluster client's resources, shared: this client's shutdown leaves them running */
    NodeClient(ClientResources resources) {
        super(resources, new RedisURI());
    }

    @Override
    protected <K, V> StatefulRedisPubSubConnectionImpl<K, V> newStatefulRedisPubSubConnection(PubSubEndpoint<K, V> endpoint,
            RedisChannelWriter channelWriter, RedisCodec<K, V> codec, Duration timeout) {
        return new StatefulRedisPubSubConnectionImpl<>(endpoint, channelWriter, codec, timeout) {
            @Override
            protected List<RedisFuture<Void>> resubscribe() {
                return List.of();
            }
        };
    }
}
