package dev.herald.spi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.PublishFailedException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What a transport gets from the SPI when it implements only the required methods, and the checks of the SPI's
 * values: a third-party transport relies on both.
 */
class TransportDefaultsTest {

    /** Implements nothing optional; each stage it hands out is completed by the test. */
    private static final class Minimal implements Transport {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final Map<String, CompletableFuture<Void>> unsubscribes = new ConcurrentHashMap<>();
        CompletableFuture<Long> published = new CompletableFuture<>();

        @Override
        public void start(TransportListener listener) {
        }

        @Override
        public CompletionStage<Long> publish(String channel, byte[] payload) {
            calls.add("publish " + channel + " " + new String(payload, UTF_8));
            return published;
        }

        @Override
        public CompletionStage<Void> subscribe(String channel) {
            calls.add("subscribe " + channel);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> unsubscribe(String channel) {
            calls.add("unsubscribe " + channel);
            return unsubscribes.computeIfAbsent(channel, c -> new CompletableFuture<>());
        }

        @Override
        public CompletionStage<Void> psubscribe(String pattern) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Void> punsubscribe(String pattern) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<String> ping() {
            return CompletableFuture.completedFuture("PONG");
        }

        @Override
        public CompletionStage<TransportHealth> health(Collection<String> channels) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DeadLetterStore deadLetters() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isIoThread() {
            return false;
        }

        @Override
        public void close() {
        }
    }

    private final Minimal transport = new Minimal();

    @Test
    void sendPublishesAndDropsTheReceiverCount() {
        CompletableFuture<Void> sent = transport.send("orders", "1".getBytes(UTF_8)).toCompletableFuture();
        assertEquals(List.of("publish orders 1"), transport.calls);
        assertFalse(sent.isDone(), "not before the publish is");

        transport.published.complete(3L);
        assertTrue(sent.isDone());
        assertEquals(null, sent.join());
    }

    @Test
    void sendAndForgetTellsOnlyAFailureOnce() {
        List<Throwable> told = new CopyOnWriteArrayList<>();
        transport.sendAndForget("orders", "1".getBytes(UTF_8), told::add);
        assertEquals(List.of("publish orders 1"), transport.calls);
        transport.published.complete(1L);
        assertEquals(List.of(), told, "a success is not told");

        transport.published = new CompletableFuture<>();
        transport.sendAndForget("orders", "2".getBytes(UTF_8), told::add);
        PublishFailedException cause = new PublishFailedException("down");
        transport.published.completeExceptionally(cause);
        assertEquals(1, told.size());
        assertSame(cause, told.get(0) instanceof CompletionException c ? c.getCause() : told.get(0));
    }

    @Test
    void sendFailsAsThePublishDoes() {
        CompletableFuture<Void> sent = transport.send("orders", "1".getBytes(UTF_8)).toCompletableFuture();
        PublishFailedException cause = new PublishFailedException("down");
        transport.published.completeExceptionally(cause);
        assertSame(cause, assertThrows(CompletionException.class, sent::join).getCause());
    }

    @Test
    void unsubscribeAllUnsubscribesEachChannelAndCompletesWithTheLast() {
        CompletableFuture<Void> all = transport.unsubscribeAll(List.of("a", "b")).toCompletableFuture();
        assertEquals(List.of("unsubscribe a", "unsubscribe b"), transport.calls);

        transport.unsubscribes.get("b").complete(null);
        assertFalse(all.isDone(), "'a' is not acknowledged yet");
        transport.unsubscribes.get("a").complete(null);
        assertTrue(all.isDone());
        assertEquals(null, all.join());

        assertTrue(transport.unsubscribeAll(List.of()).toCompletableFuture().isDone(), "nothing to wait for");
    }

    @Test
    void subscribeAllSubscribesEachChannel() {
        assertEquals(null, transport.subscribeAll(List.of("a", "b")).toCompletableFuture().join());
        assertEquals(List.of("subscribe a", "subscribe b"), transport.calls);
    }

    @Test
    void theOtherDefaultsHoldNothingBackAndNameTheClass() {
        Runnable release = transport.holdSubscribes();
        release.run();
        release.run(); // more than once does nothing
        assertEquals(List.of(), transport.calls);
        assertTrue(transport.supportsPatterns());
        assertEquals("Minimal", transport.description());
    }

    @Test
    void boundsTakeOneEntryAndOneMillisecondAndNothingLess() {
        DeadLetterStore.Bounds smallest = new DeadLetterStore.Bounds(1, Duration.ofMillis(1));
        assertEquals(1, smallest.maxEntries());
        assertEquals(Duration.ofMillis(1), smallest.retention());

        assertEquals("maxEntries must be at least 1, was 0", assertThrows(IllegalArgumentException.class,
                () -> new DeadLetterStore.Bounds(0, Duration.ofMinutes(1))).getMessage());
        assertEquals("retention must be at least 1 ms, was PT0.000999999S", assertThrows(IllegalArgumentException.class,
                () -> new DeadLetterStore.Bounds(1, Duration.ofNanos(999_999))).getMessage());
        assertEquals("retention", assertThrows(NullPointerException.class, () -> new DeadLetterStore.Bounds(1, null)).getMessage());
    }
}
