package dev.herald.bench.jmh;

import dev.herald.Herald;
import dev.herald.MessageHandler;
import dev.herald.PayloadType;
import dev.herald.TypedChannel;
import dev.herald.bench.model.OrderCreated;
import dev.herald.bench.model.OrderEventsPublisher;
import dev.herald.bench.model.OrderEventsSubscriber;
import dev.herald.bench.model.Orders;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Messages delivered per second by {@link Herald#inMemory()}: the generated {@code OrderEventsPublisher}
 * publishes a batch of {@value #BATCH} orders and the benchmark thread waits until each of the generated
 * {@code OrderEventsSubscriber}'s subscriptions has received all of them. One operation is one delivered
 * message, so one publisher to eight subscribers counts eight per published message.
 *
 * <p>Messages are still encoded on the publishing thread and decoded on a subscription's handler
 * thread, as Herald does in memory. The order holds a {@code List}, which a handler could change, so each of
 * eight subscriptions decodes its own copy; {@link #oneToEightImmutable} publishes a record of immutable values
 * of about the same size (the order's one line inlined), which the subscriptions of a channel share, decoded
 * once per message.
 *
 * <p>The batches are pipelined: an invocation publishes its batch and then waits for the batch before it, not for its
 * own, so the subscriptions always have the next batch buffered and never go idle between batches, as in a stream.
 * Waiting for its own batch (before 2026-12-01) ended every batch in a stop-and-wait: the handler thread ran dry,
 * parked, and the next batch began by waking it, which on a VM can take hundreds of µs. At most two batches are
 * buffered, {@value #BATCH} messages each, below the default subscription buffer (10,000), so nothing is dropped; a
 * dropped message would make the wait time out and the benchmark fail. Eight warm-up seconds: on a two-core VM
 * the pipeline's rate still climbed through the sixth (Jackson's decode and Herald's drain loop compiled on the
 * handler thread while the publisher competes for the other core).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(3)
public class InMemoryThroughputBenchmark {

    /** Messages published per benchmark invocation. */
    public static final int BATCH = 4_000;

    /** Creates the benchmark; JMH calls it. */
    public InMemoryThroughputBenchmark() {
    }

    /**
     * One publisher, one subscriber.
     *
     * @param fanout the Herald and its subscriptions
     * @throws InterruptedException when interrupted while waiting
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void oneToOne(OneSubscriber fanout) throws InterruptedException {
        fanout.publishBatchAndAwait();
    }

    /**
     * One publisher, eight subscribers of the same channel.
     *
     * @param fanout the Herald and its subscriptions
     * @throws InterruptedException when interrupted while waiting
     */
    @Benchmark
    @OperationsPerInvocation(BATCH * 8)
    public void oneToEight(EightSubscribers fanout) throws InterruptedException {
        fanout.publishBatchAndAwait();
    }

    /**
     * One publisher, eight subscribers of the same channel, whose payload is a record of immutable values.
     *
     * @param fanout the Herald and its subscriptions
     * @throws InterruptedException when interrupted while waiting
     */
    @Benchmark
    @OperationsPerInvocation(BATCH * 8)
    public void oneToEightImmutable(EightSubscribersOfAnImmutablePayload fanout) throws InterruptedException {
        fanout.publishBatchAndAwait();
    }

    /**
     * One publisher, one subscriber, of the record of immutable values: {@link #oneToEightImmutable}'s baseline.
     *
     * @param fanout the Herald and its subscriptions
     * @throws InterruptedException when interrupted while waiting
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void oneToOneImmutable(OneSubscriberOfAnImmutablePayload fanout) throws InterruptedException {
        fanout.publishBatchAndAwait();
    }

    /**
     * An order of one line, every value immutable: what the subscriptions of a channel can share.
     *
     * @param orderId the order
     * @param userId who placed it
     * @param sku the product
     * @param quantity how many
     * @param price the price of one
     * @param total the order total
     * @param timestamp when it was placed
     */
    public record OrderPlaced(String orderId, String userId, String sku, int quantity, BigDecimal price,
            BigDecimal total, Instant timestamp) {
    }

    /** An in-memory Herald with one subscription of {@link OrderPlaced}. */
    @State(Scope.Benchmark)
    public static class OneSubscriberOfAnImmutablePayload extends Fanout {
        /** Creates the state; JMH calls it. */
        public OneSubscriberOfAnImmutablePayload() {
            super(1, true);
        }

        /** Starts Herald and subscribes. */
        @Setup(Level.Trial)
        public void setUp() {
            start();
        }

        /** Closes Herald. */
        @TearDown(Level.Trial)
        public void tearDown() {
            stop();
        }
    }

    /** An in-memory Herald with eight subscriptions of {@link OrderPlaced} to one channel. */
    @State(Scope.Benchmark)
    public static class EightSubscribersOfAnImmutablePayload extends Fanout {
        /** Creates the state; JMH calls it. */
        public EightSubscribersOfAnImmutablePayload() {
            super(8, true);
        }

        /** Starts Herald and subscribes. */
        @Setup(Level.Trial)
        public void setUp() {
            start();
        }

        /** Closes Herald. */
        @TearDown(Level.Trial)
        public void tearDown() {
            stop();
        }
    }

    /** An in-memory Herald with one subscription. */
    @State(Scope.Benchmark)
    public static class OneSubscriber extends Fanout {
        /** Creates the state; JMH calls it. */
        public OneSubscriber() {
            super(1, false);
        }

        /** Starts Herald and subscribes. */
        @Setup(Level.Trial)
        public void setUp() {
            start();
        }

        /** Closes Herald. */
        @TearDown(Level.Trial)
        public void tearDown() {
            stop();
        }
    }

    /** An in-memory Herald with eight subscriptions to one channel. */
    @State(Scope.Benchmark)
    public static class EightSubscribers extends Fanout {
        /** Creates the state; JMH calls it. */
        public EightSubscribers() {
            super(8, false);
        }

        /** Starts Herald and subscribes. */
        @Setup(Level.Trial)
        public void setUp() {
            start();
        }

        /** Closes Herald. */
        @TearDown(Level.Trial)
        public void tearDown() {
            stop();
        }
    }

    /** The publisher, the subscriptions and the per-batch wait they share. */
    abstract static class Fanout {
        private static final long BATCH_TIMEOUT_SECONDS = 10;

        private final BatchSink[] sinks;
        private final boolean immutable;
        private final OrderCreated[] pool = Orders.pool(1024);
        private final OrderPlaced[] placed = new OrderPlaced[pool.length];
        private Herald herald;
        private OrderEventsPublisher publisher;
        private TypedChannel<OrderPlaced> placedChannel;
        private long delivered;
        /** The batch published by the invocation before, which this one waits for. */
        private CountDownLatch previous;

        Fanout(int subscribers, boolean immutable) {
            sinks = new BatchSink[subscribers];
            this.immutable = immutable;
            for (int i = 0; i < pool.length; i++) {
                OrderCreated order = pool[i];
                OrderCreated.Item item = order.items().get(0);
                placed[i] = new OrderPlaced(order.orderId(), order.userId(), item.sku(), item.quantity(), item.price(),
                        order.total(), order.timestamp());
            }
        }

        void start() {
            herald = Herald.inMemory();
            publisher = new OrderEventsPublisher(herald);
            OrderEventsSubscriber subscriber = new OrderEventsSubscriber(herald);
            placedChannel = herald.channel("bench:placed", PayloadType.of(OrderPlaced.class));
            for (int i = 0; i < sinks.length; i++) {
                sinks[i] = new BatchSink(BATCH);
                if (immutable) {
                    placedChannel.subscribe(sinks[i]);
                } else {
                    subscriber.orderCreated(sinks[i]);
                }
            }
        }

        void publishBatchAndAwait() throws InterruptedException {
            CountDownLatch done = new CountDownLatch(sinks.length);
            delivered += BATCH;
            for (BatchSink sink : sinks) {
                sink.expect(delivered, done);
            }
            if (immutable) {
                for (int i = 0; i < BATCH; i++) {
                    placedChannel.send(placed[i & (placed.length - 1)]);
                }
            } else {
                for (int i = 0; i < BATCH; i++) {
                    publisher.orderCreated(pool[i & (pool.length - 1)]);
                }
            }
            CountDownLatch before = previous;
            previous = done;
            if (before != null) {
                await(before);
            }
        }

        private static void await(CountDownLatch batch) throws InterruptedException {
            if (!batch.await(BATCH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a subscription did not receive the whole batch: messages were dropped");
            }
        }

        void stop() {
            try {
                if (previous != null) {
                    await(previous);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                herald.close();
            }
        }
    }

    /**
     * Counts one subscription's messages and opens a batch's latch when the count reaches the batch's end: no
     * spinning, and per message only an increment and a compare. Two batches can be in flight, so it keeps the
     * latches of two, batch n's at n mod 2; the publisher sets a batch's latch before it publishes the batch, and
     * Herald's hand-off of each message to the handler thread makes it visible there. Herald runs a subscription's
     * handler one message at a time, handing over between its threads with a happens-before edge, so the plain
     * counters are safe.
     */
    static final class BatchSink implements MessageHandler<Object> {
        private final AtomicReferenceArray<CountDownLatch> latches = new AtomicReferenceArray<>(2);
        private final int batch;
        private long received;
        private long next;

        /** @param batch the messages of a batch */
        BatchSink(int batch) {
            this.batch = batch;
            this.next = batch;
        }

        void expect(long target, CountDownLatch done) {
            latches.set(slot(target, batch), done);
        }

        @Override
        public void onMessage(Object message) {
            if (++received == next) {
                latches.get(slot(next, batch)).countDown();
                next += batch;
            }
        }

        /** @return where the latch of the batch that ends at {@code target} is kept */
        private static int slot(long target, int batch) {
            return (int) ((target / batch) & 1);
        }
    }
}
