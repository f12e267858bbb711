package test;

import dev.herald.ChannelDescriptor;
import dev.herald.Herald;
import dev.herald.PayloadType;
import dev.herald.Subscription;
import dev.herald.binding.BindingSupport;
import dev.herald.binding.HeraldBinding;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import javax.annotation.processing.Generated;

/**
 * The channels of {@link Shipments}, for the runtime: found through
 * {@code META-INF/services/dev.herald.binding.HeraldBinding}, used by
 * {@code herald.listen(Shipments.class, implementation)} and by the generated publisher and subscriber.
 */
@Generated("dev.herald.processor.HeraldProcessor")
public final class ShipmentsBinding implements HeraldBinding<Shipments> {
    /**
     * Durable channel {@code shipment:created} of {@link Shipments#created}.
     */
    public static final ChannelDescriptor<ShipmentCreated> CREATED = ChannelDescriptor.durable(
            "shipment:created", PayloadType.of(ShipmentCreated.class), Shipments.class, "created");

    /**
     * Durable channel {@code shipment:delivered} of {@link Shipments#delivered}.
     */
    public static final ChannelDescriptor<ShipmentDelivered> DELIVERED = ChannelDescriptor.durable(
            "shipment:delivered", PayloadType.of(ShipmentDelivered.class), Shipments.class,
            "delivered");

    /**
     * Durable channel {@code warehouse:{warehouseId}:shipments} of {@link Shipments#byWarehouse}.
     */
    public static final ChannelDescriptor<ShipmentCreated> BY_WAREHOUSE = ChannelDescriptor.durable(
            "warehouse:{warehouseId}:shipments", PayloadType.of(ShipmentCreated.class),
            Shipments.class, "byWarehouse");

    /**
     * Channel {@code shipment:tracking} of {@link Shipments#tracking}.
     */
    public static final ChannelDescriptor<ShipmentCreated> TRACKING = ChannelDescriptor.of(
            "shipment:tracking", PayloadType.of(ShipmentCreated.class), Shipments.class,
            "tracking");

    /**
     * Creates the binding; called by {@link ServiceLoader}.
     */
    public ShipmentsBinding() {
    }

    @Override
    public Class<Shipments> channelInterface() {
        return Shipments.class;
    }

    @Override
    public List<ChannelDescriptor<?>> channels() {
        return List.of(
                CREATED,
                DELIVERED,
                BY_WAREHOUSE,
                TRACKING);
    }

    @Override
    public Subscription listen(Herald herald, Shipments implementation) {
        Objects.requireNonNull(herald, "herald");
        Objects.requireNonNull(implementation, "implementation");
        BindingSupport.Subscriptions made = new BindingSupport.Subscriptions(herald);
        try {
            made.add(herald.channel(CREATED).subscribeAsync(implementation::created));
            made.add(herald.channel(DELIVERED).subscribeAsync(message ->
                    BindingSupport.await(implementation.delivered(message))));
            made.add(herald.template(BY_WAREHOUSE).subscribeAllAsync((values, message) ->
                    implementation.byWarehouse(values.string(0), message)));
            made.add(herald.channel(TRACKING).subscribeAsync(implementation::tracking));
        } catch (RuntimeException | Error e) {
            made.undo(e);
            throw e;
        }
        return made.all(herald);
    }

    @Override
    public Shipments publisher(Herald herald) {
        return new ShipmentsPublisher(herald);
    }
}
