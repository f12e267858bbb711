package dev.herald;

import java.util.concurrent.CompletionStage;

/**
 * A templated channel such as {@code notifications:{userId}} with its payload type and codec bound:
 * what generated publishers and subscribers call for template methods. Obtain one with
 * {@link Herald#template(ChannelDescriptor)}. Values are given in placeholder order and checked by
 * {@link ChannelTemplate#resolve} before anything is sent.
 *
 * @param <T> the payload type
 */
public interface TemplateChannel<T> {

    /** @return the template */
    ChannelTemplate template();

    /**
     * The same template, with other settings for the subscriptions made through it.
     *
     * @param options buffer, overflow and retry settings; unset values keep this channel's
     * @return a template channel whose subscriptions use {@code options}
     */
    TemplateChannel<T> withOptions(SubscriptionOptions options);

    /**
     * Publishes to one channel of the template. Never blocks.
     *
     * @param message the payload; must not be {@code null}
     * @param values the placeholder values, in order
     * @return a stage with the number of Redis clients that received the message; on a durable channel
     *     ({@link ChannelDescriptor#isDurable()}), 1 once the stream stored it
     * @throws IllegalArgumentException naming the placeholder when a value is empty or unsafe
     */
    CompletionStage<Long> publish(T message, Object... values);

    /**
     * Publishes to one channel of the template, fire-and-forget; failures go to the {@link ErrorHandler}.
     *
     * @param message the payload; must not be {@code null}
     * @param values the placeholder values, in order
     * @throws IllegalArgumentException naming the placeholder when a value is empty or unsafe
     */
    void send(T message, Object... values);

    /**
     * Publishes to one channel of the template and says when Redis accepted the message, without the
     * receiver count: what a generated {@code CompletionStage<Void>} method returns. Never blocks.
     *
     * @param message the payload; must not be {@code null}
     * @param values the placeholder values, in order
     * @return a stage that completes with {@code null} once Redis accepted the message, or fails
     * @throws IllegalArgumentException naming the placeholder when a value is empty or unsafe
     */
    CompletionStage<Void> sendAsync(T message, Object... values);

    /**
     * Subscribes to one channel of the template and waits until Redis acknowledged it.
     *
     * @param handler receives each decoded message
     * @param values the placeholder values, in order
     * @return the subscription
     * @throws IllegalArgumentException naming the placeholder when a value is empty or unsafe
     * @throws HeraldException when Redis refused the SUBSCRIBE or did not acknowledge it in time
     */
    Subscription subscribe(MessageHandler<? super T> handler, Object... values);

    /**
     * Subscribes to every channel of the template with one PSUBSCRIBE and waits until Redis acknowledged it.
     *
     * @param handler receives each decoded message with the placeholder values of its channel
     * @return the subscription
     * @throws HeraldException when Redis refused the PSUBSCRIBE or did not acknowledge it in time
     * @throws UnsupportedOperationException on a Redis Cluster ({@code [HeraldClusterPattern]}): its sharded pub/sub
     *     has no patterns, so nothing is subscribed
     */
    Subscription subscribeAll(TemplateHandler<? super T> handler);

    /**
     * Like {@link #subscribeAll}, without waiting.
     *
     * @param handler receives each decoded message with the placeholder values of its channel
     * @return a stage with the subscription, once Redis acknowledged the PSUBSCRIBE
     * @throws UnsupportedOperationException on a Redis Cluster ({@code [HeraldClusterPattern]}), at once
     */
    CompletionStage<Subscription> subscribeAllAsync(TemplateHandler<? super T> handler);
}
