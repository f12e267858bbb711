package test;

import dev.herald.Herald;
import dev.herald.TemplateChannel;
import dev.herald.TypedChannel;
import java.util.concurrent.CompletionStage;

/** Publishes the channels of {@link Shipments} through a {@link Herald}; thread-safe, never blocks. */
@javax.annotation.processing.Generated("dev.herald.processor.HeraldProcessor")
public final class ShipmentsPublisher implements Shipments {
    private final TypedChannel<ShipmentCreated> createdChannel;
    private final TypedChannel<ShipmentDelivered> deliveredChannel;
    private final TemplateChannel<ShipmentCreated> byWarehouseChannel;
    private final TypedChannel<ShipmentCreated> trackingChannel;

    /**
     * Creates a publisher; binds each channel's codec once.
     * @param herald the Herald to publish through
     */
    public ShipmentsPublisher(Herald herald) {
        this.createdChannel = herald.channel(ShipmentsBinding.CREATED);
        this.deliveredChannel = herald.channel(ShipmentsBinding.DELIVERED);
        this.byWarehouseChannel = herald.template(ShipmentsBinding.BY_WAREHOUSE);
        this.trackingChannel = herald.channel(ShipmentsBinding.TRACKING);
    }

    /** Appends to the stream of durable {@code shipment:created}, fire-and-forget; failures go to the error handler. */
    public void created(ShipmentCreated event) {
        this.createdChannel.send(event);
    }

    /** Appends to the stream of durable {@code shipment:delivered}; the stage completes when Redis stored the entry. */
    public CompletionStage<Void> delivered(ShipmentDelivered event) {
        return this.deliveredChannel.sendAsync(event);
    }

    /**
     * Appends to the stream of durable {@code warehouse:{warehouseId}:shipments}, fire-and-forget; failures go to the
     * error handler.
     * @throws IllegalArgumentException when a value is empty or would change the channel's meaning; nothing is sent
     */
    public void byWarehouse(String warehouseId, ShipmentCreated event) {
        this.byWarehouseChannel.send(event, warehouseId);
    }

    /** Publishes to {@code shipment:tracking}, fire-and-forget; failures to send go to the error handler. */
    public void tracking(ShipmentCreated event) {
        this.trackingChannel.send(event);
    }
}
