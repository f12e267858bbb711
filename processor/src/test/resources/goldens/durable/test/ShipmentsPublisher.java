package test;

import dev.herald.Herald;
import dev.herald.TemplateChannel;
import dev.herald.TypedChannel;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import javax.annotation.processing.Generated;

/**
 * Publishes the channels of {@link Shipments} through a {@link Herald}.
 * Thread-safe; publishing never blocks.
 */
@Generated("dev.herald.processor.HeraldProcessor")
public final class ShipmentsPublisher implements Shipments {
    private final TypedChannel<ShipmentCreated> createdChannel;

    private final TypedChannel<ShipmentDelivered> deliveredChannel;

    private final TemplateChannel<ShipmentCreated> byWarehouseChannel;

    private final TypedChannel<ShipmentCreated> trackingChannel;

    /**
     * Creates a publisher; binds each channel's codec once.
     *
     * @param herald the Herald to publish through
     */
    public ShipmentsPublisher(Herald herald) {
        Objects.requireNonNull(herald, "herald");
        this.createdChannel = herald.channel(ShipmentsBinding.CREATED);
        this.deliveredChannel = herald.channel(ShipmentsBinding.DELIVERED);
        this.byWarehouseChannel = herald.template(ShipmentsBinding.BY_WAREHOUSE);
        this.trackingChannel = herald.channel(ShipmentsBinding.TRACKING);
    }

    /**
     * Appends to the stream of durable channel {@code shipment:created}, fire-and-forget;
     * failures to append go to the error handler.
     */
    @Override
    public void created(ShipmentCreated event) {
        this.createdChannel.send(event);
    }

    /**
     * Appends to the stream of durable channel {@code shipment:delivered};
     * the stage completes when Redis stored the entry (XADD acknowledged).
     */
    @Override
    public CompletionStage<Void> delivered(ShipmentDelivered event) {
        return this.deliveredChannel.sendAsync(event);
    }

    /**
     * Appends to the stream of durable channel {@code warehouse:{warehouseId}:shipments}, fire-and-forget;
     * failures to append go to the error handler.
     *
     * @throws IllegalArgumentException when a value is empty or holds a character that would change
     *     the channel's meaning; nothing is sent
     */
    @Override
    public void byWarehouse(String warehouseId, ShipmentCreated event) {
        this.byWarehouseChannel.send(event, warehouseId);
    }

    /**
     * Publishes to {@code shipment:tracking}, fire-and-forget; failures to send go to the error handler.
     */
    @Override
    public void tracking(ShipmentCreated event) {
        this.trackingChannel.send(event);
    }
}
