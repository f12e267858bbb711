package test;

import dev.herald.ChannelDescriptor;
import dev.herald.Herald;
import dev.herald.PayloadType;
import dev.herald.binding.BindingSupport;
import dev.herald.binding.GeneratedBinding;
import java.util.List;

/** The channels of {@link OrderEvents}, for the runtime (found as a service) and the generated classes. */
@javax.annotation.processing.Generated("dev.herald.processor.HeraldProcessor")
public final class OrderEventsBinding extends GeneratedBinding<OrderEvents> {
    /** Channel {@code order:created} of {@link OrderEvents#orderCreated}. */
    public static final ChannelDescriptor<OrderCreated> ORDER_CREATED = channel("order:created",
            OrderCreated.class, OrderEvents.class, "orderCreated");
    /** Channel {@code order:shipping:calculated} of {@link OrderEvents#shippingCalculated}. */
    public static final ChannelDescriptor<ShippingCalculated> SHIPPING_CALCULATED = channel("order:shipping:calculated",
            ShippingCalculated.class, OrderEvents.class, "shippingCalculated");
    /** Channel {@code order:batch} of {@link OrderEvents#batch}. */
    public static final ChannelDescriptor<List<OrderCreated>> BATCH = channel("order:batch",
            new PayloadType<List<OrderCreated>>() {}, OrderEvents.class, "batch");

    /** Creates the binding; called by {@link java.util.ServiceLoader}. */
    public OrderEventsBinding() {
        super(OrderEvents.class, OrderEventsPublisher::new, ORDER_CREATED, SHIPPING_CALCULATED,
                BATCH);
    }

    @Override
    protected void listen(BindingSupport.Subscriptions made, Herald herald, OrderEvents listener) {
        made.add(herald.channel(ORDER_CREATED).subscribeAsync(listener::orderCreated));
        made.add(herald.channel(SHIPPING_CALCULATED).subscribeAsync(message ->
                await(listener.shippingCalculated(message))));
        made.add(herald.channel(BATCH).subscribeAsync(listener::batch));
    }
}
