package dev.herald.internal.redis;

import dev.herald.HeraldException;
import dev.herald.PublishFailedException;
import dev.herald.spi.DeadLetterStore;
import dev.herald.spi.DurableLog;
import dev.herald.spi.Transport;
import dev.herald.spi.TransportHealth;
import dev.herald.spi.TransportListener;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Redis transport that starts before Redis can be reached and connects in the background, retrying
 * with a backoff from 100 ms doubling to 5 s. Until the first connection is made, publishes and pings
 * fail at once, and subscribes and unsubscribes are recorded in order and sent once connected: their
 * stages complete with Redis's acknowledgement then. From the first connection on it is a
 * {@link RedisTransport}, and Lettuce reconnects by itself.
 *
 * <p>Attempts run on Lettuce's own threads; {@link #close()} stops them and shuts those threads down.
 * A failing attempt is logged once at WARN in one line (again only when the reason changes), each
 * attempt at DEBUG with its trace.
 */
public final class BackgroundRedisTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundRedisTransport.class);
    private static final long FIRST_DELAY_MILLIS = 100;
    private static final long MAX_DELAY_MILLIS = 5_000;
    /** The longest {@link #close()} waits for an attempt under way to end before it shuts Lettuce's threads down. */
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final RedisSettings settings;
    private final RedisURI uri;
    private final String description;
    private final RedisClient client;
    private final Object lock = new Object();
    /** Subscribes and unsubscribes made before the first connection, in order; guarded by lock. */
    private final RecordedSubscriptions recorded = new RecordedSubscriptions();
    /** Set, under the lock, once the recorded commands were sent on it. */
    private volatile RedisTransport connected;
    private final DeadLetterStore deadLetters = new DeferredDeadLetters(() -> connected, this::notConnected);
    private final DurableLog durable = new DeferredDurableLog(() -> connected, this::notConnected);
    private volatile String lastFailure = "no attempt finished yet";
    private TransportListener listener;
    private boolean closed; // guarded by lock
    private Future<?> nextAttempt; // guarded by lock
    /** Completes once the attempt under way, if any, has ended and been handled. */
    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null); // guarded by lock
    private long delayMillis = FIRST_DELAY_MILLIS; // guarded by lock
    private int attempts; // guarded by lock
    private String warned; // guarded by lock

    /**
     * Makes the transport; it connects once {@link #start started}.
     *
     * @param settings where Redis is and how to connect
     * @throws IllegalArgumentException when the URI is malformed
     */
    public BackgroundRedisTransport(RedisSettings settings) {
        this.settings = settings;
        this.uri = settings.redisUri();
        this.description = ConnectFailures.describe(uri);
        this.client = RedisConnector.newClient(settings, uri);
    }

    @Override
    public void start(TransportListener listener) {
        synchronized (lock) {
            this.listener = listener;
        }
        attempt();
    }

    private void attempt() {
        CompletableFuture<Void> ended = new CompletableFuture<>();
        synchronized (lock) {
            if (closed) {
                return;
            }
            inFlight = ended;
        }
        CompletableFuture<RedisTransport> attempt;
        try {
            attempt = RedisConnector.connectAsync(client, uri, settings, this::isClosed);
        } catch (RuntimeException e) {
            failed(e);
            ended.complete(null);
            return;
        }
        attempt.whenComplete((transport, failure) -> {
            try {
                if (failure == null) {
                    connected(transport);
                } else {
                    failed(failure);
                }
            } finally {
                ended.complete(null);
            }
        });
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    private void failed(Throwable failure) {
        String reason = ConnectFailures.explain(failure, uri, settings.connectTimeout()).getMessage();
        lastFailure = reason;
        synchronized (lock) {
            if (closed) {
                return;
            }
            attempts++;
            long delay = delayMillis;
            delayMillis = Math.min(delayMillis * 2, MAX_DELAY_MILLIS);
            if (!reason.equals(warned)) {
                warned = reason;
                LOG.warn("Herald: {}; still trying in the background", reason);
            }
            LOG.debug("Herald: connect attempt {} to {} failed; next in {} ms", attempts, description, delay, failure);
            try {
                nextAttempt = client.getResources().eventExecutorGroup().schedule(this::attempt, delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                LOG.debug("Herald: Lettuce's threads are shutting down; no further attempt", e);
            }
        }
    }

    private void connected(RedisTransport transport) {
        TransportListener notify;
        synchronized (lock) {
            if (closed) {
                transport.abandon(); // close() is shutting the client down, which stops the rest
                return;
            }
            transport.start(listener);
            recorded.sendAll(transport);
            connected = transport;
            notify = listener;
            LOG.debug("Herald: connected to Redis at {} after {} failed attempt(s)", description, attempts);
        }
        notify.onConnected();
    }

    private HeraldException notConnected(String what) {
        return new HeraldException("not connected to Redis at " + description + " yet: cannot " + what
                + "; Herald keeps connecting in the background (last attempt: " + lastFailure + ")");
    }

    private PublishFailedException notSent(String channel) {
        return new PublishFailedException(notConnected("PUBLISH to '" + channel + "'").getMessage());
    }

    @Override
    public CompletionStage<Long> publish(String channel, byte[] payload) {
        RedisTransport transport = connected;
        return transport != null ? transport.publish(channel, payload)
                : CompletableFuture.failedFuture(notSent(channel));
    }

    @Override
    public CompletionStage<Void> send(String channel, byte[] payload) {
        RedisTransport transport = connected;
        return transport != null ? transport.send(channel, payload)
                : CompletableFuture.failedFuture(notSent(channel));
    }

    @Override
    public void sendAndForget(String channel, byte[] payload, Consumer<? super Throwable> onFailure) {
        RedisTransport transport = connected;
        if (transport != null) {
            transport.sendAndForget(channel, payload, onFailure);
        } else {
            onFailure.accept(notSent(channel));
        }
    }

    @Override
    public CompletionStage<Void> subscribe(String channel) {
        return subscription(t -> t.subscribe(channel), true);
    }

    @Override
    public Runnable holdSubscribes() {
        RedisTransport transport = connected;
        return transport != null ? transport.holdSubscribes() : () -> { };
    }

    @Override
    public CompletionStage<Void> subscribeAll(Collection<String> channels) {
        List<String> copy = List.copyOf(channels);
        return subscription(t -> t.subscribeAll(copy), true);
    }

    @Override
    public CompletionStage<Void> unsubscribe(String channel) {
        return subscription(t -> t.unsubscribe(channel), false);
    }

    @Override
    public CompletionStage<Void> unsubscribeAll(Collection<String> channels) {
        List<String> copy = List.copyOf(channels);
        return subscription(t -> t.unsubscribeAll(copy), false);
    }

    @Override
    public CompletionStage<Void> psubscribe(String pattern) {
        return subscription(t -> t.psubscribe(pattern), true);
    }

    @Override
    public CompletionStage<Void> punsubscribe(String pattern) {
        return subscription(t -> t.punsubscribe(pattern), false);
    }

    /**
     * Sends the command, or records it to be sent, in order, on the first connection. A recorded
     * subscribe's stage completes with the server's acknowledgement then; a recorded unsubscribe's
     * completes at once, since nothing is subscribed on the server yet.
     */
    private CompletionStage<Void> subscription(Function<RedisTransport, CompletionStage<Void>> command, boolean subscribe) {
        RedisTransport transport = connected;
        if (transport != null) {
            return command.apply(transport);
        }
        synchronized (lock) {
            if (connected != null) {
                return command.apply(connected);
            }
            if (closed) {
                return CompletableFuture.failedFuture(new HeraldException("transport to " + description + " is closed"));
            }
            return recorded.record(command, subscribe);
        }
    }

    @Override
    public CompletionStage<String> ping() {
        RedisTransport transport = connected;
        return transport != null ? transport.ping() : CompletableFuture.failedFuture(notConnected("PING"));
    }

    @Override
    public CompletionStage<TransportHealth> health(Collection<String> channels) {
        RedisTransport transport = connected;
        return transport != null ? transport.health(channels)
                : CompletableFuture.completedFuture(new TransportHealth(false, 0, 0, Map.of()));
    }

    @Override
    public DeadLetterStore deadLetters() {
        return deadLetters;
    }

    @Override
    public DurableLog durable() {
        return durable;
    }

    @Override
    public boolean isIoThread() {
        return Thread.currentThread() instanceof FastThreadLocalThread;
    }

    /**
     * Stops connecting, fails the subscribes still waiting for a connection, and stops every thread. An attempt
     * under way is let end first (for up to {@link #CLOSE_WAIT_MILLIS}; it opens nothing new once closed): a
     * connection that Lettuce starts while its threads shut down makes Netty log errors.
     */
    @Override
    public void close() {
        RedisTransport transport;
        List<CompletableFuture<Void>> waiting;
        CompletableFuture<Void> underWay;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (nextAttempt != null) {
                nextAttempt.cancel(false);
            }
            transport = connected;
            waiting = recorded.clear();
            underWay = inFlight;
        }
        HeraldException neverConnected = new HeraldException("closed before connecting to Redis at " + description);
        waiting.forEach(subscribe -> subscribe.completeExceptionally(neverConnected));
        if (transport == null && !isIoThread()) {
            awaitEnd(underWay);
        }
        if (transport != null) {
            transport.close();
        } else {
            client.shutdown(0, 5, TimeUnit.SECONDS);
        }
    }

    private void awaitEnd(CompletableFuture<Void> attempt) {
        try {
            attempt.get(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Herald: the connect attempt to {} had not ended; shutting down under it", description, e);
        }
    }

    @Override
    public String description() {
        return ConnectFailures.redis(description) + ", connecting in the background";
    }

    @Override
    public String toString() {
        return "RedisTransport[" + description + (connected == null ? ", connecting" : "") + "]";
    }
}
