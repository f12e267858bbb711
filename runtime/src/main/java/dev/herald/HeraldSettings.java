package dev.herald;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.observation.HeraldProcessObservationConvention;
import dev.herald.observation.HeraldPublishObservationConvention;
import dev.herald.spi.Transport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.SslOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;

/**
 * What a {@link HeraldBuilder} was told, frozen when {@link HeraldBuilder#build()} runs: the values a
 * {@link HeraldRuntime} starts a Herald from. Every value is checked already; an optional one the
 * application did not set is {@code null}. Applications configure Herald through the builder and do not
 * need this class.
 */
public final class HeraldSettings {

    private final String redisUri;
    private final List<String> redisClusterSeeds;
    private final Transport transport;
    private final ObjectMapper objectMapper;
    private final CodecFactory codecFactory;
    private final ErrorHandler errorHandler;
    private final ConnectionListener connectionListener;
    private final String channelPrefix;
    private final SubscriptionOptions subscriptionDefaults;
    private final boolean deadLetters;
    private final int maxPayloadBytes;
    private final Duration shutdownTimeout;
    private final Duration commandTimeout;
    private final Duration requestTimeout;
    private final boolean lenientPayloads;
    private final int deadLetterLimit;
    private final Duration deadLetterRetention;
    private final int deadLetterMaxPayloadBytes;
    private final Duration connectTimeout;
    private final boolean connectInBackground;
    private final SslOptions sslOptions;
    private final ClientOptions clientOptions;
    private final int handlerThreads;
    private final boolean virtualThreads;
    private final ThreadFactory handlerThreadFactory;
    private final int maxPendingPublishes;
    private final long maxPendingPublishBytes;
    private final MeterRegistry meterRegistry;
    private final ObservationRegistry observationRegistry;
    private final HeraldPublishObservationConvention publishObservationConvention;
    private final HeraldProcessObservationConvention processObservationConvention;
    private final String consumerGroup;
    private final String consumerName;
    private final int maxDeliveries;
    private final Duration claimIdle;
    private final int durableReadCount;
    private final Duration durableDiscoveryInterval;
    private final StreamRetention durableRetention;
    private final Map<String, StreamRetention> durableRetentions;

    HeraldSettings(HeraldBuilder b) {
        this.redisUri = b.redisUri;
        this.redisClusterSeeds = b.redisClusterSeeds;
        this.transport = b.transport;
        this.objectMapper = b.objectMapper;
        this.codecFactory = b.codecFactory;
        this.errorHandler = b.errorHandler;
        this.connectionListener = b.connectionListener;
        this.channelPrefix = b.channelPrefix;
        this.subscriptionDefaults = SubscriptionOptions.builder().bufferCapacity(b.bufferCapacity)
                .overflowPolicy(b.overflowPolicy).retryPolicy(b.retryPolicy).build();
        this.deadLetters = b.deadLetters;
        this.maxPayloadBytes = b.maxPayloadBytes;
        this.shutdownTimeout = b.shutdownTimeout;
        this.commandTimeout = b.commandTimeout;
        this.requestTimeout = b.requestTimeout;
        this.lenientPayloads = b.lenientPayloads;
        this.deadLetterLimit = b.deadLetterLimit;
        this.deadLetterRetention = b.deadLetterRetention;
        this.deadLetterMaxPayloadBytes = b.deadLetterMaxPayloadBytes;
        this.connectTimeout = b.connectTimeout;
        this.connectInBackground = b.connectInBackground;
        this.sslOptions = b.sslOptions;
        this.clientOptions = b.clientOptions;
        this.handlerThreads = b.handlerThreads;
        this.virtualThreads = b.virtualThreads;
        this.handlerThreadFactory = b.handlerThreadFactory;
        this.maxPendingPublishes = b.maxPendingPublishes;
        this.maxPendingPublishBytes = b.maxPendingPublishBytes;
        this.meterRegistry = b.meterRegistry;
        this.observationRegistry = b.observationRegistry;
        this.publishObservationConvention = b.publishObservationConvention;
        this.processObservationConvention = b.processObservationConvention;
        this.consumerGroup = b.consumerGroup;
        this.consumerName = b.consumerName != null ? b.consumerName : "herald-" + UUID.randomUUID();
        this.maxDeliveries = b.maxDeliveries;
        this.claimIdle = b.claimIdle;
        this.durableReadCount = b.durableReadCount;
        this.durableDiscoveryInterval = b.durableDiscoveryInterval;
        this.durableRetention = b.durableRetention;
        this.durableRetentions = Map.copyOf(b.durableRetentions);
    }

    /**
     * @return whether a meter or an observation registry was given; when not, nothing of Micrometer is loaded and
     *     the registry getters must not be called on a class path without it
     */
    public boolean measured() {
        return meterRegistry != null || observationRegistry != null;
    }

    /** @return the registry of {@link HeraldBuilder#meterRegistry(MeterRegistry)}, or {@code null} */
    public MeterRegistry meterRegistry() {
        return meterRegistry;
    }

    /** @return the registry of {@link HeraldBuilder#observationRegistry(ObservationRegistry)}, or {@code null} */
    public ObservationRegistry observationRegistry() {
        return observationRegistry;
    }

    /** @return the convention of {@link HeraldBuilder#publishObservationConvention}, or {@code null} */
    public HeraldPublishObservationConvention publishObservationConvention() {
        return publishObservationConvention;
    }

    /** @return the convention of {@link HeraldBuilder#processObservationConvention}, or {@code null} */
    public HeraldProcessObservationConvention processObservationConvention() {
        return processObservationConvention;
    }

    /** @return the Redis URI of {@link HeraldBuilder#redis(String)}, or {@code null} for no Redis */
    public String redisUri() {
        return redisUri;
    }

    /** @return the seed URIs of {@link HeraldBuilder#redisCluster(String...)}, or {@code null} for no cluster */
    public List<String> redisClusterSeeds() {
        return redisClusterSeeds;
    }

    /** @return the transport of {@link HeraldBuilder#transport(Transport)}, or {@code null} */
    public Transport transport() {
        return transport;
    }

    /** @return the mapper of {@link HeraldBuilder#objectMapper(ObjectMapper)}, or {@code null} */
    public ObjectMapper objectMapper() {
        return objectMapper;
    }

    /** @return the factory of {@link HeraldBuilder#codecFactory(CodecFactory)}, or {@code null} */
    public CodecFactory codecFactory() {
        return codecFactory;
    }

    /** @return see {@link HeraldBuilder#errorHandler(ErrorHandler)} */
    public ErrorHandler errorHandler() {
        return errorHandler;
    }

    /** @return see {@link HeraldBuilder#connectionListener(ConnectionListener)} */
    public ConnectionListener connectionListener() {
        return connectionListener;
    }

    /** @return see {@link HeraldBuilder#channelPrefix(String)}; empty for none */
    public String channelPrefix() {
        return channelPrefix;
    }

    /**
     * @return the buffer capacity, overflow policy and retry policy every subscription starts from
     *     ({@link HeraldBuilder#bufferCapacity(int)}, {@link HeraldBuilder#overflowPolicy(OverflowPolicy)},
     *     {@link HeraldBuilder#retryPolicy(RetryPolicy)}), every value set
     */
    public SubscriptionOptions subscriptionDefaults() {
        return subscriptionDefaults;
    }

    /** @return see {@link HeraldBuilder#deadLetters(boolean)} */
    public boolean deadLetters() {
        return deadLetters;
    }

    /** @return see {@link HeraldBuilder#maxPayloadBytes(int)} */
    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    /** @return see {@link HeraldBuilder#shutdownTimeout(Duration)} */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    /** @return see {@link HeraldBuilder#requestTimeout(Duration)} */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** @return see {@link HeraldBuilder#commandTimeout(Duration)} */
    public Duration commandTimeout() {
        return commandTimeout;
    }

    /** @return see {@link HeraldBuilder#lenientPayloads(boolean)} */
    public boolean lenientPayloads() {
        return lenientPayloads;
    }

    /** @return see {@link HeraldBuilder#deadLetterLimit(int)} */
    public int deadLetterLimit() {
        return deadLetterLimit;
    }

    /** @return see {@link HeraldBuilder#deadLetterRetention(Duration)} */
    public Duration deadLetterRetention() {
        return deadLetterRetention;
    }

    /** @return see {@link HeraldBuilder#deadLetterMaxPayloadBytes(int)} */
    public int deadLetterMaxPayloadBytes() {
        return deadLetterMaxPayloadBytes;
    }

    /** @return see {@link HeraldBuilder#connectTimeout(Duration)} */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return see {@link HeraldBuilder#connectInBackground(boolean)} */
    public boolean connectInBackground() {
        return connectInBackground;
    }

    /** @return the options of {@link HeraldBuilder#sslOptions(SslOptions)}, or {@code null} */
    public SslOptions sslOptions() {
        return sslOptions;
    }

    /** @return the options of {@link HeraldBuilder#clientOptions(ClientOptions)}, or {@code null} */
    public ClientOptions clientOptions() {
        return clientOptions;
    }

    /** @return see {@link HeraldBuilder#handlerThreads(int)}; 0 for the default */
    public int handlerThreads() {
        return handlerThreads;
    }

    /** @return see {@link HeraldBuilder#virtualThreads(boolean)} */
    public boolean virtualThreads() {
        return virtualThreads;
    }

    /** @return the factory handler threads come from when one was given (tests do), or {@code null} */
    public ThreadFactory handlerThreadFactory() {
        return handlerThreadFactory;
    }

    /** @return see {@link HeraldBuilder#maxPendingPublishes(int)} */
    public int maxPendingPublishes() {
        return maxPendingPublishes;
    }

    /** @return see {@link HeraldBuilder#maxPendingPublishBytes(long)} */
    public long maxPendingPublishBytes() {
        return maxPendingPublishBytes;
    }

    /** @return see {@link HeraldBuilder#consumerGroup(String)}; {@code null} when not set */
    public String consumerGroup() {
        return consumerGroup;
    }

    /** @return see {@link HeraldBuilder#consumerName(String)}; the unique default when not set */
    public String consumerName() {
        return consumerName;
    }

    /** @return see {@link HeraldBuilder#maxDeliveries(int)} */
    public int maxDeliveries() {
        return maxDeliveries;
    }

    /** @return see {@link HeraldBuilder#claimIdle(Duration)} */
    public Duration claimIdle() {
        return claimIdle;
    }

    /** @return see {@link HeraldBuilder#durableReadCount(int)} */
    public int durableReadCount() {
        return durableReadCount;
    }

    /** @return see {@link HeraldBuilder#durableDiscoveryInterval(Duration)} */
    public Duration durableDiscoveryInterval() {
        return durableDiscoveryInterval;
    }

    /** @return see {@link HeraldBuilder#durableRetention(StreamRetention)} */
    public StreamRetention durableRetention() {
        return durableRetention;
    }

    /** @return the retentions of {@link HeraldBuilder#durableRetention(String, StreamRetention)}, by channel */
    public Map<String, StreamRetention> durableRetentions() {
        return durableRetentions;
    }
}
