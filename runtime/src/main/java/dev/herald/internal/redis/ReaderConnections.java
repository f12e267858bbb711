package dev.herald.internal.redis;

import dev.herald.spi.DurableLog.Reader;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens each durable reader's own connection with the user's settings (TLS, credentials, Sentinels), named
 * {@code herald-reader-<consumer>} for {@code CLIENT LIST}; tells a reader when Lettuce reports its connection
 * lost, has the Sentinel watch move it with the others, and closes what is still open when the transport closes.
 */
final class ReaderConnections implements RedisConnectionStateListener, AutoCloseable {

    private final RedisClient client;
    private final RedisSettings settings;
    private final SentinelWatch sentinels;
    private final Map<RedisStreamReader, Boolean> readers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param client the transport's client
     * @param settings where Redis is and how to connect
     * @param sentinels moves connections to a new master; null without Sentinels
     */
    ReaderConnections(RedisClient client, RedisSettings settings, SentinelWatch sentinels) {
        this.client = client;
        this.settings = settings;
        this.sentinels = sentinels;
        client.addListener(this);
    }

    /**
     * Opens a reader; its connection opens in the background.
     *
     * @param group the group
     * @param consumer the consumer
     * @return the reader
     */
    Reader open(String group, String consumer) {
        RedisStreamReader reader = new RedisStreamReader(group, consumer, () -> connect(consumer), this::retire,
                StatefulRedisConnection::async, false, settings.commandTimeout(), client.getResources().timer(),
                client.getResources().eventExecutorGroup(),
                readers::remove);
        readers.put(reader, Boolean.TRUE);
        if (closed) {
            reader.close();
        }
        return reader;
    }

    private CompletableFuture<StatefulRedisConnection<String, byte[]>> connect(String consumer) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the transport is closed"));
        }
        // parsed again rather than RedisURI.builder(uri), which drops a Sentinel URI's Sentinels
        RedisURI uri = settings.redisUri();
        uri.setClientName("herald-reader-" + consumer.replaceAll("[^A-Za-z0-9_.:-]", "_"));
        CompletableFuture<StatefulRedisConnection<String, byte[]>> connection =
                client.connectAsync(RedisConnector.CODEC, uri).toCompletableFuture();
        if (sentinels != null) {
            connection.thenAccept(sentinels::follow);
        }
        return connection;
    }

    private void retire(StatefulRedisConnection<String, byte[]> connection) {
        if (sentinels != null) {
            sentinels.unfollow(connection);
        }
    }

    @Override
    public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
        // nothing to do: the next read goes out on the restored connection
    }

    @Override
    public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
        for (RedisStreamReader reader : readers.keySet()) {
            CompletableFuture<StatefulConnection<String, byte[]>> own = reader.connection();
            if (own.isDone() && !own.isCompletedExceptionally() && own.join() == connection) {
                reader.connectionLost();
            }
        }
    }

    /** Closes every reader still open. */
    @Override
    public void close() {
        closed = true;
        client.removeListener(this);
        readers.keySet().forEach(RedisStreamReader::close);
    }
}
