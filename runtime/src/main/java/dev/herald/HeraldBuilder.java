package dev.herald;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.grammar.ChannelSyntax;
import dev.herald.grammar.RuntimeMessage;
import dev.herald.grammar.Violation;
import dev.herald.observation.HeraldProcessObservationConvention;
import dev.herald.observation.HeraldPublishObservationConvention;
import dev.herald.spi.Transport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.SslOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.ThreadFactory;

/**
 * Configures a {@link Herald}. Without {@link #redis(String)}, {@link #redisCluster(String...)} or
 * {@link #transport(Transport)} the result runs in memory.
 *
 * <pre>{@code
 * Herald herald = Herald.builder()
 *         .redis("redis://:secret@cache.internal:6379/0")
 *         .objectMapper(mapper)
 *         .channelPrefix("prod:")
 *         .errorHandler(error -> metrics.count(error.kind()))
 *         .build();
 * }</pre>
 */
public final class HeraldBuilder {

    /** The default of {@link #maxPendingPublishes(int)}. */
    static final int DEFAULT_MAX_PENDING_PUBLISHES = 100_000;
    /** The default of {@link #maxPendingPublishBytes(long)}. */
    static final long DEFAULT_MAX_PENDING_PUBLISH_BYTES = 64L * 1024 * 1024;

    String redisUri;
    List<String> redisClusterSeeds;
    Transport transport;
    ObjectMapper objectMapper;
    CodecFactory codecFactory;
    ErrorHandler errorHandler = ErrorHandler.logging();
    ConnectionListener connectionListener = new ConnectionListener() { };
    String channelPrefix = "";
    int bufferCapacity = 10_000;
    OverflowPolicy overflowPolicy = OverflowPolicy.DROP_NEWEST;
    RetryPolicy retryPolicy = RetryPolicy.none();
    boolean deadLetters = true;
    int maxPayloadBytes = 16 * 1024 * 1024;
    Duration shutdownTimeout = Duration.ofSeconds(10);
    Duration commandTimeout = Duration.ofSeconds(10);
    Duration requestTimeout = Duration.ofSeconds(10);
    boolean lenientPayloads;
    int deadLetterLimit = 1_000;
    Duration deadLetterRetention = Duration.ofDays(7);
    int deadLetterMaxPayloadBytes = 64 * 1024;
    Duration connectTimeout = Duration.ofSeconds(10);
    boolean connectInBackground;
    SslOptions sslOptions;
    ClientOptions clientOptions;
    int handlerThreads;
    boolean virtualThreads = true;
    ThreadFactory handlerThreadFactory;
    int maxPendingPublishes = DEFAULT_MAX_PENDING_PUBLISHES;
    long maxPendingPublishBytes = DEFAULT_MAX_PENDING_PUBLISH_BYTES;
    MeterRegistry meterRegistry;
    ObservationRegistry observationRegistry;
    HeraldPublishObservationConvention publishObservationConvention;
    HeraldProcessObservationConvention processObservationConvention;
    String consumerGroup;
    String consumerName;
    int maxDeliveries = 5;
    Duration claimIdle = Duration.ofSeconds(30);
    int durableReadCount = 100;
    Duration durableDiscoveryInterval = Duration.ofSeconds(5);
    StreamRetention durableRetention = StreamRetention.maxLength(1_000_000);
    final Map<String, StreamRetention> durableRetentions = new LinkedHashMap<>();

    HeraldBuilder() {
    }

    /**
     * Runs over Redis.
     *
     * @param redisUri a Redis URI such as {@code redis://:secret@host:6379/0} or {@code rediss://host}
     * @return this builder
     */
    public HeraldBuilder redis(String redisUri) {
        this.redisUri = Objects.requireNonNull(redisUri, "redisUri");
        return this;
    }

    /**
     * Runs over a Redis Cluster (Redis 7+). Herald asks the seeds for the cluster's topology, keeps it current
     * (a periodic refresh every 5 seconds and Lettuce's adaptive triggers on redirects and reconnects), and
     * carries every channel with sharded pub/sub: {@code SPUBLISH}, and one {@code SSUBSCRIBE} per channel on
     * the master that owns its slot, moved when the slot moves or its master fails over, so that each message
     * arrives once. Sharded pub/sub has no pattern form: {@code psubscribe} and a template's
     * {@code subscribeAll} are refused with {@code [HeraldClusterPattern]}.
     *
     * @param seedUris one or more nodes of the cluster, each a Redis URI such as {@code redis://10.0.0.1:7000};
     *     each may be several comma-separated URIs (the form of {@code REDIS_CLUSTER_URL})
     * @return this builder
     * @throws IllegalArgumentException when no seed is given or one is blank
     */
    public HeraldBuilder redisCluster(String... seedUris) {
        Objects.requireNonNull(seedUris, "seedUris");
        List<String> seeds = new ArrayList<>();
        for (String uri : seedUris) {
            Objects.requireNonNull(uri, "seed URI");
            for (String seed : uri.split(",", -1)) {
                if (seed.isBlank()) {
                    throw new IllegalArgumentException("redisCluster(...) was given a blank seed URI in '" + uri + "'");
                }
                seeds.add(seed.strip());
            }
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("redisCluster(...) needs at least one seed URI");
        }
        this.redisClusterSeeds = List.copyOf(seeds);
        return this;
    }

    /**
     * Runs over a transport of your own instead of Redis or memory: anything that implements the
     * {@link Transport} SPI (moves bytes between channels and delivers what arrives). The Herald starts it,
     * keeps its own subscription counting, typing and dispatch above it, and closes it on {@link Herald#close()}.
     * The contract Herald's tests hold every transport to is the one the in-memory and Redis transports pass.
     *
     * @param transport the transport, not yet started
     * @return this builder
     */
    public HeraldBuilder transport(Transport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        return this;
    }

    /**
     * Runs over Redis when a URI is given, in memory when it is {@code null} or blank: the usual way to
     * read it from the environment, {@code .redisOrInMemory(System.getenv("REDIS_URL"))}. Herald logs which
     * one it runs on when it starts.
     *
     * @param redisUri a Redis URI, or {@code null} or blank for in memory
     * @return this builder
     */
    public HeraldBuilder redisOrInMemory(String redisUri) {
        this.redisUri = redisUri == null || redisUri.isBlank() ? null : redisUri.strip();
        return this;
    }

    /**
     * The Jackson mapper behind the default codecs. Herald uses a copy with the Java time module
     * registered, writes dates as ISO-8601 and ignores unknown properties on read; the given mapper is
     * not changed. Default: a plain {@code JsonMapper}.
     *
     * @param objectMapper the mapper
     * @return this builder
     */
    public HeraldBuilder objectMapper(ObjectMapper objectMapper) {
        this.objectMapper = Objects.requireNonNull(objectMapper, "objectMapper");
        return this;
    }

    /**
     * Replaces the Jackson codecs altogether.
     *
     * @param codecFactory makes the codec of each payload type
     * @return this builder
     */
    public HeraldBuilder codecFactory(CodecFactory codecFactory) {
        this.codecFactory = Objects.requireNonNull(codecFactory, "codecFactory");
        return this;
    }

    /**
     * Receives the failures no caller can be told of. Default: {@link ErrorHandler#logging()}.
     *
     * @param errorHandler the handler
     * @return this builder
     */
    public HeraldBuilder errorHandler(ErrorHandler errorHandler) {
        this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
        return this;
    }

    /**
     * Observes disconnects, reconnects and re-subscriptions, with the outage's length. Default: none
     * (Herald logs each at WARN and INFO anyway).
     *
     * @param connectionListener the listener
     * @return this builder
     */
    public HeraldBuilder connectionListener(ConnectionListener connectionListener) {
        this.connectionListener = Objects.requireNonNull(connectionListener, "connectionListener");
        return this;
    }

    /**
     * A prefix put before every channel name, on publish and subscribe alike, for example {@code "prod:"}.
     * It goes into every PSUBSCRIBE pattern too, so it must mean the same there as on a channel: it holds what
     * a channel name holds (letters, digits, {@code - _ . @ / #}) and {@code :}, and makes no empty segment
     * (no leading {@code :}, no {@code ::}); glob characters would match other prefixes' channels
     * ({@code "env?:"} would also match {@code "env2:"}'s).
     *
     * @param channelPrefix the prefix; may be empty
     * @return this builder
     * @throws IllegalArgumentException naming the character or the empty segment when the prefix breaks that rule
     */
    public HeraldBuilder channelPrefix(String channelPrefix) {
        Objects.requireNonNull(channelPrefix, "channelPrefix");
        Violation violation = ChannelSyntax.checkPrefix(channelPrefix);
        if (violation != null) {
            throw new IllegalArgumentException(RuntimeMessage.CHANNEL_PREFIX.format(RuntimeMessage.printable(channelPrefix),
                    violation.describe()));
        }
        this.channelPrefix = channelPrefix;
        return this;
    }

    /**
     * How many received messages each subscription buffers before its {@link OverflowPolicy} applies.
     * Default: 10,000.
     *
     * @param bufferCapacity at least 1
     * @return this builder
     */
    public HeraldBuilder bufferCapacity(int bufferCapacity) {
        this.bufferCapacity = Checks.atLeastOne(bufferCapacity, "bufferCapacity");
        return this;
    }

    /**
     * What a subscription with a full buffer does. Default: {@link OverflowPolicy#DROP_NEWEST}.
     *
     * @param overflowPolicy the policy
     * @return this builder
     */
    public HeraldBuilder overflowPolicy(OverflowPolicy overflowPolicy) {
        this.overflowPolicy = Objects.requireNonNull(overflowPolicy, "overflowPolicy");
        return this;
    }

    /**
     * How a failing handler is retried before its message goes to the dead letters. Default:
     * {@link RetryPolicy#none()}.
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public HeraldBuilder retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        return this;
    }

    /**
     * Whether messages no handler could take are kept as dead letters ({@link Herald#deadLetters()}),
     * bounded by {@link #deadLetterLimit(int)}, {@link #deadLetterRetention(Duration)} and
     * {@link #deadLetterMaxPayloadBytes(int)}. Default: {@code true}.
     *
     * @param deadLetters keep them or not
     * @return this builder
     */
    public HeraldBuilder deadLetters(boolean deadLetters) {
        this.deadLetters = deadLetters;
        return this;
    }

    /**
     * The largest payload published or decoded; a larger one fails its publish, or goes to the error
     * handler on receipt without being parsed. Default: 16 MiB. Jackson's own read limits (nesting depth,
     * string length) apply too; set them on the {@link #objectMapper ObjectMapper}'s factory.
     *
     * @param maxPayloadBytes at least 1
     * @return this builder
     */
    public HeraldBuilder maxPayloadBytes(int maxPayloadBytes) {
        this.maxPayloadBytes = Checks.atLeastOne(maxPayloadBytes, "maxPayloadBytes");
        return this;
    }

    /**
     * How long {@link Herald#close()} waits for running handlers. Default: 10 seconds.
     *
     * @param shutdownTimeout the bound
     * @return this builder
     */
    public HeraldBuilder shutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = Checks.positive(shutdownTimeout, "shutdownTimeout");
        return this;
    }

    /**
     * How long a Redis command (PUBLISH, SUBSCRIBE, PING) may take before its stage fails, and how long
     * a blocking {@code subscribe} waits for the acknowledgement. Default: 10 seconds.
     *
     * @param commandTimeout the bound
     * @return this builder
     */
    public HeraldBuilder commandTimeout(Duration commandTimeout) {
        this.commandTimeout = Checks.positive(commandTimeout, "commandTimeout");
        return this;
    }

    /**
     * How long a request of a request-reply channel waits for its reply before its stage fails with
     * {@link RequestTimeoutException}; {@link RequestChannel#withTimeout(Duration)} and the generated
     * publishers' constructors override it. Default: 10 seconds.
     *
     * @param requestTimeout the bound
     * @return this builder
     */
    public HeraldBuilder requestTimeout(Duration requestTimeout) {
        this.requestTimeout = Checks.positive(requestTimeout, "requestTimeout");
        return this;
    }

    /**
     * Whether Herald's Jackson codecs read payloads as leniently as Jackson does by default. Default:
     * {@code false}, strict: a message that lacks a property the payload's creator (a record's canonical
     * constructor, a {@code @JsonCreator}) declares, or carries {@code null} for it, fails to decode, unless the
     * parameter is an {@code Optional}/{@code OptionalInt}/{@code OptionalLong}/{@code OptionalDouble}, is
     * annotated {@code @Nullable} (any package), or has {@code @JsonProperty(isRequired = OptBoolean.FALSE)} or a
     * {@code defaultValue}; and a JSON value of another type than the declared one fails too ({@code 1.9} or
     * {@code "5"} for an {@code int}, {@code 123} or {@code true} for a {@code String}, {@code 1} or {@code "true"}
     * for a {@code boolean}, a number for an enum, {@code null} for a primitive). Such failures go to the error
     * handler as {@link HeraldError.Kind#DECODE} and to the dead letters. {@code true} restores Jackson's
     * behaviour: missing properties become {@code null}, {@code 0} or {@code false}, and those values are
     * coerced. Only Herald's Jackson codecs are concerned, not a {@link #codecFactory CodecFactory} of yours.
     *
     * @param lenientPayloads {@code true} for Jackson's lenient reading
     * @return this builder
     */
    public HeraldBuilder lenientPayloads(boolean lenientPayloads) {
        this.lenientPayloads = lenientPayloads;
        return this;
    }

    /**
     * How long opening a connection to Redis may take: the TCP connect, and for {@code rediss://} the TLS
     * handshake (a {@code rediss://} URI that points at a plain server fails after this long with a
     * message that says so). Applies to every reconnect too. Default: 10 seconds.
     *
     * @param connectTimeout the bound
     * @return this builder
     */
    public HeraldBuilder connectTimeout(Duration connectTimeout) {
        this.connectTimeout = Checks.positive(connectTimeout, "connectTimeout");
        return this;
    }

    /**
     * The most dead letters kept per declared name (a channel, a channel template such as
     * {@code notifications:{userId}}, or a pattern); the oldest go first. On Redis this is an exact
     * {@code MAXLEN} on the stream {@code herald:dead-letters:<name>}. With
     * {@link #deadLetterMaxPayloadBytes(int)} it bounds a stream's size to about
     * {@code limit x (maxPayloadBytes + 4 KiB)}. Default: 1,000.
     *
     * @param entriesPerStream at least 1
     * @return this builder
     * @throws IllegalArgumentException when {@code entriesPerStream} is less than 1
     */
    public HeraldBuilder deadLetterLimit(int entriesPerStream) {
        this.deadLetterLimit = Checks.atLeastOne(entriesPerStream, "deadLetterLimit");
        return this;
    }

    /**
     * Whether {@link #build()} may return before Redis can be reached. With {@code false} (the default)
     * {@code build()} connects and throws when it cannot. With {@code true} it returns at once and
     * connects in the background, retrying with a backoff from 100 ms doubling up to 5 s and logging
     * the reason once at WARN; {@link ConnectionListener#onConnected(Duration)} tells when it succeeded.
     * Until then publishes and pings fail at once with a {@link HeraldException} saying so, subscribes are
     * recorded and sent once connected (an asynchronous subscribe's stage completes then; a blocking
     * {@code subscribe} waits for it up to the {@link #commandTimeout command timeout}), and
     * {@link Herald#close()} stops the attempts. Ignored without {@link #redis(String)}, and on a
     * {@link #redisCluster(String...) Redis Cluster}, whose {@code build()} always connects (not supported yet).
     *
     * @param connectInBackground connect in the background or not
     * @return this builder
     */
    public HeraldBuilder connectInBackground(boolean connectInBackground) {
        this.connectInBackground = connectInBackground;
        return this;
    }

    /**
     * How long a dead letter is kept. On Redis every append trims the stream by age
     * ({@code XTRIM MINID ~}, Redis 6.2+) and sets the stream's expiry to this ({@code PEXPIRE}), so a stream
     * nothing failed on for this long disappears. Default: 7 days.
     *
     * @param retention at least one millisecond
     * @return this builder
     * @throws IllegalArgumentException when {@code retention} is shorter than one millisecond
     */
    public HeraldBuilder deadLetterRetention(Duration retention) {
        Objects.requireNonNull(retention, "retention");
        if (retention.toMillis() < 1) {
            throw new IllegalArgumentException("deadLetterRetention must be at least 1 ms, was " + retention);
        }
        this.deadLetterRetention = retention;
        return this;
    }

    /**
     * TLS settings for a {@code rediss://} URI: trust store or CA file, client certificate and key,
     * protocols, for example
     * {@code SslOptions.builder().trustManager(caPem).keyManager(certPem, keyPem, null).build()}.
     * Herald replaces only the handshake timeout, with the {@link #connectTimeout connect timeout}.
     * Takes precedence over TLS settings in {@link #clientOptions}. Default: Lettuce's (the JDK's trust
     * store, no client certificate).
     *
     * @param sslOptions Lettuce's TLS options
     * @return this builder
     */
    public HeraldBuilder sslOptions(SslOptions sslOptions) {
        this.sslOptions = Objects.requireNonNull(sslOptions, "sslOptions");
        return this;
    }

    /**
     * How much of a dead letter's payload is kept. A larger payload is kept cut to this size, with its full
     * size and SHA-256 ({@link DeadLetter#size()}, {@link DeadLetter#sha256()}); such a letter is never
     * replayed. Default: 64 KiB.
     *
     * @param maxPayloadBytes at least 0; 0 keeps only the size and hash
     * @return this builder
     * @throws IllegalArgumentException when {@code maxPayloadBytes} is negative
     */
    public HeraldBuilder deadLetterMaxPayloadBytes(int maxPayloadBytes) {
        if (maxPayloadBytes < 0) {
            throw new IllegalArgumentException("deadLetterMaxPayloadBytes must not be negative, was " + maxPayloadBytes);
        }
        this.deadLetterMaxPayloadBytes = maxPayloadBytes;
        return this;
    }

    /**
     * Lettuce client options, for settings Herald has no method of its own for (socket keep-alive,
     * protocol version, request queue size, ...). Herald keeps what it relies on and overrides it:
     * {@code autoReconnect(true)}, {@code disconnectedBehavior(REJECT_COMMANDS)} (commands fail at once
     * while disconnected), {@code timeoutOptions} (the {@link #commandTimeout command timeout}), the
     * socket options' {@code connectTimeout} and the TLS options' {@code handshakeTimeout} (both the
     * {@link #connectTimeout connect timeout}); {@link #sslOptions} replaces the TLS options when given.
     * Default: Lettuce's.
     *
     * @param clientOptions Lettuce's client options
     * @return this builder
     */
    public HeraldBuilder clientOptions(ClientOptions clientOptions) {
        this.clientOptions = Objects.requireNonNull(clientOptions, "clientOptions");
        return this;
    }

    /**
     * The most handlers that run at once. Handlers run one at a time per subscription; a subscription that
     * has messages waits for a free thread, in turn with the others (each handles up to 64 messages or
     * about 2 ms, then goes behind the ones that wait). When subscriptions wait longer than a second, the
     * error handler gets a {@link HeraldError.Kind#SATURATED} report naming the handlers that hold the
     * threads and for how long. On platform threads this bounds the handler threads. Default: on platform
     * threads 4 per core and at least 16; on virtual threads (see {@link #virtualThreads(boolean)}) no bound
     * beyond one running handler per subscription.
     *
     * @param handlerThreads at least 1
     * @return this builder
     * @throws IllegalArgumentException when {@code handlerThreads} is less than 1
     */
    public HeraldBuilder handlerThreads(int handlerThreads) {
        this.handlerThreads = Checks.atLeastOne(handlerThreads, "handlerThreads");
        return this;
    }

    /**
     * The most publishes waiting for Redis: handed to the connection and not yet answered (or failed, or
     * timed out). Past it a publish fails at once, its stage with a {@link PublishFailedException} saying so
     * (a {@code void} publish goes to the error handler as {@link HeraldError.Kind#PUBLISH}), instead of
     * queueing without bound while Redis is slow, paused or unreachable. Applies to Redis; in memory a
     * publish is done when it returns. Default: 100,000.
     *
     * @param maxPendingPublishes at least 1
     * @return this builder
     * @throws IllegalArgumentException when {@code maxPendingPublishes} is less than 1
     */
    public HeraldBuilder maxPendingPublishes(int maxPendingPublishes) {
        this.maxPendingPublishes = Checks.atLeastOne(maxPendingPublishes, "maxPendingPublishes");
        return this;
    }

    /**
     * Whether handlers run on virtual threads when the JVM has them (Java 21 or newer, detected when the
     * first Herald starts; on Java 17 to 20 handlers always run on platform threads). A handler that blocks
     * then holds no platform thread. With {@code false} handlers run on platform daemon threads, at most
     * {@link #handlerThreads(int)} of them. Default: {@code true}.
     *
     * @param virtualThreads {@code false} to force platform threads
     * @return this builder
     */
    public HeraldBuilder virtualThreads(boolean virtualThreads) {
        this.virtualThreads = virtualThreads;
        return this;
    }

    /** Makes the handler threads instead of Herald, for tests that make starting a thread fail. */
    HeraldBuilder handlerThreadFactory(ThreadFactory threadFactory) {
        this.handlerThreadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
        return this;
    }

    /**
     * The most bytes (payloads and channel names) of the publishes waiting for Redis, as
     * {@link #maxPendingPublishes(int)} counts them; past it a publish fails at once the same way. One
     * publish larger than this is let through when nothing else waits. Default: 64 MiB.
     *
     * @param maxPendingPublishBytes at least 1
     * @return this builder
     * @throws IllegalArgumentException when {@code maxPendingPublishBytes} is less than 1
     */
    public HeraldBuilder maxPendingPublishBytes(long maxPendingPublishBytes) {
        this.maxPendingPublishBytes = Checks.atLeastOne(maxPendingPublishBytes, "maxPendingPublishBytes");
        return this;
    }

    /**
     * Counts and times what Herald does in Micrometer meters: publishes, deliveries, handler calls, failures,
     * retries, drops, dead letters and requests per declared channel (a template in its {@code {placeholder}} form,
     * never its values), and the subscriptions, buffered messages and reconnects of this Herald. The README's
     * "Metrics and traces" lists every meter. Micrometer ({@code io.micrometer:micrometer-core}) is an optional
     * dependency of Herald: an application that never calls this needs none. Default: no meters.
     *
     * @param meterRegistry where the meters go
     * @return this builder
     */
    public HeraldBuilder meterRegistry(MeterRegistry meterRegistry) {
        this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
        return this;
    }

    /**
     * Observes each publish ({@code herald.publish}, a producer observation) and each handler call
     * ({@code herald.process}, a consumer observation) with OpenTelemetry's messaging keys, so that Micrometer
     * Tracing makes spans of them. A request carries the trace context in its envelope, so its responder's
     * {@code herald.process} continues the requester's trace; a plain message is its payload's JSON alone and
     * carries none. Needs {@code io.micrometer:micrometer-observation} on the class path. Default: no observations.
     *
     * @param observationRegistry where the observations go
     * @return this builder
     */
    public HeraldBuilder observationRegistry(ObservationRegistry observationRegistry) {
        this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
        return this;
    }

    /**
     * Replaces how {@code herald.publish} observations are named and which keys they carry. A
     * {@link io.micrometer.observation.GlobalObservationConvention} registered on the observation registry does it
     * for every Herald. Default: {@link dev.herald.observation.DefaultHeraldPublishObservationConvention}.
     *
     * @param convention the convention
     * @return this builder
     */
    public HeraldBuilder publishObservationConvention(HeraldPublishObservationConvention convention) {
        this.publishObservationConvention = Objects.requireNonNull(convention, "convention");
        return this;
    }

    /**
     * Replaces how {@code herald.process} observations are named and which keys they carry. Default:
     * {@link dev.herald.observation.DefaultHeraldProcessObservationConvention}.
     *
     * @param convention the convention
     * @return this builder
     */
    public HeraldBuilder processObservationConvention(HeraldProcessObservationConvention convention) {
        this.processObservationConvention = Objects.requireNonNull(convention, "convention");
        return this;
    }

    /**
     * Builds the Herald; with Redis configured this connects.
     *
     * @return a new Herald
     * @throws IllegalArgumentException when the Redis URI is malformed
     * @throws HeraldException when Redis cannot be reached, the TLS handshake fails or Redis refuses the
     *     credentials (unless {@link #connectInBackground(boolean) connecting in the background}); the
     *     message names the cause and the fix, and never the password
     */
    public Herald build() {
        if (transport != null && redisUri != null) {
            throw new IllegalStateException("both redis(...) and transport(...) were given: choose one");
        }
        if (redisClusterSeeds != null && redisUri != null) {
            throw new IllegalStateException("both redis(...) and redisCluster(...) were given: choose one");
        }
        if (redisClusterSeeds != null && transport != null) {
            throw new IllegalStateException("both redisCluster(...) and transport(...) were given: choose one");
        }
        return runtime().start(new HeraldSettings(this));
    }

    /**
     * The consumer group this application's subscriptions to durable channels join, unless a subscription names
     * its own ({@link SubscriptionOptions.Builder#consumerGroup(String)}). Every group gets every message of a
     * durable channel; within a group each message goes to one consumer. Default: none, and subscribing to a durable
     * channel without a group fails with an {@link IllegalStateException} that names the channel.
     *
     * @param consumerGroup the group's name, such as {@code "shipping"}; not blank
     * @return this builder
     * @throws IllegalArgumentException when the name is blank
     */
    public HeraldBuilder consumerGroup(String consumerGroup) {
        this.consumerGroup = Checks.name(consumerGroup, "consumerGroup");
        return this;
    }

    /**
     * This Herald's consumer name in the groups it joins, unless a subscription names its own
     * ({@link SubscriptionOptions.Builder#consumerName(String)}). A stable name lets a restarted instance be the same
     * consumer; its entries left pending are claimed after {@link #claimIdle(Duration)} either way. Default: a name
     * unique to each Herald instance ({@code herald-} and a random UUID). A second subscription of this Herald to one
     * channel in one group gets the name followed by {@code -2}, and so on.
     *
     * @param consumerName the name; not blank
     * @return this builder
     * @throws IllegalArgumentException when the name is blank
     */
    public HeraldBuilder consumerName(String consumerName) {
        this.consumerName = Checks.name(consumerName, "consumerName");
        return this;
    }

    /**
     * How many times a durable channel's entry may be delivered (first reads and claims together) before it is
     * dead-lettered and acknowledged without calling its handler: a message that keeps crashing its consumers stops
     * there. Default: 5.
     *
     * @param maxDeliveries at least 1
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public HeraldBuilder maxDeliveries(int maxDeliveries) {
        this.maxDeliveries = Checks.atLeastOne(maxDeliveries, "maxDeliveries");
        return this;
    }

    /**
     * How long a durable channel's entry stays pending (delivered, not acknowledged) before a live consumer of its
     * group claims it, as from a consumer that crashed or hangs. Each consumer looks for such entries every half of it
     * (at most every 5 s), between reads. Keep it longer than handling a read's worth of entries
     * ({@link #durableReadCount(int)}) takes: an entry held longer may be claimed, and handled, by another consumer too.
     * Default: 30 seconds.
     *
     * @param claimIdle positive
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public HeraldBuilder claimIdle(Duration claimIdle) {
        this.claimIdle = Checks.positive(claimIdle, "claimIdle");
        return this;
    }

    /**
     * The most entries of a durable channel one subscription holds read and not yet acknowledged, which is also the
     * {@code COUNT} of its reads: a backlog of any size is consumed with a bounded heap. Default: 100.
     *
     * @param count at least 1
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public HeraldBuilder durableReadCount(int count) {
        this.durableReadCount = Checks.atLeastOne(count, "durableReadCount");
        return this;
    }

    /**
     * How often a subscription to every value of a durable template channel
     * ({@link TemplateChannel#subscribeAll(TemplateHandler)}) looks for streams of new values. Default: 5 seconds.
     *
     * @param interval positive
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public HeraldBuilder durableDiscoveryInterval(Duration interval) {
        this.durableDiscoveryInterval = Checks.positive(interval, "durableDiscoveryInterval");
        return this;
    }

    /**
     * How much of each durable channel's stream is kept, unless {@link #durableRetention(String, StreamRetention)}
     * sets it for the channel. Default: {@code StreamRetention.maxLength(1_000_000)}.
     *
     * @param retention the retention
     * @return this builder
     */
    public HeraldBuilder durableRetention(StreamRetention retention) {
        this.durableRetention = Objects.requireNonNull(retention, "retention");
        return this;
    }

    /**
     * How much of one durable channel's stream is kept.
     *
     * @param channel the channel as declared, without prefix; for a template channel, its template (such as
     *     {@code "orders:{region}"}) for every value, or one concrete value's name
     * @param retention the retention
     * @return this builder
     */
    public HeraldBuilder durableRetention(String channel, StreamRetention retention) {
        Objects.requireNonNull(channel, "channel");
        this.durableRetentions.put(channel, Objects.requireNonNull(retention, "retention"));
        return this;
    }

    /** The implementation, through {@link ServiceLoader}: the API does not name it. */
    private static HeraldRuntime runtime() {
        Iterator<HeraldRuntime> found = ServiceLoader.load(HeraldRuntime.class, HeraldBuilder.class.getClassLoader()).iterator();
        if (!found.hasNext()) {
            throw new IllegalStateException("no " + HeraldRuntime.class.getName() + " on the class path: herald-runtime's"
                    + " META-INF/services entry is missing (a shaded jar needs the shade plugin's"
                    + " ServicesResourceTransformer)");
        }
        return found.next();
    }
}
