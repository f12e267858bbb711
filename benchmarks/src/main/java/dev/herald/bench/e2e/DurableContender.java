package dev.herald.bench.e2e;

import dev.herald.bench.model.OrderCreated;

/**
 * One durable (Redis Streams, consumer group, at-least-once) library under test, connected to the benchmark's
 * Redis: a publisher that appends each order as an entry whose field {@value #FIELD} holds the order's plain JSON
 * (the bytes {@link dev.herald.bench.model.Orders#encode} writes), and a consumer in a consumer group that reads
 * entries, decodes each into an {@link OrderCreated}, hands it to {@link DurableSink#handle} (the handler: it
 * counts) and acknowledges it after the handler returned. The handler never runs on a client's event loop.
 *
 * <p>Every key the contender makes begins with the prefix it is opened with: after each run the harness finds the
 * contender's streams by that prefix ({@code SCAN MATCH prefix* TYPE stream}) and reads their groups' pending
 * entries ({@code XINFO GROUPS}), so a contender need not say which keys or groups it uses. One thread appends at
 * a time. All contenders stay connected for the whole run, so that their measurements can be interleaved.
 *
 * <p>Herald's contender is the class {@value DurableEndToEnd#HERALD_CLASS}, which {@link DurableEndToEnd} finds by
 * name (until it exists, Herald is reported as not run): a public-or-package constructor
 * {@code (String redisUri, String prefix, DurableSink sink)} that builds Herald with {@code channelPrefix(prefix)}
 * (every key Herald makes, dead letters included, must begin with it) and its consumer group, subscribes a handler
 * that calls {@code sink.handle(order)} to a durable channel ({@code @Channel(value = "bench:orders", durable =
 * true)}, an interface of its own in {@code dev.herald.bench.model}) and returns once the subscription reads;
 * {@link #name()} returns {@code "Herald"} (the report finds it by that name); {@link #append} calls the generated
 * publisher without waiting; {@link #flush()} stays the default (Herald coalesces writes itself);
 * {@link #errors()} returns what Herald's error handler counted; {@link #close()} closes the subscription and
 * Herald.
 */
interface DurableContender extends AutoCloseable {

    /** The entry field that holds the JSON payload, as in Herald's durable channels. */
    String FIELD = "payload";

    /** The consumer group the hand-written contenders join. */
    String GROUP = "bench";

    /** @return a short name, used in tables */
    String name();

    /** @return how the contender appends, reads and acknowledges, for the report */
    String description();

    /**
     * Appends one order to the contender's stream the way a user of the library would, without waiting for Redis
     * when the library allows it. Only the publishing thread calls it.
     *
     * @param order the order
     */
    void append(OrderCreated order);

    /** Writes out what the contender holds back, for one that batches by hand; the others do nothing. */
    default void flush() {
    }

    /** @return failures the contender counted (appends, reads or acknowledgements that failed), empty when none */
    default String errors() {
        return "";
    }

    /** Stops consuming and disconnects. */
    @Override
    void close();

    /** Connects a contender. */
    @FunctionalInterface
    interface Factory {
        /**
         * Connects the publisher and the consumer; returns once the consumer group exists and the consumer reads.
         *
         * @param redisUri the server
         * @param prefix put before {@link dev.herald.bench.model.Orders#CHANNEL} and every other key the contender
         *     makes
         * @param sink the handler: receives every decoded order
         * @return the connected contender
         */
        DurableContender open(String redisUri, String prefix, DurableSink sink);
    }
}
