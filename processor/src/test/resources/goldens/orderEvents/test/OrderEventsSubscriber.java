package test;

import dev.herald.Herald;
import dev.herald.HeraldException;
import dev.herald.MessageHandler;
import dev.herald.Subscription;
import dev.herald.SubscriptionOptions;
import dev.herald.binding.GeneratedSubscriber;
import java.util.List;

/**
 * Subscribes typed handlers to the channels of {@link OrderEvents}. Handlers run on Herald's threads, one
 * message at a time per subscription, in publish order. Thread-safe.
 */
@javax.annotation.processing.Generated("dev.herald.processor.HeraldProcessor")
public final class OrderEventsSubscriber extends GeneratedSubscriber {
    /**
     * Creates a subscriber with the Herald's buffer, overflow and retry settings.
     * @param herald the Herald to subscribe on
     */
    public OrderEventsSubscriber(Herald herald) {
        super(herald, SubscriptionOptions.inherit());
    }

    /**
     * Creates a subscriber whose subscriptions use {@code options}.
     * @param herald the Herald to subscribe on
     * @param options buffer, overflow and retry settings; unset values are the Herald's
     */
    public OrderEventsSubscriber(Herald herald, SubscriptionOptions options) {
        super(herald, options);
    }

    /**
     * {@return the subscription of a handler to {@code order:created}, once Redis acknowledged the SUBSCRIBE}
     * @param handler receives each {@link OrderCreated} published on the channel
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription orderCreated(MessageHandler<? super OrderCreated> handler) {
        return add(channel(OrderEventsBinding.ORDER_CREATED).subscribe(handler));
    }

    /**
     * {@return the subscription of a handler to {@code order:shipping:calculated}, once Redis acknowledged the
     * SUBSCRIBE}
     * @param handler receives each {@link ShippingCalculated} published on the channel
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription shippingCalculated(MessageHandler<? super ShippingCalculated> handler) {
        return add(channel(OrderEventsBinding.SHIPPING_CALCULATED).subscribe(handler));
    }

    /**
     * {@return the subscription of a handler to {@code order:batch}, once Redis acknowledged the SUBSCRIBE}
     * @param handler receives each {@code List<OrderCreated>} published on the channel
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription batch(MessageHandler<? super List<OrderCreated>> handler) {
        return add(channel(OrderEventsBinding.BATCH).subscribe(handler));
    }
}
