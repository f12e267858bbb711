package dev.herald.internal.redis;

import dev.herald.HeraldException;
import dev.herald.spi.DeadLetterStore;
import dev.herald.spi.DurableLog;
import dev.herald.spi.Transport;
import dev.herald.spi.TransportHealth;
import dev.herald.spi.TransportListener;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis transport: one Lettuce connection for PUBLISH and PING, one pub/sub connection shared by
 * every subscription. Lettuce reconnects both. Its parts, each with one job: the {@link PublishDispatcher}
 * and the {@link PublishFlusher} send publishes (bounded, coalesced into few flushes); the pub/sub
 * connection's subscriptions are kept what Herald wants by a {@link SubscriptionReconciler}: batched
 * SUBSCRIBE/UNSUBSCRIBE commands, one in flight at a time, acknowledged per channel; after a reconnect it follows
 * Lettuce's own re-subscription with what is wanted, and unsubscribes what Lettuce re-subscribed that is not.
 * The {@link ConnectionMonitor} tells it and the listener of the connections' losses and returns, the
 * {@link PubSubRelay} hands it the server's acknowledgements and the listener the messages. Publishes issued
 * while disconnected fail at once instead of queueing without bound; subscribes wait for the reconnect.
 */
public final class RedisTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(RedisTransport.class);
    /** How many names go in one SUBSCRIBE or UNSUBSCRIBE. */
    private static final int SUBSCRIPTION_BATCH_SIZE = 1_000;

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> publishConnection;
    private final StatefulRedisPubSubConnection<String, byte[]> subscribeConnection;
    private final String description;
    private final PublishFlusher flusher;
    private final PublishDispatcher publishes;
    private final DeadLetterStore deadLetters;
    private final ReaderConnections readers;
    private final DurableLog durable;
    private final HealthProbe health;
    /** Keeps the pub/sub connection's subscriptions on the server what Herald wants. */
    private final SubscriptionReconciler subscriptions;
    /** Moves the connections to a new master the Sentinels switch to; null without Sentinels. */
    private final SentinelWatch sentinels;
    private volatile TransportListener listener;

    RedisTransport(RedisClient client, StatefulRedisConnection<String, byte[]> publishConnection,
            StatefulRedisPubSubConnection<String, byte[]> subscribeConnection, String description, String subscriberName,
            RedisSettings settings, SentinelWatch sentinels) {
        this.client = client;
        this.sentinels = sentinels;
        this.publishConnection = publishConnection;
        this.subscribeConnection = subscribeConnection;
        this.description = description;
        // one of Lettuce's threads flushes until the publish connection's event loop is known
        this.flusher = new PublishFlusher(publishConnection, client.getResources().eventExecutorGroup().next());
        this.publishes = new PublishDispatcher(publishConnection, CommandType.PUBLISH, flusher, settings);
        this.deadLetters = new RedisDeadLetterStore(publishConnection.async(), flusher::flushSoon);
        this.readers = new ReaderConnections(client, settings, sentinels);
        this.durable = new RedisDurableLog(publishConnection.async(), flusher::flushSoon, readers::open);
        this.health = new HealthProbe(publishConnection.async(), flusher, subscribeConnection::isOpen, subscriberName);
        this.subscriptions = new SubscriptionReconciler(new PubSubCommands(subscribeConnection.async()),
                SUBSCRIPTION_BATCH_SIZE, this::resubscribed, subscribeConnection.isOpen());
        if (sentinels != null) {
            sentinels.follow(subscribeConnection, publishConnection);
        }
    }

    private void resubscribed(int channels, int patterns) {
        TransportListener current = listener;
        if (current != null) {
            current.onResubscribed(channels, patterns);
        }
    }

    /**
     * Connects both connections, with Herald's default connect timeout (10 seconds) and Lettuce's other
     * defaults.
     *
     * @param uri the Redis URI
     * @param commandTimeout how long a command may take before its stage fails
     * @return the connected transport
     * @throws IllegalArgumentException when the URI is malformed
     * @throws HeraldException when Redis cannot be reached, saying why and what to do
     */
    static RedisTransport connect(String uri, Duration commandTimeout) {
        return connect(new RedisSettings(uri, commandTimeout, Duration.ofSeconds(10), null, null));
    }

    /**
     * Connects both connections, waiting for them.
     *
     * @param settings where Redis is and how to connect
     * @return the connected transport
     * @throws IllegalArgumentException when the URI is malformed
     * @throws HeraldException when Redis cannot be reached, the TLS handshake fails or Redis refuses the
     *     credentials: one message that names the cause and the fix, never the password
     */
    public static RedisTransport connect(RedisSettings settings) {
        return RedisConnector.connect(settings);
    }

    @Override
    public void start(TransportListener listener) {
        this.listener = listener;
        client.addListener(new ConnectionMonitor(subscribeConnection, publishConnection, listener, subscriptions, flusher));
        subscribeConnection.addListener(new PubSubRelay(listener, subscriptions));
    }

    @Override
    public CompletionStage<Long> publish(String channel, byte[] payload) {
        return publishes.publish(channel, payload);
    }

    @Override
    public CompletionStage<Void> send(String channel, byte[] payload) {
        return publishes.send(channel, payload);
    }

    @Override
    public void sendAndForget(String channel, byte[] payload, Consumer<? super Throwable> onFailure) {
        publishes.sendAndForget(channel, payload, onFailure);
    }

    /**
     * How many publishes were handed to Lettuce and have not completed, for tests and diagnostics.
     *
     * @return the count, never more than {@code maxPendingPublishes}
     */
    public long pendingPublishes() {
        return publishes.pendingPublishes();
    }

    /**
     * The payload and channel bytes of the {@link #pendingPublishes() pending publishes}.
     *
     * @return the bytes
     */
    public long pendingPublishBytes() {
        return publishes.pendingPublishBytes();
    }

    /**
     * Wants the channel subscribed: sent at once when connected (coalesced with other subscribes while a
     * command is in flight), or on reconnect.
     */
    @Override
    public CompletionStage<Void> subscribe(String channel) {
        return subscriptions.want(List.of(channel), false);
    }

    @Override
    public CompletionStage<Void> subscribeAll(Collection<String> channels) {
        return subscriptions.want(channels, false);
    }

    @Override
    public Runnable holdSubscribes() {
        return subscriptions.hold();
    }

    @Override
    public CompletionStage<Void> unsubscribe(String channel) {
        return subscriptions.unwant(List.of(channel), false);
    }

    @Override
    public CompletionStage<Void> unsubscribeAll(Collection<String> channels) {
        return subscriptions.unwant(channels, false);
    }

    @Override
    public CompletionStage<Void> psubscribe(String pattern) {
        return subscriptions.want(List.of(pattern), true);
    }

    @Override
    public CompletionStage<Void> punsubscribe(String pattern) {
        return subscriptions.unwant(List.of(pattern), true);
    }

    @Override
    public CompletionStage<String> ping() {
        RedisFuture<String> pong = publishConnection.async().ping();
        flusher.flushSoon();
        return pong;
    }

    @Override
    public CompletionStage<TransportHealth> health(Collection<String> channels) {
        return health.health(channels);
    }

    @Override
    public DeadLetterStore deadLetters() {
        return deadLetters;
    }

    /** Durable channels on Redis Streams; each reader has a connection of its own. */
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
            flusher.flushBeforeClose(); // nothing written before close stays behind in the buffer
            closeSentinelWatch();
            readers.close();
            subscriptions.close();
            subscribeConnection.close();
            publishConnection.close();
        } finally {
            client.shutdown(0, 5, TimeUnit.SECONDS);
            LOG.debug("Herald disconnected from {}", ConnectFailures.redis(description));
        }
    }

    /** Closes both connections without waiting, for a transport whose owner closed before it arrived. */
    void abandon() {
        closeSentinelWatch();
        readers.close();
        subscriptions.close();
        subscribeConnection.closeAsync();
        publishConnection.closeAsync();
    }

    private void closeSentinelWatch() {
        if (sentinels != null) {
            sentinels.close();
        }
    }

    /** @return what flushes the publish connection */
    PublishFlusher flusher() {
        return flusher;
    }

    @Override
    public String toString() {
        return "RedisTransport[" + description + "]";
    }

    @Override
    public String description() {
        return ConnectFailures.redis(description);
    }
}
