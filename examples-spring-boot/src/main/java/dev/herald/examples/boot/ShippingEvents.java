package dev.herald.examples.boot;

import dev.herald.annotation.Channel;
import java.util.concurrent.CompletionStage;

/** What the shipping service announces. */
public interface ShippingEvents {

    /**
     * Shipping was calculated for an order.
     *
     * @param event the result
     * @return completes when Redis accepted the message
     */
    @Channel("order:shipping:calculated")
    CompletionStage<Void> shippingCalculated(ShippingCalculated event);
}
