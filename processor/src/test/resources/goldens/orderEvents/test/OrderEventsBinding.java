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
 * The channels of {@link OrderEvents}, for the runtime: found through
 * {@code META-INF/services/dev.herald.binding.HeraldBinding}, used by
 * {@code herald.listen(OrderEvents.class, implementation)} and by the generated publisher and subscriber.
 */
@Generated("dev.herald.processor.HeraldProcessor")
public final class OrderEventsBinding implements HeraldBinding<OrderEvents> {
    /**
     * Channel {@code order:created} of {@link OrderEvents#orderCreated}.
     */
    public static final ChannelDescriptor<OrderCreated> ORDER_CREATED = ChannelDescriptor.of(
            "order:created", PayloadType.of(OrderCreated.class), OrderEvents.class, "orderCreated");

    /**
     * Channel {@code order:shipping:calculated} of {@link OrderEvents#shippingCalculated}.
     */
    public static final ChannelDescriptor<ShippingCalculated> SHIPPING_CALCULATED = ChannelDescriptor.of(
            "order:shipping:calculated", PayloadType.of(ShippingCalculated.class),
            OrderEvents.class, "shippingCalculated");

    /**
     * Channel {@code order:batch} of {@link OrderEvents#batch}.
     */
    public static final ChannelDescriptor<List<OrderCreated>> BATCH = ChannelDescriptor.of(
            "order:batch", new PayloadType<List<OrderCreated>>() {}, OrderEvents.class, "batch");

    /**
     * Creates the binding; called by {@link ServiceLoader}.
     */
    public OrderEventsBinding() {
    }

    @Override
    public Class<OrderEvents> channelInterface() {
        return OrderEvents.class;
    }

    @Override
    public List<ChannelDescriptor<?>> channels() {
        return List.of(
                ORDER_CREATED,
                SHIPPING_CALCULATED,
                BATCH);
    }

    @Override
    public Subscription listen(Herald herald, OrderEvents implementation) {
        Objects.requireNonNull(herald, "herald");
        Objects.requireNonNull(implementation, "implementation");
        BindingSupport.Subscriptions made = new BindingSupport.Subscriptions(herald);
        try {
            made.add(herald.channel(ORDER_CREATED).subscribeAsync(implementation::orderCreated));
            made.add(herald.channel(SHIPPING_CALCULATED).subscribeAsync(message ->
                    BindingSupport.await(implementation.shippingCalculated(message))));
            made.add(herald.channel(BATCH).subscribeAsync(implementation::batch));
        } catch (RuntimeException | Error e) {
            made.undo(e);
            throw e;
        }
        return made.all(herald);
    }

    @Override
    public OrderEvents publisher(Herald herald) {
        return new OrderEventsPublisher(herald);
    }
}
