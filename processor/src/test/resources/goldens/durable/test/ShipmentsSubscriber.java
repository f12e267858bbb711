package test;

import dev.herald.Herald;
import dev.herald.HeraldException;
import dev.herald.MessageHandler;
import dev.herald.Subscription;
import dev.herald.SubscriptionGroup;
import dev.herald.SubscriptionOptions;
import dev.herald.TemplateChannel;
import dev.herald.TypedChannel;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import javax.annotation.processing.Generated;

/**
 * Subscribes typed handlers to the channels of {@link Shipments}.
 * Handlers run on Herald's threads, one message at a time per subscription, in publish order.
 * Thread-safe.
 * Durable channels deliver at least once: a handler may see a message again.
 */
@Generated("dev.herald.processor.HeraldProcessor")
public final class ShipmentsSubscriber {
    private final SubscriptionGroup subscriptions = new SubscriptionGroup();

    private final TypedChannel<ShipmentCreated> createdChannel;

    private final TypedChannel<ShipmentDelivered> deliveredChannel;

    private final TemplateChannel<ShipmentCreated> byWarehouseChannel;

    private final TypedChannel<ShipmentCreated> trackingChannel;

    /**
     * Creates a subscriber with the Herald's buffer, overflow and retry settings.
     *
     * @param herald the Herald to subscribe on
     */
    public ShipmentsSubscriber(Herald herald) {
        this(herald, SubscriptionOptions.inherit());
    }

    /**
     * Creates a subscriber whose subscriptions use {@code options}; binds each channel's codec once.
     *
     * @param herald the Herald to subscribe on
     * @param options buffer, overflow and retry settings, and the consumer group of durable channels;
     *     unset values are the Herald's
     */
    public ShipmentsSubscriber(Herald herald, SubscriptionOptions options) {
        Objects.requireNonNull(herald, "herald");
        Objects.requireNonNull(options, "options");
        this.createdChannel = herald.channel(ShipmentsBinding.CREATED).withOptions(options);
        this.deliveredChannel = herald.channel(ShipmentsBinding.DELIVERED).withOptions(options);
        this.byWarehouseChannel = herald.template(ShipmentsBinding.BY_WAREHOUSE).withOptions(options);
        this.trackingChannel = herald.channel(ShipmentsBinding.TRACKING).withOptions(options);
    }

    /**
     * Subscribes a handler to durable {@code shipment:created}.
     * The subscription joins the consumer group ({@code Herald.builder().consumerGroup(...)}, or the
     * {@code consumerGroup} of this subscriber's {@link SubscriptionOptions}); each message is delivered at
     * least once, to one consumer of the group, and acknowledged after the handler returned.
     *
     * @param handler receives each {@link ShipmentCreated} published on the channel
     * @return the subscription
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription created(MessageHandler<? super ShipmentCreated> handler) {
        return this.subscriptions.add(this.createdChannel.subscribe(handler));
    }

    /**
     * Subscribes a handler to durable {@code shipment:delivered}.
     * The subscription joins the consumer group ({@code Herald.builder().consumerGroup(...)}, or the
     * {@code consumerGroup} of this subscriber's {@link SubscriptionOptions}); each message is delivered at
     * least once, to one consumer of the group, and acknowledged after the handler returned.
     *
     * @param handler receives each {@link ShipmentDelivered} published on the channel
     * @return the subscription
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription delivered(MessageHandler<? super ShipmentDelivered> handler) {
        return this.subscriptions.add(this.deliveredChannel.subscribe(handler));
    }

    /**
     * Subscribes a handler to one channel of durable {@code warehouse:{warehouseId}:shipments}.
     * The subscription joins the consumer group ({@code Herald.builder().consumerGroup(...)}, or the
     * {@code consumerGroup} of this subscriber's {@link SubscriptionOptions}); each message is delivered at
     * least once, to one consumer of the group, and acknowledged after the handler returned.
     *
     * @param warehouseId the value of {@code {warehouseId}}
     * @param handler receives each {@link ShipmentCreated} published on the channel
     * @return the subscription
     * @throws IllegalArgumentException when a value is empty or holds a character that would change
     *     the channel's meaning
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription byWarehouse(String warehouseId,
            MessageHandler<? super ShipmentCreated> handler) {
        return this.subscriptions.add(this.byWarehouseChannel.subscribe(handler, warehouseId));
    }

    /**
     * Subscribes a handler to every channel of durable {@code warehouse:{warehouseId}:shipments}.
     * The handler receives the placeholder values of each message's channel, typed. A channel whose
     * values do not parse goes to the error handler.
     * The subscription joins the consumer group ({@code Herald.builder().consumerGroup(...)}, or the
     * {@code consumerGroup} of this subscriber's {@link SubscriptionOptions}); each message is delivered at
     * least once, to one consumer of the group, and acknowledged after the handler returned.
     *
     * @param handler receives each message with its channel's values
     * @return the subscription
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription byWarehouseAny(ByWarehouseHandler handler) {
        return this.subscriptions.add(this.byWarehouseChannel.subscribeAll((values, message) ->
                handler.onMessage(values.string(0), message)));
    }

    /**
     * Subscribes a handler to {@code shipment:tracking}; returns once Redis acknowledged the SUBSCRIBE.
     *
     * @param handler receives each {@link ShipmentCreated} published on the channel
     * @return the subscription
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription tracking(MessageHandler<? super ShipmentCreated> handler) {
        return this.subscriptions.add(this.trackingChannel.subscribe(handler));
    }

    /**
     * Ends every subscription this subscriber made.
     *
     * @return a stage that completes when Redis acknowledged the resulting UNSUBSCRIBEs and every
     *     durable subscription stopped reading its stream
     */
    public CompletionStage<Void> unsubscribeAll() {
        return this.subscriptions.unsubscribeAll();
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
