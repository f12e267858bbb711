package dev.herald.bench.model;

import dev.herald.annotation.Channel;

/**
 * The benchmark channel, fire-and-forget: what the end-to-end delivered-throughput and latency runs and
 * the in-memory JMH benchmark publish through (the generated {@code OrderEventsPublisher}) and receive
 * through (the generated {@code OrderEventsSubscriber}).
 */
public interface OrderEvents {

    /**
     * An order was placed.
     *
     * @param event the order
     */
    @Channel("bench:orders")
    void orderCreated(OrderCreated event);
}
