package dev.herald.examples.durableorders;

import dev.herald.annotation.Channel;
import dev.herald.examples.orders.OrderCreated;

/** What the order API announces, kept in a Redis stream until every consumer group has handled it. */
public interface DurableOrderEvents {

    /**
     * An order was accepted.
     *
     * @param event the order
     */
    @Channel(value = "order:accepted", durable = true)
    void orderAccepted(OrderCreated event);
}
