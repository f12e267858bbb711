package test;

import dev.herald.Herald;
import dev.herald.HeraldException;
import dev.herald.MessageHandler;
import dev.herald.Subscription;
import dev.herald.SubscriptionGroup;
import dev.herald.SubscriptionOptions;
import dev.herald.TypedChannel;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import javax.annotation.processing.Generated;

/**
 * Subscribes typed handlers to the channels of {@link OrderEvents}.
 * Handlers run on Herald's threads, one message at a time per subscription, in publish order.
 * Thread-safe.
 */
@Generated("dev.herald.processor.HeraldProcessor")
public final class OrderEventsSubscriber {
    private final SubscriptionGroup subscriptions = new SubscriptionGroup();

    private final TypedChannel<OrderCreated> orderCreatedChannel;

    private final TypedChannel<ShippingCalculated> shippingCalculatedChannel;

    private final TypedChannel<List<OrderCreated>> batchChannel;

    /**
     * Creates a subscriber with the Herald's buffer, overflow and retry settings.
     *
     * @param herald the Herald to subscribe on
     */
    public OrderEventsSubscriber(Herald herald) {
        this(herald, SubscriptionOptions.inherit());
    }

    /**
     * Creates a subscriber whose subscriptions use {@code options}; binds each channel's codec once.
     *
     * @param herald the Herald to subscribe on
     * @param options buffer, overflow and retry settings; unset values are the Herald's
     */
    public OrderEventsSubscriber(Herald herald, SubscriptionOptions options) {
        Objects.requireNonNull(herald, "herald");
        Objects.requireNonNull(options, "options");
        this.orderCreatedChannel = herald.channel(OrderEventsBinding.ORDER_CREATED).withOptions(options);
        this.shippingCalculatedChannel = herald.channel(OrderEventsBinding.SHIPPING_CALCULATED).withOptions(options);
        this.batchChannel = herald.channel(OrderEventsBinding.BATCH).withOptions(options);
    }

    /**
     * Subscribes a handler to {@code order:created}; returns once Redis acknowledged the SUBSCRIBE.
     *
     * @param handler receives each {@link OrderCreated} published on the channel
     * @return the subscription
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription orderCreated(MessageHandler<? super OrderCreated> handler) {
        return this.subscriptions.add(this.orderCreatedChannel.subscribe(handler));
    }

    /**
     * Subscribes a handler to {@code order:shipping:calculated}; returns once Redis acknowledged the SUBSCRIBE.
     *
     * @param handler receives each {@link ShippingCalculated} published on the channel
     * @return the subscription
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription shippingCalculated(MessageHandler<? super ShippingCalculated> handler) {
        return this.subscriptions.add(this.shippingCalculatedChannel.subscribe(handler));
    }

    /**
     * Subscribes a handler to {@code order:batch}; returns once Redis acknowledged the SUBSCRIBE.
     *
     * @param handler receives each {@code List<OrderCreated>} published on the channel
     * @return the subscription
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription batch(MessageHandler<? super List<OrderCreated>> handler) {
        return this.subscriptions.add(this.batchChannel.subscribe(handler));
    }

    /**
     * Ends every subscription this subscriber made.
     *
     * @return a stage that completes when Redis acknowledged the resulting UNSUBSCRIBEs
     */
    public CompletionStage<Void> unsubscribeAll() {
        return this.subscriptions.unsubscribeAll();
    }
}
