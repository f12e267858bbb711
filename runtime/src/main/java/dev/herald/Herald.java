package dev.herald;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Typed Redis pub/sub: the entry point.
 *
 * <pre>{@code
 * try (Herald herald = Herald.connect("redis://127.0.0.1:6379")) {
 *     OrderEventsSubscriber subscriber = new OrderEventsSubscriber(herald);
 *     subscriber.orderCreated(event -> log.info("order {}", event.orderId()));
 *     new OrderEventsPublisher(herald).orderCreated(new OrderCreated(...));
 * }
 * }</pre>
 *
 * <p>A Herald runs over Redis through Lettuce, with one connection for publishing and one for all
 * subscriptions, or in memory with the same semantics. Handlers run on Herald's own threads, never on
 * Lettuce's event loop; each subscription receives its messages in publish order, one at a time.
 * Publishing never blocks. Instances are thread-safe; make one per application and close it on shutdown.
 *
 * <p><b>Subscriptions converge.</b> Herald keeps the set of channels and patterns it wants (subscribed by
 * at least one handler) and drives Redis's set for its pub/sub connection towards it on every path: a
 * SUBSCRIBE acknowledged after its caller gave up is undone, a reconnect subscribes what is wanted and
 * unsubscribes what Lettuce re-subscribed that is not. While the connection is down, {@code subscribe}
 * and {@code unsubscribe} are recorded and applied on reconnect: a {@code subscribeAsync} stage completes
 * once Redis acknowledged it after the reconnect, a blocking {@code subscribe} still waits at most the
 * command timeout (and then fails, leaving nothing subscribed), and an {@code unsubscribe} stage completes
 * at once (a dropped connection holds no subscription). Publishing during an outage fails at once.
 * {@link #health()} compares the wanted set with what Redis reports.
 */
public interface Herald extends AutoCloseable {

    /**
     * An in-memory Herald: no Redis, the same semantics, messages still encoded and decoded.
     *
     * @return a new in-memory Herald
     */
    static Herald inMemory() {
        return builder().build();
    }

    /**
     * Connects to Redis.
     *
     * @param redisUri a Redis URI such as {@code redis://:secret@cache.internal:6379/0}
     * @return a Herald connected to that Redis
     * @throws IllegalArgumentException when the URI is malformed
     * @throws HeraldException when Redis cannot be reached
     */
    static Herald connect(String redisUri) {
        return builder().redis(redisUri).build();
    }

    /**
     * Connects to the Redis named by the {@code REDIS_URL} environment variable, or to the Redis Cluster whose
     * comma-separated seed URIs {@code REDIS_CLUSTER_URL} holds, or runs in memory when neither is set (or
     * both are blank). The line Herald logs at INFO when it starts says which.
     *
     * @return a Herald on Redis, on a Redis Cluster or in memory
     * @throws IllegalArgumentException when both variables are set, or the one set does not hold Redis URIs
     * @throws HeraldException when the variable is set but Redis cannot be reached
     */
    static Herald fromEnvironment() {
        return fromEnvironment(System.getenv("REDIS_URL"), System.getenv("REDIS_CLUSTER_URL"));
    }

    /**
     * Like {@link #fromEnvironment()}, with the values of {@code REDIS_URL} and {@code REDIS_CLUSTER_URL} given.
     */
    private static Herald fromEnvironment(String redisUrl, String redisClusterUrl) {
        boolean single = redisUrl != null && !redisUrl.isBlank();
        boolean cluster = redisClusterUrl != null && !redisClusterUrl.isBlank();
        if (single && cluster) {
            throw new IllegalArgumentException("both REDIS_URL and REDIS_CLUSTER_URL are set: set REDIS_URL for one"
                    + " Redis server or REDIS_CLUSTER_URL (comma-separated seeds) for a Redis Cluster, not both");
        }
        String variable = cluster ? "REDIS_CLUSTER_URL" : "REDIS_URL";
        try {
            return cluster ? builder().redisCluster(redisClusterUrl.strip()).build()
                    : builder().redisOrInMemory(redisUrl).build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(variable + " is set but is not a Redis URI: " + e.getMessage(), e);
        }
    }

    /**
     * A builder for a configured Herald.
     *
     * @return a new builder; in memory unless {@link HeraldBuilder#redis(String)} is called
     */
    static HeraldBuilder builder() {
        return new HeraldBuilder();
    }

    /**
     * Binds a declared channel to this Herald: its full name and its codec are fixed once here.
     *
     * <p>A durable channel ({@link ChannelDescriptor#isDurable()}) is a stream, {@code herald:stream:} and the full
     * channel name: a publish appends to it and completes with 1 once it is stored; a subscription joins a consumer
     * group ({@link HeraldBuilder#consumerGroup(String)}, {@link SubscriptionOptions.Builder#consumerGroup(String)}),
     * and each message is acknowledged after its handler returned, retried, dead-lettered, or claimed from a consumer
     * that crashed ({@link HeraldBuilder#claimIdle(Duration)}).
     *
     * @param descriptor the channel, usually a constant of a generated binding
     * @param <T> the payload type
     * @return the typed channel
     * @throws IllegalStateException when the channel is durable and the transport keeps no streams (its
     *     {@code durable()} is null); the message names the transport
     */
    <T> TypedChannel<T> channel(ChannelDescriptor<T> descriptor);

    /**
     * Binds a dynamic channel name to a payload type.
     *
     * @param channel the channel name, without prefix
     * @param type the payload type
     * @param <T> the payload type
     * @return the typed channel
     * @throws IllegalArgumentException when {@code channel} is empty
     */
    <T> TypedChannel<T> channel(String channel, PayloadType<T> type);

    /**
     * Binds a declared channel template, such as {@code notifications:{userId}}, to this Herald.
     *
     * <p>A durable template has a stream per value; {@link TemplateChannel#subscribeAll} reads every one, finding new
     * values' streams when it subscribes and then every {@link HeraldBuilder#durableDiscoveryInterval(Duration)}.
     *
     * @param descriptor the channel, usually a constant of a generated binding; its name is the template
     * @param <T> the payload type
     * @return the template channel
     * @throws IllegalArgumentException when the name is not a valid template
     * @throws IllegalStateException when the channel is durable and the transport keeps no streams
     */
    <T> TemplateChannel<T> template(ChannelDescriptor<T> descriptor);

    /**
     * Binds a channel template to a payload type.
     *
     * @param template for example {@code tenant:{tenantId}:events}, without prefix
     * @param type the payload type
     * @param <T> the payload type
     * @return the template channel
     * @throws IllegalArgumentException when {@code template} is not a valid template
     */
    <T> TemplateChannel<T> template(String template, PayloadType<T> type);

    /**
     * Binds a declared request-reply channel to this Herald: its full name and both codecs are fixed once here.
     *
     * @param descriptor the channel, usually a constant of a generated binding
     * @param <T> the request payload type
     * @param <R> the reply payload type
     * @return the request channel, with the Herald's {@link HeraldBuilder#requestTimeout(Duration) request timeout}
     */
    <T, R> RequestChannel<T, R> requests(RequestDescriptor<T, R> descriptor);

    /**
     * Binds a dynamic request-reply channel name to its request and reply types.
     *
     * @param channel the channel name, without prefix
     * @param requestType the request payload type
     * @param replyType the reply payload type
     * @param <T> the request payload type
     * @param <R> the reply payload type
     * @return the request channel
     * @throws IllegalArgumentException when {@code channel} is not a valid channel name
     */
    <T, R> RequestChannel<T, R> requests(String channel, PayloadType<T> requestType, PayloadType<R> replyType);

    /**
     * Binds a declared request-reply template, such as {@code price:{region}:quote}, to this Herald.
     *
     * @param descriptor the channel, usually a constant of a generated binding; its name is the template
     * @param <T> the request payload type
     * @param <R> the reply payload type
     * @return the request template
     * @throws IllegalArgumentException when the name is not a valid template
     */
    <T, R> RequestTemplate<T, R> requestTemplate(RequestDescriptor<T, R> descriptor);

    /**
     * What this Herald's requests came to so far, including the replies it dropped.
     *
     * @return the counts; {@code pending} is the size of the map of requests waiting for a reply
     */
    RequestCounts requestCounts();

    /**
     * Publishes a payload as JSON. Never blocks.
     *
     * @param channel the channel name, without prefix
     * @param payload the payload; must not be {@code null}
     * @return a stage with the number of Redis clients that received the message
     * @throws IllegalArgumentException when {@code channel} breaks the channel grammar the processor checks
     *     {@code @Channel} against: it is empty, has an empty segment ({@code a::b}), holds a placeholder, or
     *     holds a character other than letters, digits, {@code - _ . @ / #} and the separator {@code :}
     */
    CompletionStage<Long> publish(String channel, Object payload);

    /**
     * Subscribes a handler to a channel and waits until Redis acknowledged the SUBSCRIBE.
     *
     * @param channel the channel name, without prefix
     * @param type the payload class
     * @param handler receives each decoded message
     * @param <T> the payload type
     * @return the subscription
     * @throws HeraldException when Redis refused the SUBSCRIBE or did not acknowledge it in time
     */
    <T> Subscription subscribe(String channel, Class<T> type, MessageHandler<? super T> handler);

    /**
     * Subscribes a handler to a channel of a generic payload type and waits until Redis acknowledged it.
     *
     * @param channel the channel name, without prefix
     * @param type the payload type, for example {@code new PayloadType<List<Item>>() {}}
     * @param handler receives each decoded message
     * @param <T> the payload type
     * @return the subscription
     * @throws HeraldException when Redis refused the SUBSCRIBE or did not acknowledge it in time
     */
    <T> Subscription subscribe(String channel, PayloadType<T> type, MessageHandler<? super T> handler);

    /**
     * Subscribes one handler per channel at once and waits until Redis acknowledged every channel. The
     * channels go to Redis in a few SUBSCRIBE commands (up to 1,000 channels each) instead of one round
     * trip each: the way to subscribe thousands of channels.
     *
     * @param handlers the handler of each channel; channel names without prefix
     * @param type the payload class
     * @param <T> the payload type
     * @return one subscription covering every channel; {@link Subscription#unsubscribe()} ends them all
     * @throws IllegalArgumentException when a channel name is not valid (nothing is subscribed then)
     * @throws HeraldException when Redis refused the SUBSCRIBE or did not acknowledge every channel in time
     *     (nothing stays subscribed then)
     */
    <T> Subscription subscribeAll(Map<String, ? extends MessageHandler<? super T>> handlers, Class<T> type);

    /**
     * Like {@link #subscribeAll}, without waiting.
     *
     * @param handlers the handler of each channel; channel names without prefix
     * @param type the payload class
     * @param <T> the payload type
     * @return a stage with one subscription covering every channel, once Redis acknowledged all of them
     * @throws IllegalArgumentException when a channel name is not valid (nothing is subscribed then)
     */
    <T> CompletionStage<Subscription> subscribeAllAsync(Map<String, ? extends MessageHandler<? super T>> handlers,
            Class<T> type);

    /**
     * Waits, up to the command timeout, until Redis acknowledged subscriptions made with the asynchronous
     * methods ({@link TypedChannel#subscribeAsync}, {@link TemplateChannel#subscribeAllAsync}, ...), as one.
     * Made one after the other without waiting, their SUBSCRIBE commands are merged into a few: the way a
     * generated {@code listen} subscribes every channel of an interface at once.
     *
     * @param subscriptions the stages of the subscriptions
     * @return one subscription covering all of them
     * @throws HeraldException when one failed or was not acknowledged in time; then none stays subscribed,
     *     those acknowledged later included
     */
    Subscription awaitSubscribed(List<? extends CompletionStage<Subscription>> subscriptions);

    /**
     * Ends every subscription of {@code handler} (compared by identity) to a channel.
     *
     * @param channel the channel name, without prefix
     * @param handler the handler given to {@code subscribe}
     * @return a stage that completes when Redis acknowledged the UNSUBSCRIBE, if one was needed
     */
    CompletionStage<Void> unsubscribe(String channel, MessageHandler<?> handler);

    /**
     * Ends every subscription to a channel and sends UNSUBSCRIBE to Redis. While disconnected, the
     * channel is recorded as unwanted and stays unsubscribed after the reconnect.
     *
     * @param channel the channel name, without prefix
     * @return a stage that completes when Redis acknowledged the UNSUBSCRIBE, or at once while disconnected
     */
    CompletionStage<Void> unsubscribe(String channel);

    /**
     * Subscribes a handler to every channel matching a Redis glob pattern ({@code PSUBSCRIBE}) and waits
     * until Redis acknowledged it. Subscriptions to one pattern share one PSUBSCRIBE.
     *
     * @param pattern for example {@code user:*:events}, without prefix (the prefix is put in front)
     * @param type the payload class
     * @param handler receives each decoded message with its channel
     * @param <T> the payload type
     * @return the subscription
     * @throws IllegalArgumentException when {@code pattern} is empty or holds whitespace or control characters
     * @throws HeraldException when Redis refused the PSUBSCRIBE or did not acknowledge it in time
     * @throws UnsupportedOperationException on a Redis Cluster ({@code [HeraldClusterPattern]}): its sharded pub/sub
     *     has no patterns, so nothing is subscribed
     */
    <T> Subscription psubscribe(String pattern, Class<T> type, PatternHandler<? super T> handler);

    /**
     * Subscribes a handler to every channel matching a pattern, for a generic payload type.
     *
     * @param pattern the pattern, without prefix
     * @param type the payload type
     * @param handler receives each decoded message with its channel
     * @param <T> the payload type
     * @return the subscription
     * @throws HeraldException when Redis refused the PSUBSCRIBE or did not acknowledge it in time
     * @throws UnsupportedOperationException on a Redis Cluster ({@code [HeraldClusterPattern]}): its sharded pub/sub
     *     has no patterns, so nothing is subscribed
     */
    <T> Subscription psubscribe(String pattern, PayloadType<T> type, PatternHandler<? super T> handler);

    /**
     * Ends every subscription of {@code handler} (compared by identity) to a pattern.
     *
     * @param pattern the pattern, without prefix
     * @param handler the handler given to {@code psubscribe}
     * @return a stage that completes when Redis acknowledged the PUNSUBSCRIBE, if one was needed
     */
    CompletionStage<Void> punsubscribe(String pattern, PatternHandler<?> handler);

    /**
     * Ends every subscription to a pattern and sends PUNSUBSCRIBE to Redis.
     *
     * @param pattern the pattern, without prefix
     * @return a stage that completes when Redis acknowledged the PUNSUBSCRIBE
     */
    CompletionStage<Void> punsubscribe(String pattern);

    /**
     * Subscribes an implementation of a channel interface to every channel it declares, through the
     * binding the processor generated for it.
     *
     * @param channelInterface the interface annotated with {@code @Channel} methods
     * @param implementation receives each message through the method that declares its channel
     * @param <T> the interface type
     * @return one subscription covering every channel of the interface
     * @throws IllegalArgumentException when no generated binding exists for {@code channelInterface}
     * @throws HeraldException when a SUBSCRIBE fails (the ones already made are undone)
     */
    <T> Subscription listen(Class<T> channelInterface, T implementation);

    /**
     * The messages no handler could take: payloads that did not decode, and messages whose handler still
     * failed after its last retry. They are kept per declared name (a channel, a channel template such as
     * {@code notifications:{userId}}, or a pattern), never per concrete channel: on Redis in one stream
     * {@code herald:dead-letters:<name>} each, in memory in a list, bounded by
     * {@link HeraldBuilder#deadLetterLimit(int)}, {@link HeraldBuilder#deadLetterRetention(java.time.Duration)}
     * and {@link HeraldBuilder#deadLetterMaxPayloadBytes(int)}.
     *
     * @return the dead letters
     */
    DeadLetters deadLetters();

    /**
     * Asks the server whether every channel and pattern this Herald holds is really subscribed: the
     * server's own count for this Herald's connection, and a subscriber count per channel.
     *
     * @return a stage with the server's view, or failing when the server cannot be asked
     */
    CompletionStage<Health> health();

    /**
     * Checks the connection.
     *
     * @return a stage with Redis's answer, {@code "PONG"}
     */
    CompletionStage<String> ping();

    /**
     * Closes gracefully: stops new publishes and subscriptions, unsubscribes, lets the handlers that are
     * running finish (bounded by {@link HeraldBuilder#shutdownTimeout}), drops and reports what was
     * still buffered, then closes the connections. No Herald or Lettuce thread outlives it, except a
     * handler that ignores the interrupt: its daemon thread runs on, and {@link #shutdown(Duration)}'s
     * report names it. Idempotent.
     */
    @Override
    void close();

    /**
     * Closes gracefully like {@link #close()}, with its own deadline, and says what happened. A second
     * call returns the first call's report.
     *
     * @param deadline how long running handlers may take to finish before they are interrupted
     * @return how many buffered messages were not handled, whether handlers had to be interrupted, and
     *     which ones still ran when it gave up on them
     */
    ShutdownReport shutdown(Duration deadline);
}
