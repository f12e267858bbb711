package dev.herald.contract;

import static dev.herald.contract.Waiting.WAIT;
import static dev.herald.contract.Waiting.done;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.HeraldError;
import dev.herald.PayloadType;
import dev.herald.internal.memory.InMemoryTransport;
import dev.herald.spi.DeadLetterStore;
import dev.herald.spi.Transport;
import dev.herald.spi.TransportHealth;
import dev.herald.spi.TransportListener;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The whole contract on a transport that exists only in this test, plugged in with
 * {@code Herald.builder().transport(...)}: it wraps the in-memory transport and can make publishes fail.
 */
class PluggedTransportHeraldTest extends HeraldContract {

    /** Delegates every call, and fails the next publishes when told to. */
    static final class FaultInjectingTransport implements Transport {

        final InMemoryTransport inner = new InMemoryTransport();
        final AtomicInteger failNextPublishes = new AtomicInteger();
        final AtomicInteger publishes = new AtomicInteger();

        private <T> CompletionStage<T> unlessFailing(java.util.function.Supplier<CompletionStage<T>> call) {
            publishes.incrementAndGet();
            if (failNextPublishes.getAndUpdate(n -> Math.max(n - 1, 0)) > 0) {
                return CompletableFuture.failedFuture(new IllegalStateException("injected publish failure"));
            }
            return call.get();
        }

        @Override
        public void start(TransportListener listener) {
            inner.start(listener);
        }

        @Override
        public CompletionStage<Long> publish(String channel, byte[] payload) {
            return unlessFailing(() -> inner.publish(channel, payload));
        }

        @Override
        public CompletionStage<Void> send(String channel, byte[] payload) {
            return unlessFailing(() -> inner.send(channel, payload));
        }

        @Override
        public CompletionStage<Void> subscribe(String channel) {
            return inner.subscribe(channel);
        }

        @Override
        public CompletionStage<Void> subscribeAll(Collection<String> channels) {
            return inner.subscribeAll(channels);
        }

        @Override
        public CompletionStage<Void> unsubscribeAll(Collection<String> channels) {
            return inner.unsubscribeAll(channels);
        }

        @Override
        public CompletionStage<Void> unsubscribe(String channel) {
            return inner.unsubscribe(channel);
        }

        @Override
        public CompletionStage<Void> psubscribe(String pattern) {
            return inner.psubscribe(pattern);
        }

        @Override
        public CompletionStage<Void> punsubscribe(String pattern) {
            return inner.punsubscribe(pattern);
        }

        @Override
        public CompletionStage<String> ping() {
            return inner.ping();
        }

        @Override
        public CompletionStage<TransportHealth> health(Collection<String> channels) {
            return inner.health(channels);
        }

        @Override
        public DeadLetterStore deadLetters() {
            return inner.deadLetters();
        }

        @Override
        public boolean isIoThread() {
            return inner.isIoThread();
        }

        @Override
        public void close() {
            inner.close();
        }

        @Override
        public String description() {
            return "a test transport over " + inner.description();
        }
    }

    private final PluggedFixture<FaultInjectingTransport> plugged = new PluggedFixture<>(FaultInjectingTransport::new);

    @Override
    protected TransportFixture newFixture() {
        return plugged;
    }

    private FaultInjectingTransport transport() {
        return plugged.transportOf(herald());
    }

    @Test
    void theHeraldRunsOnThePluggedTransport() throws Exception {
        FaultInjectingTransport transport = transport();
        int before = transport.publishes.get();
        herald().subscribe("plugged", String.class, m -> { });
        assertEquals(1, serverSubscribers(herald(), full("plugged")), "the subscription reached the plugged transport");
        assertEquals(1L, done(herald().publish("plugged", "x")));
        assertEquals(before + 1, transport.publishes.get(), "the publish went through the plugged transport");
    }

    @Test
    void aFailureTheTransportInjectsReachesTheCallerAndTheErrorHandler() throws Exception {
        transport().failNextPublishes.set(2);
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> done(herald().publish("plugged", "x")));
        assertEquals("injected publish failure", failed.getCause().getMessage());
        herald().channel("plugged", PayloadType.of(String.class)).send("y");
        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.PUBLISH).size() == 1);
        assertEquals(full("plugged"), errors().ofKind(HeraldError.Kind.PUBLISH).get(0).channel());
        assertEquals(0L, done(herald().publish("plugged", "z")),
                "the third publish goes through, to nobody");
    }

    @Test
    void redisAndATransportTogetherAreRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Herald.builder().redis("redis://127.0.0.1:6379").transport(new FaultInjectingTransport()).build());
        assertTrue(refused.getMessage().contains("choose one"), refused.getMessage());
    }
}
