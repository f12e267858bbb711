package dev.herald.bench.e2e;

import dev.herald.bench.model.OrderCreated;

/**
 * One library under test, connected to the benchmark's Redis: a publisher and a subscriber that
 * decodes each message of its channel ({@link dev.herald.bench.model.Orders#CHANNEL} behind the
 * contender's own prefix) into an {@link OrderCreated} and hands it to the {@link Sink}. Every contender
 * puts the same JSON bytes on the wire. One thread publishes at a time. All contenders stay connected
 * for the whole run, each on its own channels, so that their measurements can be interleaved.
 */
interface Contender extends AutoCloseable {

    /** @return a short name, used in tables and on the chart */
    String name();

    /** @return how the contender publishes and subscribes, for the report */
    String description();

    /**
     * Publishes one order to the contender's {@link dev.herald.bench.model.Orders#CHANNEL} the way a
     * user of the library would, without waiting for Redis.
     *
     * @param order the order
     */
    void send(OrderCreated order);

    /**
     * Publishes one order to the contender's {@link dev.herald.bench.model.Orders#CONFIRMED_CHANNEL} and
     * counts Redis's acknowledgement (or the failure) in {@code acks}.
     *
     * @param order the order
     * @param acks counts completed publishes
     */
    void sendConfirmed(OrderCreated order, Acks acks);

    /** Writes out what the contender holds back, for one that batches; the others do nothing. */
    default void flush() {
    }

    @Override
    void close();

    /** Connects a contender. */
    @FunctionalInterface
    interface Factory {
        /**
         * Connects and subscribes; returns once the subscription is in place.
         *
         * @param redisUri the server
         * @param prefix put before {@link dev.herald.bench.model.Orders#CHANNEL} and
         *     {@link dev.herald.bench.model.Orders#CONFIRMED_CHANNEL}
         * @param sink receives every decoded order
         * @return the connected contender
         */
        Contender open(String redisUri, String prefix, Sink sink);
    }
}
