package dev.herald.examples.boot;

import dev.herald.annotation.Channel;

/** What the order API announces. */
public interface OrderEvents {

    /**
     * An order was placed.
     *
     * @param event the order
     */
    @Channel("order:created")
    void orderCreated(OrderCreated event);
}
