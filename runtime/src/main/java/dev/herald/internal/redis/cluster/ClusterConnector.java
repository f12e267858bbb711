package dev.herald.internal.redis.cluster;

import dev.herald.HeraldException;
import dev.herald.internal.redis.RedisSettings;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Opens a {@link RedisClusterTransport}: a {@link RedisClusterClient} on the seeds with Herald's options and
 * topology refresh, its connection (publishes, single-node commands, the topology), and a {@link RedisClient} on
 * the same threads for the nodes' pub/sub connections.
 *
 * <p>Topology refresh: every {@link #REFRESH_PERIOD} and on every adaptive trigger (a {@code MOVED} or
 * {@code ASK} redirect, repeated reconnects, an uncovered slot, an unknown node; Lettuce 7 enables them all by
 * default, at most one adaptive refresh per 5 s, and deprecated the methods that enabled them). The triggers catch a change
 * as soon as a command meets it; the period catches what no command meets (a subscriber that publishes
 * nothing, a replica promoted while all is quiet) at the cost of one {@code CLUSTER NODES} per node every
 * 5 seconds. The subscriptions also ask for a refresh themselves whenever a channel has no holder, so
 * their recovery does not wait for the period.
 */
final class ClusterConnector {

    /** The periodic topology refresh. */
    static final Duration REFRESH_PERIOD = Duration.ofSeconds(5);

    private ClusterConnector() {
    }

    static RedisClusterTransport connect(List<String> seedUris, RedisSettings settings) {
        List<RedisURI> seeds = new ArrayList<>();
        for (String seed : seedUris) {
            try {
                seeds.add(RedisURI.create(seed));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("malformed Redis Cluster seed URI '" + redact(seed) + "': "
                        + e.getMessage(), e);
            }
        }
        String description = seeds.stream().map(uri -> uri.getHost() + ":" + uri.getPort())
                .collect(Collectors.joining(","));
        RedisClusterClient client = RedisClusterClient.create(seeds);
        client.setOptions(ClusterClientOptions.builder(settings.lettuceOptions())
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enablePeriodicRefresh(REFRESH_PERIOD) // Lettuce 7 turns on every adaptive trigger itself
                        .build())
                .build());
        StatefulRedisClusterConnection<String, byte[]> connection;
        try {
            connection = client.connect(NodeSubscriber.CODEC);
        } catch (RuntimeException e) {
            client.shutdown(0, 2, TimeUnit.SECONDS);
            throw new HeraldException("cannot connect to the Redis Cluster at " + description + ": " + e.getMessage()
                    + "; check that the seeds are cluster nodes that are up and reachable", e);
        }
        RedisClient nodeClient = new NodeClient(client.getResources());
        nodeClient.setOptions(settings.lettuceOptions());
        // one name on every node lets health() find Herald's pub/sub connections in CLIENT LIST
        String subscriberName = "herald-" + UUID.randomUUID();
        RedisURI template = seeds.get(0);
        ShardedSubscriptions subscriptions = new ShardedSubscriptions(connection::getPartitions,
                () -> client.refreshPartitionsAsync(), node -> nodeUri(template, node, subscriberName), nodeClient,
                client.getResources().eventExecutorGroup());
        RedisClusterTransport transport = new RedisClusterTransport(client, nodeClient, connection, subscriptions,
                subscriberName, description, settings);
        try {
            transport.connectToMasters().get(settings.connectTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // a master that cannot be reached now is connected on first use, as Lettuce does
        }
        return transport;
    }

    /** The node's address with the seed's credentials, TLS and database settings. */
    private static RedisURI nodeUri(RedisURI seed, RedisClusterNode node, String clientName) {
        return RedisURI.builder(seed).withHost(node.getUri().getHost()).withPort(node.getUri().getPort())
                .withClientName(clientName).build();
    }

    private static String redact(String uri) {
        return uri.replaceAll("//[^@/]*@", "//***@");
    }
}
