package dev.herald.internal.redis;

import dev.herald.HeraldException;
import dev.herald.PublishFailedException;
import dev.herald.spi.DeadLetterStore;
import dev.herald.spi.Transport;
import dev.herald.spi.TransportHealth;
import dev.herald.spi.TransportListener;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.pubsub.api.async.RedisPubSubAsyncCommands;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.netty.util.internal.ThreadExecutorMap;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis transport: one Lettuce connection for PUBLISH and PING, one pub/sub connection shared by
 * every subscription. Lettuce reconnects both. The pub/sub connection's subscriptions are kept what
 * Herald wants by a {@link SubscriptionReconciler}: batched SUBSCRIBE/UNSUBSCRIBE commands, one in flight
 * at a time, acknowledged per channel; after a reconnect it follows Lettuce's own re-subscription with
 * what is wanted, and unsubscribes what Lettuce re-subscribed that is not. Publishes issued while
 * disconnected fail at once instead of queueing without bound; subscribes wait for the reconnect.
 */
public final class RedisTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(RedisTransport.class);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> publishConnection;
    private final StatefulRedisPubSubConnection<String, byte[]> subscribeConnection;
    private final RedisAsyncCommands<String, byte[]> publishCommands;
    private final RedisPubSubAsyncCommands<String, byte[]> subscribeCommands;
    private final String description;
    private final DeadLetterStore deadLetters;
    private final String subscriberName;
    /**
     * Publishes are written without a flush each; one flush, soon after, sends everything written so far.
     * Every flush runs on one thread, the publish connection's own event loop once it is known: flushes
     * never race (Lettuce drains its buffer under a lock but writes the batch after releasing it, so two
     * threads flushing at once could put a later batch on the wire first), and on the event loop a
     * batch's writes go straight into the pipeline instead of one queued task per command.
     */
    private final AtomicBoolean flushPending = new AtomicBoolean();
    /** Runs every flush, {@link #close()}'s last one included. */
    private volatile EventExecutor flusher;
    private final Runnable flush;
    /** Keeps the pub/sub connection's subscriptions on the server what Herald wants. */
    private final SubscriptionReconciler subscriptions;
    private volatile TransportListener listener;
    /** The publishes handed to Lettuce and not yet completed, bounded. */
    private final PendingPublishes pending;

    private RedisTransport(RedisClient client, StatefulRedisConnection<String, byte[]> publishConnection,
            StatefulRedisPubSubConnection<String, byte[]> subscribeConnection, String description, String subscriberName,
            RedisSettings settings) {
        this.pending = new PendingPublishes(settings.maxPendingPublishes(), settings.maxPendingPublishBytes());
        this.subscriberName = subscriberName;
        this.client = client;
        this.publishConnection = publishConnection;
        this.subscribeConnection = subscribeConnection;
        this.publishCommands = publishConnection.async();
        this.subscribeCommands = subscribeConnection.async();
        this.description = description;
        // write coalescing: under load one flush carries many commands (one syscall instead of one each);
        // alone, a command waits only for the hop to the flushing thread
        publishConnection.setAutoFlushCommands(false);
        this.flusher = client.getResources().eventExecutorGroup().next(); // until the event loop is known
        this.flush = this::flushOnFlusher;
        this.deadLetters = new RedisDeadLetterStore(publishCommands, this::flushSoon);
        this.subscriptions = new SubscriptionReconciler(this::sendSubscriptionCommand,
                SubscriptionReconciler.DEFAULT_BATCH_SIZE, RedisTransport::classify, this::resubscribed,
                subscribeConnection.isOpen());
    }

    private CompletionStage<?> sendSubscriptionCommand(boolean pattern, boolean subscribe, String[] names) {
        if (pattern) {
            return subscribe ? subscribeCommands.psubscribe(names) : subscribeCommands.punsubscribe(names);
        }
        return subscribe ? subscribeCommands.subscribe(names) : subscribeCommands.unsubscribe(names);
    }

    private static SubscriptionReconciler.Failure classify(Throwable failure) {
        if (failure instanceof RedisCommandExecutionException) {
            return SubscriptionReconciler.Failure.REFUSED;
        }
        if (failure instanceof RedisCommandTimeoutException) {
            return SubscriptionReconciler.Failure.TIMED_OUT;
        }
        return SubscriptionReconciler.Failure.NOT_SENT;
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
    public static RedisTransport connect(String uri, Duration commandTimeout) {
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
        RedisURI redisUri = settings.redisUri();
        RedisClient client = newClient(settings, redisUri);
        CompletableFuture<RedisTransport> connected = connectAsync(client, redisUri, settings);
        // Lettuce bounds each step (connect, TLS handshake, HELLO); this only guards against a step it does not
        Duration bound = settings.connectTimeout().plus(settings.commandTimeout()).multipliedBy(2);
        try {
            return connected.get(bound.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.shutdown(0, 2, TimeUnit.SECONDS);
            throw new HeraldException("interrupted while connecting to Redis at " + ConnectFailures.describe(redisUri), e);
        } catch (ExecutionException | TimeoutException e) {
            client.shutdown(0, 2, TimeUnit.SECONDS);
            HeraldException failure = ConnectFailures.explain(e instanceof ExecutionException ? e.getCause() : e,
                    redisUri, settings.connectTimeout());
            LOG.debug("Herald: {}", failure.getMessage(), failure);
            throw failure;
        }
    }

    /**
     * A Lettuce client with Herald's options; it starts no connection yet.
     *
     * @param settings the user's settings
     * @param redisUri the parsed URI
     * @return the client, owning its own threads until {@code shutdown}
     */
    static RedisClient newClient(RedisSettings settings, RedisURI redisUri) {
        RedisClient client = RedisClient.create(redisUri);
        client.setOptions(settings.lettuceOptions());
        return client;
    }

    /**
     * Opens the publish connection, then the pub/sub one, without blocking: the stage completes on one of
     * Lettuce's threads. On failure whatever was opened is closed again; the client stays up.
     *
     * @param client the client to connect with
     * @param redisUri where to connect
     * @param settings the command timeout (how long finding the publish connection's event loop may take) and
     *     the bounds on pending publishes
     * @return a stage with the transport, or Lettuce's failure
     */
    static CompletableFuture<RedisTransport> connectAsync(RedisClient client, RedisURI redisUri, RedisSettings settings) {
        Duration commandTimeout = settings.commandTimeout();
        String description = ConnectFailures.describe(redisUri);
        // a name of its own lets health() find the subscription connection in CLIENT LIST, and Lettuce
        // sets it again on every reconnect
        String subscriberName = "herald-" + UUID.randomUUID();
        RedisURI subscriberUri = RedisURI.builder(redisUri).withClientName(subscriberName).build();
        CompletableFuture<RedisTransport> result = new CompletableFuture<>();
        client.connectAsync(CODEC, redisUri).whenComplete((publish, publishFailure) -> {
            if (publishFailure != null) {
                result.completeExceptionally(publishFailure);
                return;
            }
            client.connectPubSubAsync(CODEC, subscriberUri).whenComplete((subscribe, subscribeFailure) -> {
                if (subscribeFailure != null) {
                    publish.closeAsync();
                    result.completeExceptionally(subscribeFailure);
                    return;
                }
                RedisTransport transport;
                try {
                    transport = new RedisTransport(client, publish, subscribe, description, subscriberName, settings);
                } catch (RuntimeException e) {
                    subscribe.closeAsync();
                    publish.closeAsync();
                    result.completeExceptionally(e);
                    return;
                }
                transport.flushOnTheEventLoop().orTimeout(commandTimeout.toNanos(), TimeUnit.NANOSECONDS)
                        .whenComplete((found, failure) -> {
                            if (failure == null) {
                                LOG.debug("Herald connected to Redis at {}", description);
                                result.complete(transport);
                            } else {
                                subscribe.closeAsync();
                                publish.closeAsync();
                                result.completeExceptionally(failure);
                            }
                        });
            });
        });
        return result;
    }

    @Override
    public void start(TransportListener listener) {
        this.listener = listener;
        client.addListener(new RedisConnectionStateListener() {
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
                    flushSoon();
                }
            }

            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                if (connection == subscribeConnection) {
                    subscriptions.connectionLost();
                    listener.onConnectionLost();
                }
            }
        });
        subscribeConnection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, byte[] message) {
                listener.onMessage(channel, message);
            }

            @Override
            public void message(String pattern, String channel, byte[] message) {
                listener.onPatternMessage(pattern, channel, message);
            }

            @Override
            public void subscribed(String channel, long count) {
                subscriptions.acknowledged(channel, false, true);
            }

            @Override
            public void unsubscribed(String channel, long count) {
                subscriptions.acknowledged(channel, false, false);
            }

            @Override
            public void psubscribed(String pattern, long count) {
                subscriptions.acknowledged(pattern, true, true);
            }

            @Override
            public void punsubscribed(String pattern, long count) {
                subscriptions.acknowledged(pattern, true, false);
            }
        });
    }

    @Override
    public CompletionStage<Long> publish(String channel, byte[] payload) {
        return dispatchPublish(channel, payload, new IntegerOutput<>(CODEC));
    }

    @Override
    public CompletionStage<Void> send(String channel, byte[] payload) {
        // no receiver count wanted: the command is the stage, with no second one to map it
        return dispatchPublish(channel, payload, new SendOutput());
    }

    /**
     * Hands one PUBLISH to Lettuce, unless too many wait already. The command is the caller's stage and
     * gives its room back when it completes; a refusal, a failure before it was written and one after
     * are told apart by its exception type (see {@link PublishCommand}).
     */
    private <T> CompletionStage<T> dispatchPublish(String channel, byte[] payload, CommandOutput<String, byte[], T> output) {
        long size = (long) payload.length + channel.length();
        if (!pending.tryAcquire(size)) {
            return CompletableFuture.failedFuture(new PublishFailedException("PUBLISH to '" + channel + "' was not sent: "
                    + pending.describeRefusal(size)));
        }
        PublishCommand<T> command = new PublishCommand<>(new Command<>(CommandType.PUBLISH, output,
                new CommandArgs<>(CODEC).addKey(channel).addValue(payload)), channel, pending, size);
        try {
            publishConnection.dispatch(command);
        } catch (RuntimeException e) {
            command.completeExceptionally(e);
            return command;
        }
        flushSoon();
        return command;
    }

    /**
     * How many publishes were handed to Lettuce and have not completed, for tests and diagnostics.
     *
     * @return the count, never more than {@code maxPendingPublishes}
     */
    public long pendingPublishes() {
        return pending.count();
    }

    /**
     * The payload and channel bytes of the {@link #pendingPublishes() pending publishes}.
     *
     * @return the bytes
     */
    public long pendingPublishBytes() {
        return pending.bytes();
    }

    /** A PUBLISH whose receiver count is dropped. */
    private static final class SendOutput extends CommandOutput<String, byte[], Void> {

        SendOutput() {
            super(CODEC, null);
        }

        @Override
        public void set(long receivers) {
            // not wanted
        }

        @Override
        public void set(ByteBuffer reply) {
            // PUBLISH answers with an integer; nothing else is wanted either
        }
    }

    /**
     * Schedules one flush of the publish connection, unless one is already pending: under load a flush
     * carries everything written since the last one; a lone command is sent within one thread hop.
     */
    void flushSoon() {
        if (flushPending.compareAndSet(false, true)) {
            try {
                flusher.execute(flush);
            } catch (RejectedExecutionException e) {
                // shutting down: the event loop takes no writes either; close() cancels what is left
                flushPending.set(false);
            }
        }
    }

    private void flushOnFlusher() {
        flushPending.set(false);
        publishConnection.flushCommands();
    }

    /**
     * The last flush, on the flusher like every other (a flush from another thread could put its batch
     * behind one the flusher writes later), waiting for it a bounded time.
     */
    private void flushBeforeClose() {
        if (flusher.inEventLoop()) {
            flushOnFlusher();
            return;
        }
        try {
            flusher.submit(this::flushOnFlusher).await(5, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Flusher already shut down; unsent publishes are cancelled", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Moves flushing to the publish connection's event loop: a PING's completion runs there, and tells
     * which it is. Until then (and if Netty does not say) flushes run on one thread of Lettuce's
     * computation pool. After a reconnect onto another event loop they stay on the first one, still all
     * on one thread, so still in order.
     */
    private CompletableFuture<Void> flushOnTheEventLoop() {
        CompletableFuture<Void> found = new CompletableFuture<>();
        RedisFuture<String> pong = publishCommands.ping();
        pong.whenComplete((reply, failure) -> {
            try {
                EventExecutor loop = ThreadExecutorMap.currentExecutor(); // Netty's, public since 4.1.35
                if (failure == null && loop != null && loop.inEventLoop()) {
                    flusher = loop;
                }
            } catch (LinkageError e) {
                LOG.debug("Netty does not say which event loop this is; flushing from Lettuce's computation pool", e);
            } finally {
                found.complete(null); // a refused PING leaves flushing where it is; the connection still works
            }
        });
        flushSoon(); // the callback is registered before the PING can be sent, so it runs on the event loop
        return found;
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
        RedisFuture<String> pong = publishCommands.ping();
        flushSoon();
        return pong;
    }

    @Override
    public CompletionStage<TransportHealth> health(Collection<String> channels) {
        boolean connected = subscribeConnection.isOpen();
        CompletionStage<Map<String, Long>> subscribers = channels.isEmpty()
                ? CompletableFuture.completedFuture(Map.of())
                : publishCommands.pubsubNumsub(channels.toArray(new String[0]));
        CompletionStage<String> clientList = publishCommands.clientList();
        flushSoon();
        return clientList.thenCombine(subscribers, (clients, counts) -> {
            int subs = 0;
            int psubs = 0;
            for (String line : clients.split("\n")) {
                if (line.contains(" name=" + subscriberName + " ")) {
                    subs = field(line, "sub");
                    psubs = field(line, "psub");
                }
            }
            return new TransportHealth(connected, subs, psubs, counts);
        });
    }

    private static int field(String clientLine, String name) {
        for (String field : clientLine.split(" ")) {
            if (field.startsWith(name + "=")) {
                return Integer.parseInt(field.substring(name.length() + 1));
            }
        }
        return 0;
    }

    @Override
    public DeadLetterStore deadLetters() {
        return deadLetters;
    }

    @Override
    public boolean isIoThread() {
        return Thread.currentThread() instanceof FastThreadLocalThread;
    }

    @Override
    public void close() {
        try {
            flushBeforeClose(); // nothing written before close stays behind in the buffer
            subscriptions.close();
            subscribeConnection.close();
            publishConnection.close();
        } finally {
            client.shutdown(0, 5, TimeUnit.SECONDS);
            LOG.debug("Herald disconnected from Redis at {}", description);
        }
    }

    /** Closes both connections without waiting, for a transport whose owner closed before it arrived. */
    void abandon() {
        subscriptions.close();
        subscribeConnection.closeAsync();
        publishConnection.closeAsync();
    }

    @Override
    public String toString() {
        return "RedisTransport[" + description + "]";
    }

    @Override
    public String description() {
        return "Redis at " + description;
    }
}
