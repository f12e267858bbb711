package dev.herald.spring.boot;

import dev.herald.HeraldBuilder;
import dev.herald.OverflowPolicy;
import dev.herald.RetryPolicy;
import dev.herald.StreamRetention;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code herald.*} properties: every setting of {@link HeraldBuilder} that is a plain value. Each default is
 * the builder's. What a property cannot say (an {@code ObjectMapper}, a {@code CodecFactory}, TLS or Lettuce client
 * options, a retry filter) goes in a {@link HeraldBuilderCustomizer} bean.
 */
@ConfigurationProperties("herald")
public class HeraldProperties {

    /**
     * Where messages travel: "redis" (the default) connects to Redis, configured by herald.redis.* or else by
     * Spring Boot's spring.data.redis.*; "memory" keeps them in this process, for tests.
     */
    private Transport transport = Transport.REDIS;

    /** The Redis to connect to, when it is not Spring Boot's spring.data.redis.* one. */
    private final Redis redis = new Redis();

    /**
     * A prefix put before every channel name, on publish and subscribe alike, such as "prod:". It holds what a
     * channel name holds (letters, digits, - _ . @ / #) and ':', and no empty segment.
     */
    private String channelPrefix = "";

    /** How many received messages each subscription buffers before its overflow policy applies; at least 1. */
    private int bufferCapacity = 10_000;

    /** What a subscription with a full buffer does. */
    private OverflowPolicy overflowPolicy = OverflowPolicy.DROP_NEWEST;

    /** How a failing handler is retried before its message goes to the dead letters. */
    private final Retry retry = new Retry();

    /** Herald's Micrometer meters in the application's MeterRegistry. */
    private final Metrics metrics = new Metrics();

    /** Herald's herald.publish and herald.process observations in the application's ObservationRegistry. */
    private final Observations observations = new Observations();

    /** Whether messages no handler could take are kept as dead letters. */
    private boolean deadLetters = true;

    /**
     * The largest payload published or decoded (bytes, or a size such as "1MB"); a larger one fails its publish,
     * or goes to the error handler on receipt without being parsed.
     */
    private DataSize maxPayloadBytes = DataSize.ofMegabytes(16);

    /**
     * How long Herald's close() waits for running handlers. In a Spring context the shutdown runs in the
     * lifecycle instead and waits spring.lifecycle.timeout-per-shutdown-phase.
     */
    private Duration shutdownTimeout = Duration.ofSeconds(10);

    /**
     * How long a Redis command (PUBLISH, SUBSCRIBE, PING) may take before its stage fails, and how long a
     * blocking subscribe waits for the acknowledgement.
     */
    private Duration commandTimeout = Duration.ofSeconds(10);

    /** How long a request of a request-reply channel waits for its reply. */
    private Duration requestTimeout = Duration.ofSeconds(10);

    /**
     * Whether Herald's Jackson codecs read payloads as leniently as Jackson does by default (missing creator
     * properties become null, 0 or false, and scalar values are coerced). The default is strict.
     */
    private boolean lenientPayloads;

    /** How long opening a connection to Redis may take (TCP connect and TLS handshake), on every reconnect too. */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /** The most dead letters kept per declared channel, template or pattern; the oldest go first. */
    private int deadLetterLimit = 1_000;

    /**
     * Whether the application may start before Redis can be reached: Herald then connects in the background,
     * retrying, and publishes fail at once until it is connected. Not supported on a Redis Cluster.
     */
    private boolean connectInBackground;

    /** How long a dead letter is kept. */
    private Duration deadLetterRetention = Duration.ofDays(7);

    /** How much of a dead letter's payload is kept (bytes, or a size such as "64KB"); 0 keeps only size and hash. */
    private DataSize deadLetterMaxPayloadBytes = DataSize.ofKilobytes(64);

    /**
     * The most handlers that run at once. Unset: on platform threads 4 per core and at least 16; on virtual
     * threads no bound beyond one running handler per subscription.
     */
    private @Nullable Integer handlerThreads;

    /** The most publishes waiting for Redis's answer; past it a publish fails at once. */
    private int maxPendingPublishes = 100_000;

    /**
     * Whether handlers run on virtual threads when the JVM has them (Java 21 or newer); false forces platform
     * threads.
     */
    private boolean virtualThreads = true;

    /**
     * The most bytes of the publishes waiting for Redis's answer (bytes, or a size such as "64MB"); past it a
     * publish fails at once.
     */
    private DataSize maxPendingPublishBytes = DataSize.ofMegabytes(64);

    /**
     * The consumer group this application's subscriptions to durable channels join, such as "shipping". Unset:
     * subscribing to a durable channel fails unless the subscription names a group.
     */
    private @Nullable String consumerGroup;

    /** This Herald's consumer name in its groups. Unset: one unique to each Herald instance. */
    private @Nullable String consumerName;

    /** How many times a durable channel's entry is delivered before it is dead-lettered without its handler. */
    private int maxDeliveries = 5;

    /** How long a durable channel's entry stays pending before a live consumer of its group claims it. */
    private Duration claimIdle = Duration.ofSeconds(30);

    /** The most entries one durable subscription holds read and not yet acknowledged (its reads' COUNT). */
    private int durableReadCount = 100;

    /** How often a subscription to every value of a durable template channel looks for new streams. */
    private Duration durableDiscoveryInterval = Duration.ofSeconds(5);

    /** How much of each durable channel's stream Redis keeps. */
    private final Retention durableRetention = new Retention(1_000_000L);

    /**
     * How much of one durable channel's stream Redis keeps, by the channel as declared (a template's
     * {placeholder} form for every value), for example herald.durable-retentions[order:created].max-age=7d.
     */
    private Map<String, Retention> durableRetentions = new LinkedHashMap<>();

    /** @return where messages travel */
    public Transport getTransport() {
        return transport;
    }

    /** @param transport where messages travel */
    public void setTransport(Transport transport) {
        this.transport = transport;
    }

    /** @return the Redis to connect to */
    public Redis getRedis() {
        return redis;
    }

    /** @return the channel prefix */
    public String getChannelPrefix() {
        return channelPrefix;
    }

    /** @param channelPrefix the channel prefix */
    public void setChannelPrefix(String channelPrefix) {
        this.channelPrefix = channelPrefix;
    }

    /** @return each subscription's buffer capacity */
    public int getBufferCapacity() {
        return bufferCapacity;
    }

    /** @param bufferCapacity each subscription's buffer capacity */
    public void setBufferCapacity(int bufferCapacity) {
        this.bufferCapacity = bufferCapacity;
    }

    /** @return what a full buffer does */
    public OverflowPolicy getOverflowPolicy() {
        return overflowPolicy;
    }

    /** @param overflowPolicy what a full buffer does */
    public void setOverflowPolicy(OverflowPolicy overflowPolicy) {
        this.overflowPolicy = overflowPolicy;
    }

    /** @return the meter settings */
    public Metrics getMetrics() {
        return metrics;
    }

    /** @return the observation settings */
    public Observations getObservations() {
        return observations;
    }

    /** @return the retry settings */
    public Retry getRetry() {
        return retry;
    }

    /** @return whether dead letters are kept */
    public boolean isDeadLetters() {
        return deadLetters;
    }

    /** @param deadLetters whether dead letters are kept */
    public void setDeadLetters(boolean deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** @return the largest payload */
    public DataSize getMaxPayloadBytes() {
        return maxPayloadBytes;
    }

    /** @param maxPayloadBytes the largest payload */
    public void setMaxPayloadBytes(DataSize maxPayloadBytes) {
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** @return how long close() waits for running handlers */
    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    /** @param shutdownTimeout how long close() waits for running handlers */
    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    /** @return the command timeout */
    public Duration getCommandTimeout() {
        return commandTimeout;
    }

    /** @param commandTimeout the command timeout */
    public void setCommandTimeout(Duration commandTimeout) {
        this.commandTimeout = commandTimeout;
    }

    /** @return the request-reply timeout */
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    /** @param requestTimeout the request-reply timeout */
    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /** @return whether payloads are read leniently */
    public boolean isLenientPayloads() {
        return lenientPayloads;
    }

    /** @param lenientPayloads whether payloads are read leniently */
    public void setLenientPayloads(boolean lenientPayloads) {
        this.lenientPayloads = lenientPayloads;
    }

    /** @return the connect timeout */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /** @param connectTimeout the connect timeout */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** @return the most dead letters kept per name */
    public int getDeadLetterLimit() {
        return deadLetterLimit;
    }

    /** @param deadLetterLimit the most dead letters kept per name */
    public void setDeadLetterLimit(int deadLetterLimit) {
        this.deadLetterLimit = deadLetterLimit;
    }

    /** @return whether Herald connects in the background */
    public boolean isConnectInBackground() {
        return connectInBackground;
    }

    /** @param connectInBackground whether Herald connects in the background */
    public void setConnectInBackground(boolean connectInBackground) {
        this.connectInBackground = connectInBackground;
    }

    /** @return how long a dead letter is kept */
    public Duration getDeadLetterRetention() {
        return deadLetterRetention;
    }

    /** @param deadLetterRetention how long a dead letter is kept */
    public void setDeadLetterRetention(Duration deadLetterRetention) {
        this.deadLetterRetention = deadLetterRetention;
    }

    /** @return how much of a dead letter's payload is kept */
    public DataSize getDeadLetterMaxPayloadBytes() {
        return deadLetterMaxPayloadBytes;
    }

    /** @param deadLetterMaxPayloadBytes how much of a dead letter's payload is kept */
    public void setDeadLetterMaxPayloadBytes(DataSize deadLetterMaxPayloadBytes) {
        this.deadLetterMaxPayloadBytes = deadLetterMaxPayloadBytes;
    }

    /** @return the most handlers that run at once, or {@code null} for Herald's default */
    public @Nullable Integer getHandlerThreads() {
        return handlerThreads;
    }

    /** @param handlerThreads the most handlers that run at once, or {@code null} for Herald's default */
    public void setHandlerThreads(@Nullable Integer handlerThreads) {
        this.handlerThreads = handlerThreads;
    }

    /** @return the most publishes waiting for Redis */
    public int getMaxPendingPublishes() {
        return maxPendingPublishes;
    }

    /** @param maxPendingPublishes the most publishes waiting for Redis */
    public void setMaxPendingPublishes(int maxPendingPublishes) {
        this.maxPendingPublishes = maxPendingPublishes;
    }

    /** @return whether handlers run on virtual threads when the JVM has them */
    public boolean isVirtualThreads() {
        return virtualThreads;
    }

    /** @param virtualThreads whether handlers run on virtual threads when the JVM has them */
    public void setVirtualThreads(boolean virtualThreads) {
        this.virtualThreads = virtualThreads;
    }

    /** @return the most bytes of publishes waiting for Redis */
    public DataSize getMaxPendingPublishBytes() {
        return maxPendingPublishBytes;
    }

    /** @param maxPendingPublishBytes the most bytes of publishes waiting for Redis */
    public void setMaxPendingPublishBytes(DataSize maxPendingPublishBytes) {
        this.maxPendingPublishBytes = maxPendingPublishBytes;
    }

    /** @return the application's consumer group, or {@code null} */
    public @Nullable String getConsumerGroup() {
        return consumerGroup;
    }

    /** @param consumerGroup the application's consumer group */
    public void setConsumerGroup(@Nullable String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    /** @return this Herald's consumer name, or {@code null} */
    public @Nullable String getConsumerName() {
        return consumerName;
    }

    /** @param consumerName this Herald's consumer name */
    public void setConsumerName(@Nullable String consumerName) {
        this.consumerName = consumerName;
    }

    /** @return deliveries before an entry is dead-lettered */
    public int getMaxDeliveries() {
        return maxDeliveries;
    }

    /** @param maxDeliveries deliveries before an entry is dead-lettered */
    public void setMaxDeliveries(int maxDeliveries) {
        this.maxDeliveries = maxDeliveries;
    }

    /** @return how long an entry stays pending before it is claimed */
    public Duration getClaimIdle() {
        return claimIdle;
    }

    /** @param claimIdle how long an entry stays pending before it is claimed */
    public void setClaimIdle(Duration claimIdle) {
        this.claimIdle = claimIdle;
    }

    /** @return the most entries a durable subscription holds */
    public int getDurableReadCount() {
        return durableReadCount;
    }

    /** @param durableReadCount the most entries a durable subscription holds */
    public void setDurableReadCount(int durableReadCount) {
        this.durableReadCount = durableReadCount;
    }

    /** @return how often new streams of a durable template are looked for */
    public Duration getDurableDiscoveryInterval() {
        return durableDiscoveryInterval;
    }

    /** @param durableDiscoveryInterval how often new streams of a durable template are looked for */
    public void setDurableDiscoveryInterval(Duration durableDiscoveryInterval) {
        this.durableDiscoveryInterval = durableDiscoveryInterval;
    }

    /** @return the retention of every durable channel's stream */
    public Retention getDurableRetention() {
        return durableRetention;
    }

    /** @return retentions by declared channel */
    public Map<String, Retention> getDurableRetentions() {
        return durableRetentions;
    }

    /** @param durableRetentions retentions by declared channel */
    public void setDurableRetentions(Map<String, Retention> durableRetentions) {
        this.durableRetentions = durableRetentions;
    }

    /**
     * Applies every setting but the transport and the Redis address to a builder.
     *
     * @param builder the builder
     * @throws IllegalArgumentException when a value is out of the builder's range; the message names it
     */
    void applyTo(HeraldBuilder builder) {
        builder.channelPrefix(channelPrefix)
                .bufferCapacity(bufferCapacity)
                .overflowPolicy(overflowPolicy)
                .retryPolicy(retry.toPolicy())
                .deadLetters(deadLetters)
                .maxPayloadBytes(toInt(maxPayloadBytes, "herald.max-payload-bytes"))
                .shutdownTimeout(shutdownTimeout)
                .commandTimeout(commandTimeout)
                .requestTimeout(requestTimeout)
                .lenientPayloads(lenientPayloads)
                .connectTimeout(connectTimeout)
                .deadLetterLimit(deadLetterLimit)
                .connectInBackground(connectInBackground)
                .deadLetterRetention(deadLetterRetention)
                .deadLetterMaxPayloadBytes(toInt(deadLetterMaxPayloadBytes, "herald.dead-letter-max-payload-bytes"))
                .maxPendingPublishes(maxPendingPublishes)
                .virtualThreads(virtualThreads)
                .maxPendingPublishBytes(maxPendingPublishBytes.toBytes());
        if (handlerThreads != null) {
            builder.handlerThreads(handlerThreads);
        }
        if (consumerGroup != null) {
            builder.consumerGroup(consumerGroup);
        }
        if (consumerName != null) {
            builder.consumerName(consumerName);
        }
        builder.maxDeliveries(maxDeliveries)
                .claimIdle(claimIdle)
                .durableReadCount(durableReadCount)
                .durableDiscoveryInterval(durableDiscoveryInterval)
                .durableRetention(durableRetention.toRetention("herald.durable-retention"));
        durableRetentions.forEach((channel, retention) ->
                builder.durableRetention(channel, retention.toRetention("herald.durable-retentions[" + channel + "]")));
    }

    private static int toInt(DataSize size, String property) {
        long bytes = size.toBytes();
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(property + " must be at most " + Integer.MAX_VALUE + " bytes, was " + size);
        }
        return (int) bytes;
    }

    /** Where messages travel. */
    public enum Transport {
        /** Redis: herald.redis.* when set, else Spring Boot's spring.data.redis.* (by default localhost:6379). */
        REDIS,
        /** In this process only, for tests: nothing leaves the JVM. */
        MEMORY
    }

    /**
     * How much of a durable channel's stream Redis keeps: about the newest max-length entries, or, when max-age is
     * set, about the entries younger than it. A max-length of 0 with no max-age keeps everything.
     */
    public static class Retention {

        /** The most entries kept, about (trimmed with MAXLEN ~); 0 for no bound by length. */
        private @Nullable Long maxLength;

        /** The oldest entry's age kept, about (trimmed with MINID ~); replaces max-length when set. */
        private @Nullable Duration maxAge;

        /** A retention bound by nothing until set. */
        public Retention() {
        }

        Retention(long maxLength) {
            this.maxLength = maxLength;
        }

        /** @return the most entries kept, or {@code null} */
        public @Nullable Long getMaxLength() {
            return maxLength;
        }

        /** @param maxLength the most entries kept; 0 for no bound */
        public void setMaxLength(@Nullable Long maxLength) {
            this.maxLength = maxLength;
        }

        /** @return the oldest entry's age kept, or {@code null} */
        public @Nullable Duration getMaxAge() {
            return maxAge;
        }

        /** @param maxAge the oldest entry's age kept */
        public void setMaxAge(@Nullable Duration maxAge) {
            this.maxAge = maxAge;
        }

        StreamRetention toRetention(String property) {
            if (maxAge != null) {
                return StreamRetention.maxAge(maxAge);
            }
            if (maxLength == null || maxLength == 0) {
                return StreamRetention.unbounded();
            }
            if (maxLength < 0) {
                throw new IllegalArgumentException(property + ".max-length must not be negative, was " + maxLength);
            }
            return StreamRetention.maxLength(maxLength);
        }
    }

    /** Herald's meters, when Micrometer is on the class path. */
    public static class Metrics {

        /** Whether Herald records its meters in the application's MeterRegistry. */
        private boolean enabled = true;

        /** @return whether Herald records meters */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether Herald records meters */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** Herald's observations, when Micrometer's observation API is on the class path. */
    public static class Observations {

        /**
         * Whether Herald observes each publish and each handler call in the application's ObservationRegistry (one
         * observation per message: it costs far more than the meters).
         */
        private boolean enabled;

        /** @return whether Herald records observations */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether Herald records observations */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** The Redis to connect to, instead of Spring Boot's spring.data.redis.* one. */
    public static class Redis {

        /**
         * A Redis URI as Lettuce reads it: redis://[user:password@]host:port/database, rediss:// for TLS, or
         * redis-sentinel://host1:26379,host2:26379/0#masterId for a master behind Sentinels. Takes precedence over
         * spring.data.redis.*.
         */
        private @Nullable String url;

        /**
         * The seed nodes of a Redis Cluster, each a Redis URI such as redis://10.0.0.1:7000 (or host:port).
         * Takes precedence over spring.data.redis.*; not together with herald.redis.url.
         */
        private List<String> clusterNodes = new ArrayList<>();

        /** @return the Redis URI, or {@code null} */
        public @Nullable String getUrl() {
            return url;
        }

        /** @param url the Redis URI, or {@code null} */
        public void setUrl(@Nullable String url) {
            this.url = url;
        }

        /** @return the Redis Cluster's seed nodes; empty when none */
        public List<String> getClusterNodes() {
            return clusterNodes;
        }

        /** @param clusterNodes the Redis Cluster's seed nodes */
        public void setClusterNodes(List<String> clusterNodes) {
            this.clusterNodes = clusterNodes;
        }
    }

    /**
     * How a failing handler is tried again: {@code max-attempts} in all, the first included (1, the default,
     * means no retry), with exponential backoff. Which failures are retried is code: set it in a
     * {@link HeraldBuilderCustomizer} with {@link RetryPolicy#retryingOn}.
     */
    public static class Retry {

        /** Attempts in all, the first included; 1 means no retry. */
        private int maxAttempts = 1;

        /** The wait before the first retry. */
        private Duration initialBackoff = Duration.ofMillis(100);

        /** How much longer each wait is than the one before; at least 1. */
        private double multiplier = 2.0;

        /** The longest wait between attempts. */
        private Duration maxBackoff = Duration.ofSeconds(30);

        /** The fraction each wait varies by at random, from 0 (none) to 1. */
        private double jitter = 0.2;

        /** @return attempts in all */
        public int getMaxAttempts() {
            return maxAttempts;
        }

        /** @param maxAttempts attempts in all */
        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /** @return the wait before the first retry */
        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        /** @param initialBackoff the wait before the first retry */
        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        /** @return the backoff multiplier */
        public double getMultiplier() {
            return multiplier;
        }

        /** @param multiplier the backoff multiplier */
        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        /** @return the longest wait */
        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        /** @param maxBackoff the longest wait */
        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        /** @return the jitter fraction */
        public double getJitter() {
            return jitter;
        }

        /** @param jitter the jitter fraction */
        public void setJitter(double jitter) {
            this.jitter = jitter;
        }

        /** {@link RetryPolicy#none()} for one attempt, else the exponential policy these values describe. */
        RetryPolicy toPolicy() {
            if (maxAttempts == 1) {
                return RetryPolicy.none();
            }
            return RetryPolicy.exponential(maxAttempts, initialBackoff)
                    .withMultiplier(multiplier)
                    .withMaxBackoff(maxBackoff)
                    .withJitter(jitter);
        }
    }
}
