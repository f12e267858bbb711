package dev.herald.examples.durableorders;

import dev.herald.annotation.Channel;
import dev.herald.examples.orders.ShippingCalculated;
import java.util.concurrent.CompletionStage;

/** What the shipping service announces, durably. */
public interface DurableShippingEvents {

    /**
     * Shipping was quoted for an order.
     *
     * @param event the result
     * @return completes when Redis stored the entry
     */
    @Channel(value = "order:shipping:quoted", durable = true)
    CompletionStage<Void> shippingQuoted(ShippingCalculated event);
}
