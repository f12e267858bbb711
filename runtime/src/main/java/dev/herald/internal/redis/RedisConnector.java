package dev.herald.internal.redis;

import dev.herald.HeraldException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a {@link RedisTransport}: a Lettuce client with Herald's options, then the publish connection, then the
 * pub/sub one, then flushing moved to the publish connection's event loop. A failure closes whatever was opened
 * and is explained by {@link ConnectFailures}.
 */
final class RedisConnector {

    private static final Logger LOG = LoggerFactory.getLogger(RedisConnector.class);

    /** Channel names as UTF-8 text, payloads as the bytes they are. */
    static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    /**
     * How often a connect is tried when the server closed the connection during the handshake without a reply
     * Herald could read. Lettuce loses Redis's refusal (WRONGPASS, NOAUTH) that way on a loaded machine (measured:
     * about one connect in eight with three busy processes on two cores, reported as "Connection closed
     * prematurely" or "RedisHandshakeHandler not registered"), so the cause a user is told would be a guess.
     */
    static final int HANDSHAKE_ATTEMPTS = 4;

    private RedisConnector() {
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
    static RedisTransport connect(RedisSettings settings) {
        RedisURI redisUri = settings.redisUri();
        RedisClient client = newClient(settings, redisUri);
        CompletableFuture<RedisTransport> connected = connectAsync(client, redisUri, settings, () -> false);
        // Lettuce bounds each step (connect, TLS handshake, HELLO); this only guards against a step it does not
        Duration bound = settings.connectTimeout().plus(settings.commandTimeout()).multipliedBy(2L * HANDSHAKE_ATTEMPTS);
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
     * {@link #connectOnce}, tried again at once (up to {@link #HANDSHAKE_ATTEMPTS} in all) while the handshake ends
     * in a bare close, so that a refusal Redis did send is what the caller sees.
     *
     * @param client the client to connect with
     * @param redisUri where to connect
     * @param settings as for {@link #connectOnce}
     * @param abandoned as for {@link #connectOnce}; also checked before trying again
     * @return a stage with the transport, or Lettuce's failure of the last attempt
     */
    static CompletableFuture<RedisTransport> connectAsync(RedisClient client, RedisURI redisUri, RedisSettings settings,
            BooleanSupplier abandoned) {
        CompletableFuture<RedisTransport> result = new CompletableFuture<>();
        connectTrying(client, redisUri, settings, abandoned, HANDSHAKE_ATTEMPTS, result);
        return result;
    }

    private static void connectTrying(RedisClient client, RedisURI redisUri, RedisSettings settings,
            BooleanSupplier abandoned, int attemptsLeft, CompletableFuture<RedisTransport> result) {
        CompletableFuture<RedisTransport> attempt;
        try {
            attempt = connectOnce(client, redisUri, settings, abandoned);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        attempt.whenComplete((transport, failure) -> {
            if (failure == null) {
                result.complete(transport);
            } else if (attemptsLeft > 1 && ConnectFailures.closedDuringHandshake(failure) && !abandoned.getAsBoolean()) {
                LOG.debug("Herald: the connection to {} closed during the handshake without a reply; trying again",
                        ConnectFailures.describe(redisUri), failure);
                connectTrying(client, redisUri, settings, abandoned, attemptsLeft - 1, result);
            } else {
                result.completeExceptionally(failure);
            }
        });
    }

    /**
     * Opens the publish connection, then the pub/sub one, without blocking: the stage completes on one of
     * Lettuce's threads. On failure whatever was opened is closed again; the client stays up.
     *
     * @param client the client to connect with
     * @param redisUri where to connect
     * @param settings the command timeout (how long finding the publish connection's event loop may take) and
     *     the bounds on pending publishes
     * @param abandoned whether the caller gave up: checked before the second connection is opened, which is then
     *     not, so that an attempt its owner closed during ends with the step under way
     * @return a stage with the transport, or Lettuce's failure
     */
    static CompletableFuture<RedisTransport> connectOnce(RedisClient client, RedisURI redisUri, RedisSettings settings,
            BooleanSupplier abandoned) {
        Duration commandTimeout = settings.commandTimeout();
        String description = ConnectFailures.describe(redisUri);
        // a name of its own lets health() find the subscription connection in CLIENT LIST, and Lettuce
        // sets it again on every reconnect
        String subscriberName = "herald-" + UUID.randomUUID();
        // parsed again rather than RedisURI.builder(redisUri), which drops a Sentinel URI's Sentinels
        RedisURI subscriberUri = settings.redisUri();
        subscriberUri.setClientName(subscriberName);
        CompletableFuture<RedisTransport> result = new CompletableFuture<>();
        SentinelWatch sentinels = SentinelWatch.start(client, redisUri);
        if (sentinels != null) {
            result.whenComplete((transport, failure) -> {
                if (failure != null) {
                    sentinels.close();
                }
            });
        }
        client.connectAsync(CODEC, redisUri).whenComplete((publish, publishFailure) -> {
            if (publishFailure != null) {
                result.completeExceptionally(publishFailure);
                return;
            }
            if (abandoned.getAsBoolean()) {
                publish.closeAsync();
                result.completeExceptionally(new HeraldException("connecting to " + description + " was abandoned"));
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
                    transport = new RedisTransport(client, publish, subscribe, description, subscriberName, settings,
                            sentinels);
                } catch (RuntimeException e) {
                    subscribe.closeAsync();
                    publish.closeAsync();
                    result.completeExceptionally(e);
                    return;
                }
                transport.flusher().moveToTheEventLoop(() -> publish.async().ping())
                        .orTimeout(commandTimeout.toNanos(), TimeUnit.NANOSECONDS)
                        .whenComplete((found, failure) -> {
                            if (failure == null) {
                                LOG.debug("Herald connected to {}", ConnectFailures.redis(description));
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
}
