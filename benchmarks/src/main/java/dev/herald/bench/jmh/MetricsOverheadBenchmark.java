package dev.herald.bench.jmh;

import dev.herald.Herald;
import dev.herald.bench.jmh.InMemoryThroughputBenchmark.BatchSink;
import dev.herald.bench.model.OrderCreated;
import dev.herald.bench.model.OrderEventsPublisher;
import dev.herald.bench.model.OrderEventsSubscriber;
import dev.herald.bench.model.Orders;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler.IgnoredMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
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
 * {@link InMemoryThroughputBenchmark}, with {@code measure}:
 * <ul>
 *   <li>{@code off}: no registry;
 *   <li>{@code meters}: a {@code SimpleMeterRegistry} (counters and the handler timer per message);
 *   <li>{@code observed}: the meters and an {@code ObservationRegistry} whose {@code DefaultMeterObservationHandler}
 *       times every {@code herald.publish} and {@code herald.process}: what Spring Boot sets up without tracing;
 *   <li>{@code observed-no-ltt}: the same handler told not to keep a long task timer
 *       ({@code IgnoredMeters.LONG_TASK_TIMER}; Boot 4: {@code management.metrics.observations.ignored-meters=long-task-timer});
 *   <li>{@code observed-no-process}: {@code observed} with an {@code ObservationPredicate} that switches
 *       {@code herald.process} off (Boot: {@code management.observations.enable.herald.process=false});
 *   <li>{@code empty-handler}: the meters and an observation registry whose one handler does nothing: what an
 *       observation costs before any handler keeps anything (Herald's contexts and Micrometer's observation).
 * </ul>
 * all in the same run. With {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes allocated per delivered message
 * on the publish and dispatch paths together.
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

        /** What is measured: see the class description. */
        @Param({"off", "meters", "observed", "observed-no-ltt", "observed-no-process", "empty-handler"})
        public String measure;

        private final OrderCreated[] pool = Orders.pool(1024);
        private final BatchSink sink = new BatchSink(BATCH);
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
                case "observed", "observed-no-ltt", "observed-no-process", "empty-handler" -> {
                    ObservationRegistry observations = ObservationRegistry.create();
                    ObservationRegistry.ObservationConfig config = observations.observationConfig();
                    switch (measure) {
                        case "observed-no-ltt" -> config.observationHandler(
                                new DefaultMeterObservationHandler(meters, IgnoredMeters.LONG_TASK_TIMER));
                        case "empty-handler" -> config.observationHandler(new EmptyHandler());
                        default -> config.observationHandler(new DefaultMeterObservationHandler(meters));
                    }
                    if (measure.equals("observed-no-process")) {
                        config.observationPredicate((name, context) -> !"herald.process".equals(name));
                    }
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

    /** Takes every observation and keeps nothing. */
    static final class EmptyHandler implements ObservationHandler<Observation.Context> {
        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }
    }
}
