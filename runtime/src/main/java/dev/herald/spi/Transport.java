package dev.herald.spi;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Moves bytes between channels: Redis through Lettuce, or in memory. Herald does the typing, the
 * reference counting of subscriptions and the dispatch to handlers above this interface; a transport
 * only sends PUBLISH, SUBSCRIBE and UNSUBSCRIBE and delivers what arrives.
 *
 * <p>Every method is non-blocking. Herald calls {@link #subscribe} and {@link #unsubscribe} for a
 * channel in the order it wants them applied; a transport must keep that order.
 *
 * <p>{@code subscribe} and {@code unsubscribe} declare what Herald <em>wants</em>; the transport owns
 * making the server agree and keeping it so: a subscription acknowledged after its stage failed, an
 * unsubscribe asked for while disconnected, a reconnect, a connection the server killed all end with
 * the server holding exactly the wanted channels and patterns. After
 * {@link TransportListener#onConnectionRestored()} it calls {@link TransportListener#onResubscribed} once
 * the server acknowledged the wanted set. A channel whose {@code subscribe} stage failed stays wanted
 * until Herald calls {@code unsubscribe} (it always does).
 */
public interface Transport extends AutoCloseable {

    /**
     * Starts delivering received messages. Called once, before any subscribe.
     *
     * @param listener receives each message; it must be called for one channel from one thread at a time
     */
    void start(TransportListener listener);

    /**
     * Publishes bytes.
     *
     * @param channel the full channel name
     * @param payload the bytes
     * @return a stage with the number of clients that received the message; it fails with a
     *     {@link dev.herald.PublishOutcomeUnknownException} when the message may have been delivered (sent, but
     *     no answer), and with another exception, preferably a {@link dev.herald.PublishFailedException}, only
     *     when it was not
     */
    CompletionStage<Long> publish(String channel, byte[] payload);

    /**
     * Publishes bytes when the receiver count is not wanted; a transport may make this cheaper than
     * {@link #publish}.
     *
     * @param channel the full channel name
     * @param payload the bytes
     * @return a stage that completes with {@code null} once the message was accepted, or fails as
     *     {@link #publish}'s does
     */
    default CompletionStage<Void> send(String channel, byte[] payload) {
        return publish(channel, payload).thenApply(receivers -> null);
    }

    /**
     * Publishes bytes fire-and-forget: nobody waits for the outcome, and only a failure is told, to
     * {@code onFailure}, on whichever thread learns of it (which must not block). A transport may make this cheaper
     * than {@link #send}, which needs a stage per message; the default attaches {@code onFailure} to that stage.
     *
     * @param channel the full channel name
     * @param payload the bytes
     * @param onFailure told the exception {@link #send}'s stage would fail with, once, if the publish fails
     */
    default void sendAndForget(String channel, byte[] payload, Consumer<? super Throwable> onFailure) {
        send(channel, payload).whenComplete((sent, failure) -> {
            if (failure != null) {
                onFailure.accept(failure);
            }
        });
    }

    /**
     * Subscribes the transport's connection to a channel.
     *
     * @param channel the full channel name
     * @return a stage that completes when the server acknowledged the subscription
     */
    CompletionStage<Void> subscribe(String channel);

    /**
     * Subscribes the transport's connection to many channels at once; a transport may send them in a few
     * commands instead of one each.
     *
     * @param channels the full channel names
     * @return a stage that completes when the server acknowledged every one of them
     */
    default CompletionStage<Void> subscribeAll(Collection<String> channels) {
        return CompletableFuture.allOf(channels.stream().map(c -> subscribe(c).toCompletableFuture())
                .toArray(CompletableFuture<?>[]::new));
    }

    /**
     * Unsubscribes the transport's connection from many channels at once.
     *
     * @param channels the full channel names
     * @return a stage that completes when the server acknowledged every one of them
     */
    default CompletionStage<Void> unsubscribeAll(Collection<String> channels) {
        return CompletableFuture.allOf(channels.stream().map(c -> unsubscribe(c).toCompletableFuture())
                .toArray(CompletableFuture<?>[]::new));
    }

    /**
     * Unsubscribes the transport's connection from a channel.
     *
     * @param channel the full channel name
     * @return a stage that completes when the server acknowledged it
     */
    CompletionStage<Void> unsubscribe(String channel);

    /**
     * Subscribes the transport's connection to a glob-style pattern ({@code PSUBSCRIBE}).
     *
     * @param pattern the full pattern
     * @return a stage that completes when the server acknowledged the subscription
     */
    CompletionStage<Void> psubscribe(String pattern);

    /**
     * Unsubscribes the transport's connection from a pattern ({@code PUNSUBSCRIBE}).
     *
     * @param pattern the full pattern
     * @return a stage that completes when the server acknowledged it
     */
    CompletionStage<Void> punsubscribe(String pattern);

    /**
     * Checks the connection.
     *
     * @return a stage with the server's answer
     */
    CompletionStage<String> ping();

    /**
     * Asks the server about the subscription connection.
     *
     * @param channels the full channel names to count subscribers of
     * @return what the server reports
     */
    CompletionStage<TransportHealth> health(Collection<String> channels);

    /** @return where this transport keeps dead letters */
    DeadLetterStore deadLetters();

    /**
     * Where this transport keeps durable channels, or {@code null} when it has none: Herald then refuses
     * durable channels with an error that names the transport.
     *
     * @return the durable log, or {@code null}, the default
     */
    default DurableLog durable() {
        return null;
    }

    /**
     * Tells whether the current thread belongs to the transport's I/O threads, where blocking is never
     * allowed.
     *
     * @return {@code true} on an I/O thread of this transport
     */
    boolean isIoThread();

    /**
     * Whether {@link #psubscribe} can deliver anything on this transport. One that cannot (Redis Cluster: its
     * sharded pub/sub has no pattern form, and a classic {@code PSUBSCRIBE} never sees a sharded message)
     * returns {@code false}, and Herald refuses every pattern subscription before it reaches the transport.
     *
     * @return {@code true}, the default, when pattern subscriptions work
     */
    default boolean supportsPatterns() {
        return true;
    }

    /** Closes connections and stops every thread the transport started. */
    @Override
    void close();

    /**
     * Holds back SUBSCRIBE and UNSUBSCRIBE commands until the returned action runs, so that what is asked for
     * meanwhile can go out merged into few commands. A transport that does not batch returns an action that
     * does nothing, which is the default.
     *
     * @return releases the hold; running it more than once does nothing
     */
    default Runnable holdSubscribes() {
        return () -> { };
    }

    /**
     * Says where this transport runs, for the line Herald logs when it starts, for example {@code "in memory"}
     * or {@code "Redis at cache.internal:6379"}. Never holds a password.
     *
     * @return a short description
     */
    default String description() {
        return getClass().getSimpleName();
    }
}
