package dev.herald.internal.redis.cluster;

import dev.herald.grammar.RuntimeMessage;
import dev.herald.internal.redis.PublishDispatcher;
import dev.herald.internal.redis.PublishFlusher;
import dev.herald.internal.redis.RedisDeadLetterStore;
import dev.herald.internal.redis.RedisDurableLog;
import dev.herald.internal.redis.RedisSettings;
import dev.herald.spi.DeadLetterStore;
import dev.herald.spi.DurableLog;
import dev.herald.spi.Transport;
import dev.herald.spi.TransportHealth;
import dev.herald.spi.TransportListener;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.event.AskRedirectionEvent;
import io.lettuce.core.cluster.event.ClusterTopologyChangedEvent;
import io.lettuce.core.cluster.event.MovedRedirectionEvent;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.event.Event;
import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import io.lettuce.core.protocol.CommandType;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

/**
 * The Redis Cluster transport: {@code SPUBLISH} through Lettuce's cluster connection (routed to the slot's
 * master), and each channel subscribed once by {@code SSUBSCRIBE} on the master that owns its slot, kept there by
 * {@link ShardedSubscriptions} through slot migrations, failovers and reconnects. It reconciles on every
 * unrequested {@code sunsubscribe}, every {@link ClusterTopologyChangedEvent}, every node reconnect, and on a tick
 * every second (which also asks for a topology refresh while a channel has no holder). Patterns are refused:
 * sharded pub/sub has none ({@link #supportsPatterns()}).
 *
 * <p>The node connections do not flush each command: a {@link PublishFlusher} sends what was written, one flush
 * for many publishes under load. A command Lettuce writes again by itself (after a {@code MOVED} or {@code ASK},
 * or buffered while its node reconnected) is flushed on the redirect or reconnect event, and at the latest on the
 * tick.
 */
public final class RedisClusterTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(RedisClusterTransport.class);
    /** How often the subscriptions are checked against the topology, whatever else happens. */
    private static final long TICK_MILLIS = 1_000;

    private final RedisClusterClient client;
    private final RedisClient nodeClient;
    private final StatefulRedisClusterConnection<String, byte[]> connection;
    private final ShardedSubscriptions subscriptions;
    private final ClusterHealthProbe health;
    private final DeadLetterStore deadLetters;
    private final ClusterReaders readers;
    private final DurableLog durable;
    private final String description;
    /** Sends each {@code SPUBLISH} as a command that is the caller's stage, bounded. */
    private final PublishDispatcher publishes;
    private final PublishFlusher flusher;
    private Disposable clusterEvents;
    private ScheduledFuture<?> tick;

    RedisClusterTransport(RedisClusterClient client, RedisClient nodeClient,
            StatefulRedisClusterConnection<String, byte[]> connection, ShardedSubscriptions subscriptions,
            String subscriberName, String description, RedisSettings settings) {
        this.client = client;
        this.nodeClient = nodeClient;
        this.connection = connection;
        this.subscriptions = subscriptions;
        // one of Lettuce's threads flushes every node connection: their event loops are many
        this.flusher = new PublishFlusher(connection, client.getResources().eventExecutorGroup().next());
        this.health = new ClusterHealthProbe(connection, subscriptions, subscriberName, flusher::flushSoon);
        this.deadLetters = new RedisDeadLetterStore(connection.async(), flusher::flushSoon);
        this.readers = new ClusterReaders(client, settings.commandTimeout());
        this.durable = new RedisDurableLog(connection.async(), flusher::flushSoon, readers::open);
        this.description = description;
        this.publishes = new PublishDispatcher(connection, CommandType.SPUBLISH, flusher, settings);
    }

    /**
     * Connects to the cluster: reads its topology from the seeds and opens the publish connection; the nodes'
     * pub/sub connections open as channels are subscribed.
     *
     * @param seedUris the seed nodes' URIs
     * @param settings the timeouts and the user's Lettuce options ({@code uri} is not read)
     * @return the connected transport
     * @throws IllegalArgumentException when a seed URI is malformed
     * @throws dev.herald.HeraldException when no seed can be reached
     */
    public static RedisClusterTransport connect(List<String> seedUris, RedisSettings settings) {
        return ClusterConnector.connect(seedUris, settings);
    }

    @Override
    public void start(TransportListener listener) {
        subscriptions.start(listener);
        nodeClient.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
                NodeSubscriber node = subscriptions.nodeOf(handler);
                if (node != null) {
                    node.restored();
                }
            }

            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
                NodeSubscriber node = subscriptions.nodeOf(handler);
                if (node != null) {
                    node.lost();
                }
            }
        });
        clusterEvents = client.getResources().eventBus().get().subscribe(this::onEvent);
        tick = client.getResources().eventExecutorGroup().scheduleAtFixedRate(() -> {
            flusher.flushSoon(); // whatever Lettuce wrote again and no event flushed
            subscriptions.reconcile();
        }, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void onEvent(Event event) {
        if (event instanceof ClusterTopologyChangedEvent) {
            connectToMasters();
            subscriptions.reconcile();
            flusher.flushSoon();
        } else if (event instanceof MovedRedirectionEvent || event instanceof AskRedirectionEvent
                || event instanceof ConnectionActivatedEvent) {
            // Lettuce tells of a redirect just before writing the command again, to the buffer: the hops to this
            // thread and to the flusher nearly always follow that write; the tick catches the rest
            flusher.flushSoon();
        }
    }

    /**
     * Opens the publish connections to every master now: Lettuce opens them on first use, and with commands
     * rejected while disconnected it would reject the first publishes to a node whose connection is still opening.
     *
     * @return a stage completing once each is open (or failed to open)
     */
    CompletableFuture<Void> connectToMasters() {
        List<CompletableFuture<?>> opening = new ArrayList<>();
        for (RedisClusterNode node : connection.getPartitions()) {
            if (!node.getSlots().isEmpty()) {
                opening.add(connection.getConnectionAsync(node.getUri().getHost(), node.getUri().getPort())
                        .exceptionally(failure -> null));
            }
        }
        return CompletableFuture.allOf(opening.toArray(CompletableFuture<?>[]::new));
    }

    /**
     * Sends {@code SPUBLISH}, unless too many publishes wait for an answer already: Lettuce routes it to the slot's
     * master and follows a {@code MOVED}, and the flusher sends it soon. A publish to a master whose connection is
     * down fails at once; one written and not answered in time fails as of unknown outcome.
     */
    @Override
    public CompletionStage<Long> publish(String channel, byte[] payload) {
        return publishes.publish(channel, payload);
    }

    /** As {@link #publish}, without the receiver count: one stage per message fewer. */
    @Override
    public CompletionStage<Void> send(String channel, byte[] payload) {
        return publishes.send(channel, payload);
    }

    /** As {@link #send}, with no stage at all: a failure is told to {@code onFailure}. */
    @Override
    public void sendAndForget(String channel, byte[] payload, Consumer<? super Throwable> onFailure) {
        publishes.sendAndForget(channel, payload, onFailure);
    }

    @Override
    public CompletionStage<Void> subscribe(String channel) {
        return subscriptions.want(channel);
    }

    @Override
    public CompletionStage<Void> unsubscribe(String channel) {
        return subscriptions.unwant(channel);
    }

    /** Refused: Herald checks {@link #supportsPatterns()} first; this guards callers of the SPI that do not. */
    @Override
    public CompletionStage<Void> psubscribe(String pattern) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                RuntimeMessage.CLUSTER_PATTERN.format(RuntimeMessage.printable(pattern), description())));
    }

    @Override
    public CompletionStage<Void> punsubscribe(String pattern) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean supportsPatterns() {
        return false;
    }

    @Override
    public CompletionStage<String> ping() {
        return connection.async().ping();
    }

    @Override
    public CompletionStage<TransportHealth> health(Collection<String> channels) {
        return health.health(channels);
    }

    @Override
    public DeadLetterStore deadLetters() {
        return deadLetters;
    }

    /**
     * Durable channels on Redis Streams: every command names one stream, so Lettuce routes it to the slot's master;
     * {@code SCAN} goes through every master; each reader has a cluster connection of its own.
     */
    @Override
    public DurableLog durable() {
        return durable;
    }

    @Override
    public boolean isIoThread() {
        return Thread.currentThread() instanceof FastThreadLocalThread;
    }

    @Override
    public void close() {
        try {
            if (tick != null) {
                tick.cancel(false);
            }
            if (clusterEvents != null) {
                clusterEvents.dispose();
            }
            readers.close();
            subscriptions.close().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(failure -> null).join();
            flusher.flushBeforeClose(); // nothing written before close stays behind in a buffer
            connection.close();
        } finally {
            nodeClient.shutdown(0, 5, TimeUnit.SECONDS);
            client.shutdown(0, 5, TimeUnit.SECONDS);
            LOG.debug("Herald disconnected from Redis Cluster at {}", description);
        }
    }

    @Override
    public String description() {
        return "Redis Cluster at " + description;
    }

    @Override
    public String toString() {
        return "RedisClusterTransport[" + description + "]";
    }
}
