package dev.herald.bench.jmh;

import dev.herald.Herald;
import dev.herald.bench.jmh.InMemoryThroughputBenchmark.BatchSink;
import dev.herald.bench.model.OrderCreated;
import dev.herald.bench.model.OrderEventsPublisher;
import dev.herald.bench.model.OrderEventsSubscriber;
import dev.herald.bench.model.Orders;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What metrics and observations cost (issue 15): the in-memory one-to-one delivery of
 * {@link InMemoryThroughputBenchmark}, with {@code measure} {@code off} (no registry), {@code meters} (a
 * {@code SimpleMeterRegistry}: counters and the handler timer per message) and {@code observed} (the meters and an
 * {@code ObservationRegistry} whose {@code DefaultMeterObservationHandler} times every {@code herald.publish} and
 * {@code herald.process}), in the same run. With {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes allocated
 * per delivered message on the publish and dispatch paths together.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(2)
public class MetricsOverheadBenchmark {

    /** Messages published per benchmark invocation. */
    public static final int BATCH = 1_000;
    private static final long BATCH_TIMEOUT_SECONDS = 10;

    /** Creates the benchmark; JMH calls it. */
    public MetricsOverheadBenchmark() {
    }

    /**
     * One publisher, one subscriber, measured or not.
     *
     * @param herald the Herald and its subscription
     * @throws InterruptedException when interrupted while waiting
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void oneToOne(Measured herald) throws InterruptedException {
        herald.publishBatchAndAwait();
    }

    /** An in-memory Herald with one subscription, and the registries {@link #measure} names. */
    @State(Scope.Benchmark)
    public static class Measured {

        /** {@code off}, {@code meters} or {@code observed}. */
        @Param({"off", "meters", "observed"})
        public String measure;

        private final OrderCreated[] pool = Orders.pool(1024);
        private final BatchSink sink = new BatchSink();
        private Herald herald;
        private OrderEventsPublisher publisher;
        private long delivered;

        /** Creates the state; JMH calls it. */
        public Measured() {
        }

        /** Starts Herald with the registries and subscribes. */
        @Setup(Level.Trial)
        public void setUp() {
            var builder = Herald.builder();
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            switch (measure) {
                case "off" -> { }
                case "meters" -> builder.meterRegistry(meters);
                case "observed" -> {
                    ObservationRegistry observations = ObservationRegistry.create();
                    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
                    builder.meterRegistry(meters).observationRegistry(observations);
                }
                default -> throw new IllegalArgumentException("measure: " + measure);
            }
            herald = builder.build();
            publisher = new OrderEventsPublisher(herald);
            new OrderEventsSubscriber(herald).orderCreated(sink);
        }

        void publishBatchAndAwait() throws InterruptedException {
            CountDownLatch done = new CountDownLatch(1);
            delivered += BATCH;
            sink.expect(delivered, done);
            for (int i = 0; i < BATCH; i++) {
                publisher.orderCreated(pool[i & (pool.length - 1)]);
            }
            if (!done.await(BATCH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the subscription did not receive the whole batch: messages were dropped");
            }
        }

        /** Closes Herald. */
        @TearDown(Level.Trial)
        public void tearDown() {
            herald.close();
        }
    }
}
