package test;

import dev.herald.Herald;
import dev.herald.TypedChannel;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Publishes the channels of {@link OrderEvents} through a {@link Herald}; thread-safe, never blocks. */
@javax.annotation.processing.Generated("dev.herald.processor.HeraldProcessor")
public final class OrderEventsPublisher implements OrderEvents {
    private final TypedChannel<OrderCreated> orderCreatedChannel;
    private final TypedChannel<ShippingCalculated> shippingCalculatedChannel;
    private final TypedChannel<List<OrderCreated>> batchChannel;

    /**
     * Creates a publisher; binds each channel's codec once.
     * @param herald the Herald to publish through
     */
    public OrderEventsPublisher(Herald herald) {
        this.orderCreatedChannel = herald.channel(OrderEventsBinding.ORDER_CREATED);
        this.shippingCalculatedChannel = herald.channel(OrderEventsBinding.SHIPPING_CALCULATED);
        this.batchChannel = herald.channel(OrderEventsBinding.BATCH);
    }

    /** Publishes to {@code order:created}, fire-and-forget; failures to send go to the error handler. */
    public void orderCreated(OrderCreated event) {
        this.orderCreatedChannel.send(event);
    }

    /** Publishes to {@code order:shipping:calculated}; the stage completes when Redis accepted the message. */
    public CompletionStage<Void> shippingCalculated(ShippingCalculated e) {
        return this.shippingCalculatedChannel.sendAsync(e);
    }

    /** Publishes to {@code order:batch}, fire-and-forget; failures to send go to the error handler. */
    public void batch(List<OrderCreated> orders) {
        this.batchChannel.send(orders);
    }
}
