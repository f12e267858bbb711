package dev.herald.internal.redis.cluster;

import dev.herald.internal.redis.RedisStreamReader;
import dev.herald.spi.DurableLog.Reader;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens each durable reader's own cluster connection (its node connections are its own too, so a blocking
 * {@code XREADGROUP} holds nothing the transport uses), and closes what is still open when the transport closes.
 * A reader reads the streams of different slots with one command per slot ({@link RedisStreamReader}).
 */
final class ClusterReaders implements AutoCloseable {

    private final RedisClusterClient client;
    private final Duration commandTimeout;
    private final Map<RedisStreamReader, Boolean> readers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    ClusterReaders(RedisClusterClient client, Duration commandTimeout) {
        this.client = client;
        this.commandTimeout = commandTimeout;
    }

    Reader open(String group, String consumer) {
        RedisStreamReader reader = new RedisStreamReader(group, consumer, this::connect, connection -> { },
                StatefulRedisClusterConnection::async, true, commandTimeout, client.getResources().timer(),
                client.getResources().eventExecutorGroup(),
                readers::remove);
        readers.put(reader, Boolean.TRUE);
        if (closed) {
            reader.close();
        }
        return reader;
    }

    private CompletableFuture<StatefulRedisClusterConnection<String, byte[]>> connect() {
        return closed ? CompletableFuture.failedFuture(new IllegalStateException("the transport is closed"))
                : client.connectAsync(NodeSubscriber.CODEC).thenCompose(ClusterReaders::withMastersConnected);
    }

    /**
     * Opens the connection's node connections to every master: Lettuce opens them on first use, and with commands
     * rejected while disconnected it would reject the first read to a node whose connection is still opening.
     */
    private static CompletableFuture<StatefulRedisClusterConnection<String, byte[]>> withMastersConnected(
            StatefulRedisClusterConnection<String, byte[]> connection) {
        List<CompletableFuture<?>> opening = new ArrayList<>();
        for (RedisClusterNode node : connection.getPartitions()) {
            if (!node.getSlots().isEmpty()) {
                opening.add(connection.getConnectionAsync(node.getUri().getHost(), node.getUri().getPort())
                        .exceptionally(failure -> null));
            }
        }
        return CompletableFuture.allOf(opening.toArray(CompletableFuture<?>[]::new)).thenApply(opened -> connection);
    }

    @Override
    public void close() {
        closed = true;
        readers.keySet().forEach(RedisStreamReader::close);
    }
}
