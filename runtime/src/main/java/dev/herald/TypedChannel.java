package dev.herald;

import java.util.concurrent.CompletionStage;

/**
 * One channel with its payload type and codec bound: what generated publishers and subscribers call.
 * Obtain one with {@link Herald#channel(ChannelDescriptor)} or {@link Herald#channel(String, PayloadType)}.
 * Instances are thread-safe and cheap to keep.
 *
 * @param <T> the payload type
 */
public interface TypedChannel<T> {

    /** @return the channel name as sent to Redis, prefix included */
    String name();

    /**
     * The same channel, with other settings for the subscriptions made through it.
     *
     * @param options buffer, overflow and retry settings; unset values keep this channel's
     * @return a channel whose subscriptions use {@code options}
     */
    TypedChannel<T> withOptions(SubscriptionOptions options);

    /**
     * Publishes a message. Never blocks.
     *
     * @param message the payload; must not be {@code null}
     * @return a stage with the number of Redis clients that received it; it fails when the payload
     *     cannot be encoded, Herald is closed or Redis did not accept the command. On a durable channel
     *     ({@link ChannelDescriptor#isDurable()}) it completes with 1 once the stream stored the message, whoever
     *     reads it later
     * @throws NullPointerException when {@code message} is {@code null}
     */
    CompletionStage<Long> publish(T message);

    /**
     * Publishes a message fire-and-forget. Never blocks; failures go to the {@link ErrorHandler}.
     *
     * @param message the payload; must not be {@code null}
     * @throws NullPointerException when {@code message} is {@code null}
     */
    void send(T message);

    /**
     * Publishes a message and says when Redis accepted it, without the receiver count: what a generated
     * {@code CompletionStage<Void>} method returns. Never blocks.
     *
     * @param message the payload; must not be {@code null}
     * @return a stage that completes with {@code null} once Redis accepted the message; it fails when the
     *     payload cannot be encoded, Herald is closed or Redis did not accept the command
     * @throws NullPointerException when {@code message} is {@code null}
     */
    CompletionStage<Void> sendAsync(T message);

    /**
     * Subscribes a handler and waits until Redis acknowledged the SUBSCRIBE, so a message published after
     * this returns is received.
     *
     * @param handler receives each decoded message
     * @return the subscription
     * @throws HeraldException when Redis refused the SUBSCRIBE or did not acknowledge it in time
     * @throws IllegalStateException when Herald is closed, or when called on Lettuce's event loop
     */
    Subscription subscribe(MessageHandler<? super T> handler);

    /**
     * Subscribes a handler without waiting. Calls made while an earlier SUBSCRIBE is on its way are sent
     * together in the next one; while disconnected, the subscription is made on reconnect.
     *
     * @param handler receives each decoded message
     * @return a stage that completes with the subscription once Redis acknowledged the SUBSCRIBE, or fails
     *     with a {@link HeraldException}
     */
    CompletionStage<Subscription> subscribeAsync(MessageHandler<? super T> handler);
}
