package dev.herald.bench.model;

import dev.herald.annotation.Channel;

/**
 * The durable benchmark channel: a Redis stream read through a consumer group, at least once; what the durable
 * end-to-end harness appends to (the generated {@code DurableOrderEventsPublisher}) and reads from (the generated
 * {@code DurableOrderEventsSubscriber}). A channel name of its own: one name is either pub/sub or durable.
 */
public interface DurableOrderEvents {

    /**
     * An order was placed.
     *
     * @param event the order
     */
    @Channel(value = "bench:durable:orders", durable = true)
    void orderCreated(OrderCreated event);
}
