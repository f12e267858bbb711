package dev.herald.binding;

import dev.herald.ChannelDescriptor;
import dev.herald.Herald;
import dev.herald.RequestChannel;
import dev.herald.RequestDescriptor;
import dev.herald.RequestTemplate;
import dev.herald.Subscription;
import dev.herald.SubscriptionGroup;
import dev.herald.SubscriptionOptions;
import dev.herald.TemplateChannel;
import dev.herald.TypedChannel;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * The base class of every generated {@code XSubscriber}: it holds the Herald, the subscription options and the
 * subscriptions made, so that each generated method is one statement:
 *
 * <pre>{@code
 * public Subscription orderCreated(MessageHandler<? super OrderCreated> handler) {
 *     return add(channel(OrderEventsBinding.ORDER_CREATED).subscribe(handler));
 * }
 * }</pre>
 *
 * <p>A channel is bound when a handler subscribes to it, not when the subscriber is made: subscribing is rare,
 * and binding is cheap (the Herald makes the codec of a payload type once). Thread-safe.
 */
public abstract class GeneratedSubscriber {

    private final Herald herald;
    private final SubscriptionOptions options;
    private final SubscriptionGroup subscriptions = new SubscriptionGroup();

    /**
     * @param herald the Herald to subscribe on
     * @param options buffer, overflow and retry settings, and the consumer group of durable channels; unset values
     *     are the Herald's
     */
    protected GeneratedSubscriber(Herald herald, SubscriptionOptions options) {
        this.herald = Objects.requireNonNull(herald, "herald");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * @param descriptor a channel, plain or durable
     * @param <T> the payload type
     * @return the channel, with this subscriber's options
     */
    protected final <T> TypedChannel<T> channel(ChannelDescriptor<T> descriptor) {
        return herald.channel(descriptor).withOptions(options);
    }

    /**
     * @param descriptor a channel template, plain or durable
     * @param <T> the payload type
     * @return the template, with this subscriber's options
     */
    protected final <T> TemplateChannel<T> template(ChannelDescriptor<T> descriptor) {
        return herald.template(descriptor).withOptions(options);
    }

    /**
     * @param descriptor a request-reply channel
     * @param <T> the request type
     * @param <R> the reply type
     * @return the channel, with this subscriber's options
     */
    protected final <T, R> RequestChannel<T, R> requests(RequestDescriptor<T, R> descriptor) {
        return herald.requests(descriptor).withOptions(options);
    }

    /**
     * @param descriptor a request-reply channel template
     * @param <T> the request type
     * @param <R> the reply type
     * @return the template, with this subscriber's options
     */
    protected final <T, R> RequestTemplate<T, R> requestTemplate(RequestDescriptor<T, R> descriptor) {
        return herald.requestTemplate(descriptor).withOptions(options);
    }

    /**
     * Keeps a subscription this subscriber made, for {@link #unsubscribeAll()}.
     *
     * @param subscription the subscription
     * @return {@code subscription}
     */
    protected final Subscription add(Subscription subscription) {
        return subscriptions.add(subscription);
    }

    /**
     * Ends every subscription this subscriber made.
     *
     * @return a stage that completes when Redis acknowledged the resulting UNSUBSCRIBEs and every durable
     *     subscription stopped reading its stream
     */
    public final CompletionStage<Void> unsubscribeAll() {
        return subscriptions.unsubscribeAll();
    }
}
