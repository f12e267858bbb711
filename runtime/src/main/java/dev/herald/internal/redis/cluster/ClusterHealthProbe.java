package dev.herald.internal.redis.cluster;

import dev.herald.spi.TransportHealth;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The cluster transport's health as the nodes see it: each channel's subscribers from {@code PUBSUB SHARDNUMSUB}
 * on the master that owns its slot, and how many sharded channels the nodes count on Herald's pub/sub connections
 * ({@code ssub} of {@code CLIENT LIST}, found by the client name, summed over every node, replicas too), so that a
 * subscription left on a demoted node shows as one too many.
 */
final class ClusterHealthProbe {

    private final StatefulRedisClusterConnection<String, byte[]> connection;
    private final ShardedSubscriptions subscriptions;
    private final String subscriberName;
    /** Sends what was written: the node connections do not flush each command. */
    private final Runnable flush;

    ClusterHealthProbe(StatefulRedisClusterConnection<String, byte[]> connection, ShardedSubscriptions subscriptions,
            String subscriberName, Runnable flush) {
        this.connection = connection;
        this.subscriptions = subscriptions;
        this.subscriberName = subscriberName;
        this.flush = flush;
    }

    /** @see dev.herald.spi.Transport#health */
    CompletionStage<TransportHealth> health(Collection<String> channels) {
        boolean connected = subscriptions.allHeld();
        Map<String, CompletableFuture<Long>> counts = new LinkedHashMap<>();
        for (String channel : channels) {
            RedisClusterNode owner = connection.getPartitions().getMasterBySlot(SlotHash.getSlot(channel));
            counts.put(channel, owner == null ? CompletableFuture.completedFuture(0L)
                    : on(owner).thenCompose(node -> flushed(node.async().pubsubShardNumsub(channel)))
                            .thenApply(reply -> reply.getOrDefault(channel, 0L)).exceptionally(failure -> 0L));
        }
        List<CompletableFuture<Integer>> held = new ArrayList<>();
        for (RedisClusterNode node : connection.getPartitions()) {
            held.add(on(node).thenCompose(c -> flushed(c.async().clientList())).thenApply(this::shardChannels)
                    .exceptionally(failure -> 0));
        }
        List<CompletableFuture<?>> all = new ArrayList<>(counts.values());
        all.addAll(held);
        return CompletableFuture.allOf(all.toArray(CompletableFuture<?>[]::new)).thenApply(done -> {
            Map<String, Long> subscribers = new LinkedHashMap<>();
            counts.forEach((channel, count) -> subscribers.put(channel, count.join()));
            int serverChannels = held.stream().mapToInt(CompletableFuture::join).sum();
            return new TransportHealth(connected, serverChannels, 0, subscribers);
        });
    }

    private CompletableFuture<StatefulRedisConnection<String, byte[]>> on(RedisClusterNode node) {
        return connection.getConnectionAsync(node.getNodeId());
    }

    private <T> CompletionStage<T> flushed(CompletionStage<T> command) {
        flush.run();
        return command;
    }

    private int shardChannels(String clients) {
        int count = 0;
        for (String line : clients.split("\n")) {
            if (line.contains(" name=" + subscriberName + " ")) {
                for (String field : line.split(" ")) {
                    if (field.startsWith("ssub=")) {
                        count += Integer.parseInt(field.substring("ssub=".length()).strip());
                    }
                }
            }
        }
        return count;
    }
}
