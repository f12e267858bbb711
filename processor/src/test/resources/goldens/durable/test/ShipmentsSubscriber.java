package test;

import dev.herald.Herald;
import dev.herald.HeraldException;
import dev.herald.MessageHandler;
import dev.herald.Subscription;
import dev.herald.SubscriptionOptions;
import dev.herald.binding.GeneratedSubscriber;

/**
 * Subscribes typed handlers to the channels of {@link Shipments}. Handlers run on Herald's threads, one
 * message at a time per subscription, in publish order. Thread-safe.
 * Durable channels deliver at least once: a handler may see a message again.
 */
@javax.annotation.processing.Generated("dev.herald.processor.HeraldProcessor")
public final class ShipmentsSubscriber extends GeneratedSubscriber {
    /**
     * Creates a subscriber with the Herald's buffer, overflow and retry settings.
     * @param herald the Herald to subscribe on
     */
    public ShipmentsSubscriber(Herald herald) {
        super(herald, SubscriptionOptions.inherit());
    }

    /**
     * Creates a subscriber whose subscriptions use {@code options}.
     * @param herald the Herald to subscribe on
     * @param options buffer, overflow and retry settings, and the consumer group of durable channels;
     *     unset values are the Herald's
     */
    public ShipmentsSubscriber(Herald herald, SubscriptionOptions options) {
        super(herald, options);
    }

    /**
     * {@return the subscription of a handler to durable {@code shipment:created}}
     * The subscription joins the consumer group ({@code Herald.builder().consumerGroup(...)}, or the
     * {@code consumerGroup} of this subscriber's {@link SubscriptionOptions}); each message is delivered at
     * least once, to one consumer of the group, and acknowledged after the handler returned.
     * @param handler receives each {@link ShipmentCreated} published on the channel
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription created(MessageHandler<? super ShipmentCreated> handler) {
        return add(channel(ShipmentsBinding.CREATED).subscribe(handler));
    }

    /**
     * {@return the subscription of a handler to durable {@code shipment:delivered}}
     * The subscription joins the consumer group ({@code Herald.builder().consumerGroup(...)}, or the
     * {@code consumerGroup} of this subscriber's {@link SubscriptionOptions}); each message is delivered at
     * least once, to one consumer of the group, and acknowledged after the handler returned.
     * @param handler receives each {@link ShipmentDelivered} published on the channel
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription delivered(MessageHandler<? super ShipmentDelivered> handler) {
        return add(channel(ShipmentsBinding.DELIVERED).subscribe(handler));
    }

    /**
     * {@return the subscription of a handler to one channel of durable {@code warehouse:{warehouseId}:shipments}}
     * The subscription joins the consumer group ({@code Herald.builder().consumerGroup(...)}, or the
     * {@code consumerGroup} of this subscriber's {@link SubscriptionOptions}); each message is delivered at
     * least once, to one consumer of the group, and acknowledged after the handler returned.
     * @param warehouseId the value of {@code {warehouseId}}
     * @param handler receives each {@link ShipmentCreated} published on the channel
     * @throws IllegalArgumentException when a value is empty or would change the channel's meaning
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription byWarehouse(String warehouseId,
            MessageHandler<? super ShipmentCreated> handler) {
        return add(template(ShipmentsBinding.BY_WAREHOUSE).subscribe(handler, warehouseId));
    }

    /**
     * {@return the subscription of a handler to every channel of durable {@code warehouse:{warehouseId}:shipments}} The
     * handler receives the placeholder values of each message's channel, typed; a channel whose values do not parse
     * goes to the error handler.
     * The subscription joins the consumer group ({@code Herald.builder().consumerGroup(...)}, or the
     * {@code consumerGroup} of this subscriber's {@link SubscriptionOptions}); each message is delivered at
     * least once, to one consumer of the group, and acknowledged after the handler returned.
     * @param handler receives each message with its channel's values
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription byWarehouseAny(ByWarehouseHandler handler) {
        return add(template(ShipmentsBinding.BY_WAREHOUSE).subscribeAll((values, message) ->
                handler.onMessage(values.string(0), message)));
    }

    /**
     * {@return the subscription of a handler to {@code shipment:tracking}, once Redis acknowledged the SUBSCRIBE}
     * @param handler receives each {@link ShipmentCreated} published on the channel
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription tracking(MessageHandler<? super ShipmentCreated> handler) {
        return add(channel(ShipmentsBinding.TRACKING).subscribe(handler));
    }

    /**
     * Receives the messages of every channel of {@code warehouse:{warehouseId}:shipments},
     * with its placeholder values typed.
     */
    @FunctionalInterface
    public interface ByWarehouseHandler {
        /**
         * Handles one message of a channel of {@code warehouse:{warehouseId}:shipments}.
         *
         * @param warehouseId the value of {@code {warehouseId}} in the channel
         * @param event the decoded payload
         * @throws Exception anything; it goes to the error handler and the subscription lives on
         */
        void onMessage(String warehouseId, ShipmentCreated event) throws Exception;
    }
}
