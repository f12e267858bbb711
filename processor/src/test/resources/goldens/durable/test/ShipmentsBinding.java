package test;

import dev.herald.ChannelDescriptor;
import dev.herald.Herald;
import dev.herald.binding.BindingSupport;
import dev.herald.binding.GeneratedBinding;

/** The channels of {@link Shipments}, for the runtime (found as a service) and the generated classes. */
@javax.annotation.processing.Generated("dev.herald.processor.HeraldProcessor")
public final class ShipmentsBinding extends GeneratedBinding<Shipments> {
    /** Durable channel {@code shipment:created} of {@link Shipments#created}. */
    public static final ChannelDescriptor<ShipmentCreated> CREATED = durable("shipment:created",
            ShipmentCreated.class, Shipments.class, "created");
    /** Durable channel {@code shipment:delivered} of {@link Shipments#delivered}. */
    public static final ChannelDescriptor<ShipmentDelivered> DELIVERED = durable("shipment:delivered",
            ShipmentDelivered.class, Shipments.class, "delivered");
    /** Durable channel {@code warehouse:{warehouseId}:shipments} of {@link Shipments#byWarehouse}. */
    public static final ChannelDescriptor<ShipmentCreated> BY_WAREHOUSE = durable("warehouse:{warehouseId}:shipments",
            ShipmentCreated.class, Shipments.class, "byWarehouse");
    /** Channel {@code shipment:tracking} of {@link Shipments#tracking}. */
    public static final ChannelDescriptor<ShipmentCreated> TRACKING = channel("shipment:tracking",
            ShipmentCreated.class, Shipments.class, "tracking");

    /** Creates the binding; called by {@link java.util.ServiceLoader}. */
    public ShipmentsBinding() {
        super(Shipments.class, ShipmentsPublisher::new, CREATED, DELIVERED, BY_WAREHOUSE, TRACKING);
    }

    @Override
    protected void listen(BindingSupport.Subscriptions made, Herald herald, Shipments listener) {
        made.add(herald.channel(CREATED).subscribeAsync(listener::created));
        made.add(herald.channel(DELIVERED).subscribeAsync(message ->
                await(listener.delivered(message))));
        made.add(herald.template(BY_WAREHOUSE).subscribeAllAsync((values, message) ->
                listener.byWarehouse(values.string(0), message)));
        made.add(herald.channel(TRACKING).subscribeAsync(listener::tracking));
    }
}
