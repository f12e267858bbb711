package dev.herald.bench.jmh;

import dev.herald.PayloadCodec;
import dev.herald.bench.jmh.InMemoryThroughputBenchmark.BatchSink;
import dev.herald.bench.model.OrderCreated;
import dev.herald.bench.model.OrderEventsBinding;
import dev.herald.bench.model.Orders;
import dev.herald.internal.JacksonCodecFactory;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * What the one → one pipeline of {@link InMemoryThroughputBenchmark#oneToOne} costs when written by hand, without
 * Herald: the benchmark thread encodes each order with Herald's codec (as the generated publisher does) and hands
 * the bytes to a second thread, which decodes them with the same codec and counts them. Same batch, same orders,
 * same pipelined wait (an invocation waits for the batch before its own). It shows what moving a payload from one core to another costs by
 * itself, which {@code CodecBenchmark.heraldDecode} (one hot payload decoded again and again on one core) does
 * not include:
 *
 * <ul>
 *   <li>{@link #spinningThread}: the least it can cost. The second thread polls a {@link ConcurrentLinkedQueue}
 *       and spins while it is empty: no wake-up ever, a core burnt while idle, and no bound on the queue.</li>
 *   <li>{@link #singleThreadExecutor}: what an application usually writes: {@code execute} of a task per message
 *       on {@link Executors#newSingleThreadExecutor()}, which parks when idle and is woken by the next task.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(3)
public class HandOffBaselineBenchmark {

    /** Creates the benchmark; JMH calls it. */
    public HandOffBaselineBenchmark() {
    }

    /**
     * Encode here, decode on a spinning thread.
     *
     * @param pipeline the two threads
     * @throws InterruptedException when interrupted while waiting
     */
    @Benchmark
    @OperationsPerInvocation(InMemoryThroughputBenchmark.BATCH)
    public void spinningThread(Spinning pipeline) throws InterruptedException {
        pipeline.publishBatchAndAwait();
    }

    /**
     * Encode here, decode in a task per message on a single-thread executor.
     *
     * @param pipeline the two threads
     * @throws InterruptedException when interrupted while waiting
     */
    @Benchmark
    @OperationsPerInvocation(InMemoryThroughputBenchmark.BATCH)
    public void singleThreadExecutor(Executor pipeline) throws InterruptedException {
        pipeline.publishBatchAndAwait();
    }

    /** The second thread polls a queue and spins while it is empty. */
    @State(Scope.Benchmark)
    public static class Spinning extends Pipeline {
        private final ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>();
        private volatile boolean running;
        private Thread consumer;

        /** Creates the state; JMH calls it. */
        public Spinning() {
        }

        /** Starts the consuming thread. */
        @Setup(Level.Trial)
        public void setUp() {
            running = true;
            consumer = new Thread(() -> {
                while (running) {
                    byte[] payload = queue.poll();
                    if (payload == null) {
                        Thread.onSpinWait();
                    } else {
                        received(payload);
                    }
                }
            }, "hand-off-spinning");
            consumer.setDaemon(true);
            consumer.start();
        }

        @Override
        void handOff(byte[] payload) {
            queue.offer(payload);
        }

        /**
         * Stops the consuming thread.
         *
         * @throws InterruptedException when interrupted while waiting for it
         */
        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            running = false;
            consumer.join();
        }
    }

    /** A task per message on a single-thread executor. */
    @State(Scope.Benchmark)
    public static class Executor extends Pipeline {
        private ExecutorService executor;

        /** Creates the state; JMH calls it. */
        public Executor() {
        }

        /** Starts the executor. */
        @Setup(Level.Trial)
        public void setUp() {
            executor = Executors.newSingleThreadExecutor();
        }

        @Override
        void handOff(byte[] payload) {
            executor.execute(() -> received(payload));
        }

        /**
         * Stops the executor.
         *
         * @throws InterruptedException when interrupted while waiting for it
         */
        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            executor.shutdown();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** The encoding, the count and the per-batch wait both pipelines share. */
    abstract static class Pipeline {
        private static final long BATCH_TIMEOUT_SECONDS = 10;

        private final PayloadCodec<OrderCreated> codec =
                new JacksonCodecFactory(null).codec(OrderEventsBinding.ORDER_CREATED.payloadType());
        private final OrderCreated[] pool = Orders.pool(1024);
        /** Counts on the consuming thread and opens each batch's latch, as a subscription's handler does there. */
        private final BatchSink sink = new BatchSink(InMemoryThroughputBenchmark.BATCH);
        /** Keeps the decoded orders observable so the decode is not optimized away. */
        volatile OrderCreated last;
        private long delivered;
        private CountDownLatch previous;

        abstract void handOff(byte[] payload);

        /** On the consuming thread: decodes and counts one message. */
        final void received(byte[] payload) {
            OrderCreated order;
            try {
                order = codec.decode(payload);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (order.items().isEmpty()) {
                last = order;
            }
            sink.onMessage(order);
        }

        void publishBatchAndAwait() throws InterruptedException {
            CountDownLatch done = new CountDownLatch(1);
            delivered += InMemoryThroughputBenchmark.BATCH;
            sink.expect(delivered, done);
            for (int i = 0; i < InMemoryThroughputBenchmark.BATCH; i++) {
                try {
                    handOff(codec.encode(pool[i & (pool.length - 1)]));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            CountDownLatch before = previous;
            previous = done;
            if (before != null && !before.await(BATCH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the consuming thread did not receive the whole batch");
            }
        }
    }
}
