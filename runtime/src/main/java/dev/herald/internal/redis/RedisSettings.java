package dev.herald.internal.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.RedisCommand;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.Objects;

/**
 * How to reach Redis: the URI, Herald's timeouts and the user's Lettuce options, merged into one
 * {@link ClientOptions} where Herald's own settings win.
 *
 * @param uri the Redis URI as given, which may hold a password
 * @param commandTimeout how long a command may take
 * @param connectTimeout how long opening a connection may take: the TCP connect, and the TLS handshake
 * @param sslOptions the user's TLS options, or null for Lettuce's defaults (or those in {@code clientOptions})
 * @param clientOptions the user's Lettuce options, or null for Lettuce's defaults
 * @param maxPendingPublishes the most publishes handed to Lettuce and not yet answered
 * @param maxPendingPublishBytes the most payload and channel bytes of those publishes
 */
public record RedisSettings(String uri, Duration commandTimeout, Duration connectTimeout, SslOptions sslOptions,
        ClientOptions clientOptions, int maxPendingPublishes, long maxPendingPublishBytes) {

    /** Herald's default for {@link #maxPendingPublishes}. */
    public static final int DEFAULT_MAX_PENDING_PUBLISHES = 100_000;
    /** Herald's default for {@link #maxPendingPublishBytes}: 64 MiB. */
    public static final long DEFAULT_MAX_PENDING_PUBLISH_BYTES = 64L * 1024 * 1024;

    /**
     * Settings with the default bounds on pending publishes.
     *
     * @param uri the Redis URI
     * @param commandTimeout the command timeout
     * @param connectTimeout the connect timeout
     * @param sslOptions TLS options or null
     * @param clientOptions Lettuce options or null
     */
    RedisSettings(String uri, Duration commandTimeout, Duration connectTimeout, SslOptions sslOptions,
            ClientOptions clientOptions) {
        this(uri, commandTimeout, connectTimeout, sslOptions, clientOptions, DEFAULT_MAX_PENDING_PUBLISHES,
                DEFAULT_MAX_PENDING_PUBLISH_BYTES);
    }

    /**
     * Checks the required values.
     *
     * @param uri the Redis URI
     * @param commandTimeout the command timeout
     * @param connectTimeout the connect timeout
     * @param sslOptions TLS options or null
     * @param clientOptions Lettuce options or null
     * @param maxPendingPublishes at least 1
     * @param maxPendingPublishBytes at least 1
     */
    public RedisSettings {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (maxPendingPublishes < 1 || maxPendingPublishBytes < 1) {
            throw new IllegalArgumentException("maxPendingPublishes and maxPendingPublishBytes must be at least 1");
        }
    }

    /**
     * Parses the URI.
     *
     * @return the parsed URI
     * @throws IllegalArgumentException when the URI is malformed; the message hides any password
     */
    RedisURI redisUri() {
        try {
            return RedisURI.create(uri);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed Redis URI '" + redact(uri) + "': " + e.getMessage(), e);
        }
    }

    /**
     * The user's options with what Herald relies on put on top: reconnecting by itself, commands failing
     * at once while disconnected instead of queueing without bound, the command timeout (except for a durable
     * reader's {@code XREADGROUP}, which may block longer and has a deadline of its own), and the connect
     * timeout as both the socket's connect timeout and the TLS handshake timeout.
     *
     * @return the options for the Lettuce client
     */
    public ClientOptions lettuceOptions() {
        ClientOptions base = clientOptions != null ? clientOptions : ClientOptions.create();
        SslOptions ssl = sslOptions != null ? sslOptions : base.getSslOptions();
        return base.mutate()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.builder().timeoutCommands(true).timeoutSource(new CommandTimeouts(commandTimeout)).build())
                .socketOptions(base.getSocketOptions().mutate().connectTimeout(connectTimeout).build())
                .sslOptions(ssl.mutate().handshakeTimeout(connectTimeout).build())
                .build();
    }

    @Override
    public String toString() {
        return "RedisSettings[" + redact(uri) + ", commandTimeout=" + commandTimeout + ", connectTimeout=" + connectTimeout + "]";
    }

    /** The command timeout for every command but {@code XREADGROUP}. */
    private static final class CommandTimeouts extends TimeoutOptions.TimeoutSource {

        private final long nanos;

        CommandTimeouts(Duration commandTimeout) {
            this.nanos = commandTimeout.toNanos();
        }

        @Override
        public long getTimeout(RedisCommand<?, ?, ?> command) {
            return command.getType() == CommandType.XREADGROUP ? 0 : nanos;
        }

        @Override
        public TimeUnit getTimeUnit() {
            return TimeUnit.NANOSECONDS;
        }
    }

    static String redact(String uri) {
        return uri.replaceAll("//[^@/]*@", "//***@");
    }
}
