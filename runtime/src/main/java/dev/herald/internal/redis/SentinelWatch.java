package dev.herald.internal.redis;

import io.lettuce.core.Delegating;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisChannelWriter;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.DefaultEndpoint;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the transport's two connections to the new master as soon as the Sentinels switch it, for a
 * {@code redis-sentinel://} URI. Without it they stay on the old master until the Sentinels demote it,
 * which after a {@code SENTINEL FAILOVER} takes about 10 s (a Sentinel reconfigures a listed replica that
 * still reports {@code role:master} only once that report is 8 s old), while the old master keeps accepting
 * publishes that no subscriber of the new master receives.
 *
 * <p>It subscribes to {@code +switch-master} on every Sentinel. When the first Sentinel that answers
 * announces a new master (the one Lettuce asks when it reconnects: it takes the first Sentinel that
 * answers), each followed connection that is connected elsewhere is disconnected; Lettuce reconnects it
 * and resolves the master anew through the Sentinels. An announcement from another Sentinel does the same
 * after {@value #LAGGING_SENTINEL_MILLIS} ms, by which time the first has learnt it too. Should a reconnect
 * still land elsewhere (the asked Sentinel lagging), the connection is moved again after
 * {@value #RETRY_MILLIS} ms, at most {@value #MAX_RETRIES} times per announcement. Connections that are
 * down (a master killed) are left to Lettuce's own reconnection, which also resolves through the Sentinels.
 * When no Sentinel can be watched, the Sentinels' demotion of the old master (which closes its clients)
 * still moves the connections, only later.
 */
final class SentinelWatch implements RedisConnectionStateListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SentinelWatch.class);
    private static final String SWITCH_MASTER = "+switch-master";
    private static final long LAGGING_SENTINEL_MILLIS = 2_000;
    private static final long RETRY_MILLIS = 200;
    private static final int MAX_RETRIES = 10;

    private final RedisClient client;
    private final String masterId;
    /** One pub/sub connection a Sentinel, in the URI's order; null where none could be made (yet). */
    private final List<StatefulRedisPubSubConnection<String, String>> watches = new CopyOnWriteArrayList<>();
    /** Where each connection of the client is connected now; absent while it is down. */
    private final Map<RedisChannelHandler<?, ?>, SocketAddress> connectedTo = new ConcurrentHashMap<>();
    private final List<StatefulConnection<?, ?>> followed = new CopyOnWriteArrayList<>();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicReference<InetSocketAddress> master = new AtomicReference<>();
    private volatile boolean closed;

    private SentinelWatch(RedisClient client, String masterId) {
        this.client = client;
        this.masterId = masterId;
    }

    /**
     * Starts watching the Sentinels of a Sentinel URI: before the client connects, so that it learns where
     * the first connections went.
     *
     * @param client the client the transport's connections come from
     * @param uri the parsed URI
     * @return the watch, or null when the URI names no Sentinel
     */
    static SentinelWatch start(RedisClient client, RedisURI uri) {
        if (uri.getSentinelMasterId() == null || uri.getSentinels().isEmpty()) {
            return null;
        }
        SentinelWatch watch = new SentinelWatch(client, uri.getSentinelMasterId());
        client.addListener(watch);
        List<RedisURI> sentinels = uri.getSentinels();
        for (int i = 0; i < sentinels.size(); i++) {
            watch.watches.add(null);
        }
        for (int i = 0; i < sentinels.size(); i++) {
            watch.watch(i, sentinels.get(i));
        }
        return watch;
    }

    private void watch(int index, RedisURI sentinel) {
        client.connectPubSubAsync(StringCodec.UTF8, sentinel).whenComplete((connection, failure) -> {
            if (failure != null) {
                LOG.warn("Herald: cannot watch Sentinel {}:{} for master switches ({}); a failover reaches Herald "
                        + "through the other Sentinels, or when the old master is demoted", sentinel.getHost(),
                        sentinel.getPort(), failure.toString());
                return;
            }
            if (closed) {
                connection.closeAsync();
                return;
            }
            connection.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    announced(index, message);
                }
            });
            connection.async().subscribe(SWITCH_MASTER);
            watches.set(index, connection);
        });
    }

    /**
     * Moves these connections when the master switches.
     *
     * @param connections the transport's publish and pub/sub connections
     */
    void follow(StatefulConnection<?, ?>... connections) {
        followed.addAll(List.of(connections));
    }

    /**
     * Stops moving a connection, one closed.
     *
     * @param connection a connection given to {@link #follow}
     */
    void unfollow(StatefulConnection<?, ?> connection) {
        followed.remove(connection);
        connectedTo.remove(connection);
    }

    private void announced(int sentinel, String message) {
        // "<master name> <old ip> <old port> <new ip> <new port>"
        String[] parts = message.split(" ");
        if (parts.length != 5 || !parts[0].equals(masterId)) {
            return;
        }
        InetSocketAddress newMaster = new InetSocketAddress(parts[3], Integer.parseInt(parts[4]));
        if (!newMaster.equals(master.getAndSet(newMaster))) {
            retries.set(0);
            LOG.info("Herald: the Sentinels switched master {} from {}:{} to {}:{}; moving there", masterId, parts[1],
                    parts[2], parts[3], parts[4]);
        }
        if (sentinel == firstWatching()) {
            moveAll();
        } else {
            client.getResources().eventExecutorGroup().schedule(this::moveAll, LAGGING_SENTINEL_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }

    private int firstWatching() {
        for (int i = 0; i < watches.size(); i++) {
            StatefulRedisPubSubConnection<String, String> watch = watches.get(i);
            if (watch != null && watch.isOpen()) {
                return i;
            }
        }
        return -1;
    }

    private void moveAll() {
        for (StatefulConnection<?, ?> connection : followed) {
            SocketAddress at = connectedTo.get(connection);
            if (at != null && isElsewhere(at)) {
                move(connection);
            }
        }
    }

    private boolean isElsewhere(SocketAddress at) {
        InetSocketAddress target = master.get();
        return target != null && !target.equals(at);
    }

    private void move(StatefulConnection<?, ?> connection) {
        if (closed || !(connection instanceof RedisChannelHandler<?, ?> handler)) {
            return;
        }
        RedisChannelWriter writer = handler.getChannelWriter();
        while (writer instanceof Delegating<?> delegating) {
            writer = (RedisChannelWriter) delegating.getDelegate();
        }
        if (writer instanceof DefaultEndpoint endpoint) {
            LOG.debug("Herald: reconnecting {} to reach master {}", connection, master.get());
            endpoint.disconnect(); // Lettuce reconnects, asking the Sentinels where the master is
        }
    }

    @Override
    public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
        connectedTo.put(connection, address);
        if (connection instanceof StatefulConnection<?, ?> followedOne && followed.contains(followedOne)
                && isElsewhere(address) && retries.incrementAndGet() <= MAX_RETRIES) {
            client.getResources().eventExecutorGroup().schedule(() -> {
                if (isElsewhere(connectedTo.getOrDefault(connection, master.get()))) {
                    move(followedOne);
                }
            }, RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
        connectedTo.remove(connection);
    }

    @Override
    public void close() {
        closed = true;
        client.removeListener(this);
        for (StatefulRedisPubSubConnection<String, String> watch : watches) {
            if (watch != null) {
                watch.closeAsync();
            }
        }
    }
}
