package dev.herald.internal.memory;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.PublishFailedException;
import dev.herald.spi.DeadLetterStore;
import dev.herald.spi.DeadLetterStore.Bounds;
import dev.herald.spi.DeadLetterStore.Letter;
import dev.herald.spi.TransportHealth;
import dev.herald.spi.TransportListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The in-memory transport and its dead-letter store, driven through the SPI as Herald drives them. */
class InMemoryTransportTest {

    private static final Bounds ROOMY = new Bounds(100, Duration.ofHours(1));

    /** What the transport hands to Herald's dispatch, one line per delivery. */
    private static final class Recording implements TransportListener {
        final List<String> deliveries = new CopyOnWriteArrayList<>();

        @Override
        public void onMessage(String channel, byte[] payload) {
            deliveries.add(channel + "=" + new String(payload, UTF_8));
        }

        @Override
        public void onPatternMessage(String pattern, String channel, byte[] payload) {
            deliveries.add(pattern + ">" + channel + "=" + new String(payload, UTF_8));
        }
    }

    private final InMemoryTransport transport = new InMemoryTransport();
    private final Recording listener = new Recording();

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    private static Throwable failure(CompletionStage<?> stage) {
        CompletionException thrown = assertThrows(CompletionException.class, () -> stage.toCompletableFuture().join());
        return thrown.getCause();
    }

    private static <T> T value(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    @Test
    void aClosedTransportRefusesPublishesAndSubscriptionsWithTheChannelInTheMessage() {
        transport.start(listener);
        transport.close();

        Throwable publish = failure(transport.publish("orders", bytes("1")));
        assertInstanceOf(PublishFailedException.class, publish);
        assertEquals("in-memory transport is closed: cannot publish to 'orders'", publish.getMessage());
        Throwable send = failure(transport.send("orders", bytes("1")));
        assertInstanceOf(PublishFailedException.class, send);
        assertEquals("in-memory transport is closed: cannot publish to 'orders'", send.getMessage());

        for (CompletionStage<Void> stage : List.of(transport.subscribe("orders"), transport.psubscribe("orders.*"),
                transport.subscribeAll(List.of("a", "b")))) {
            Throwable refused = failure(stage);
            assertInstanceOf(IllegalStateException.class, refused);
            assertEquals("in-memory transport is closed", refused.getMessage());
        }
        assertInstanceOf(IllegalStateException.class, failure(transport.ping()));
        assertEquals(new TransportHealth(false, 0, 0, Map.of()), value(transport.health(List.of())));
        assertEquals(List.of(), listener.deliveries);
    }

    @Test
    void closingDropsEverySubscription() {
        transport.start(listener);
        value(transport.subscribeAll(List.of("a", "b")));
        value(transport.psubscribe("a*"));
        assertEquals(new TransportHealth(true, 2, 1, Map.of("a", 1L, "c", 0L)), value(transport.health(List.of("a", "c"))));

        transport.close();

        assertEquals(new TransportHealth(false, 0, 0, Map.of("a", 0L)), value(transport.health(List.of("a"))));
        assertEquals(0, transport.subscriberCount("b"));
    }

    @Test
    void unsubscribeAllStopsDeliveryToThoseChannelsOnly() {
        transport.start(listener);
        value(transport.subscribeAll(List.of("a", "b", "c")));
        assertEquals(1L, value(transport.publish("b", bytes("before"))));

        assertEquals(null, value(transport.unsubscribeAll(List.of("a", "b"))));

        assertEquals(0L, value(transport.publish("a", bytes("x"))));
        assertEquals(0L, value(transport.publish("b", bytes("y"))));
        assertEquals(1L, value(transport.publish("c", bytes("z"))));
        assertEquals(List.of("b=before", "c=z"), listener.deliveries);
        assertEquals(new TransportHealth(true, 1, 0, Map.of("a", 0L, "c", 1L)), value(transport.health(List.of("a", "c"))));
    }

    @Test
    void itDescribesItselfForHeraldsStartLine() {
        assertEquals("in memory", transport.description());
    }

    private static Letter letter(String channel, Instant time) {
        return new Letter(null, channel, bytes("{}"), "IllegalStateException: boom", 3, time, channel, 2,
                "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    }

    @Test
    void aStoredLetterGetsAnIdThatGrowsWithEachAppend() {
        DeadLetterStore store = transport.deadLetters();
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            assertEquals(null, value(store.append("orders", letter("orders:" + i, now), ROOMY)));
        }

        List<Letter> letters = value(store.read("orders", 10));
        assertEquals(List.of("orders:0", "orders:1", "orders:2"), letters.stream().map(Letter::channel).toList());
        long first = Long.parseLong(letters.get(0).id());
        assertEquals(List.of(first, first + 1, first + 2), letters.stream().map(l -> Long.parseLong(l.id())).toList(),
                "ids grow as a stream's do");
    }

    @Test
    void readReturnsAtMostTheOldestMax() {
        DeadLetterStore store = transport.deadLetters();
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            value(store.append("orders", letter("orders:" + i, now), ROOMY));
        }

        assertEquals(List.of("orders:0", "orders:1"), value(store.read("orders", 2)).stream().map(Letter::channel).toList());
        assertEquals(List.of("orders:0"), value(store.read("orders", 1)).stream().map(Letter::channel).toList());
        assertEquals(List.of(), value(store.read("orders", 0)));
        assertEquals(List.of(), value(store.read("elsewhere", 10)));
    }

    @Test
    void deleteRemovesTheGivenIdsAndCountsThem() {
        DeadLetterStore store = transport.deadLetters();
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            value(store.append("orders", letter("orders:" + i, now), ROOMY));
        }
        List<Letter> letters = value(store.read("orders", 10));

        assertEquals(1L, value(store.delete("orders", List.of(letters.get(1).id()))));
        assertEquals(List.of("orders:0", "orders:2"), value(store.read("orders", 10)).stream().map(Letter::channel).toList());
        assertEquals(0L, value(store.delete("orders", List.of(letters.get(1).id()))), "already gone");
        assertEquals(2L, value(store.delete("orders", List.of(letters.get(0).id(), letters.get(2).id(), "404"))));
        assertEquals(List.of(), value(store.read("orders", 10)));
        assertEquals(0L, value(store.delete("no-such-stream", List.of("0"))));
    }

    @Test
    void aLetterPastTheRetentionLeavesAStreamThatIsStillLive() {
        DeadLetterStore store = transport.deadLetters();
        Duration retention = Duration.ofMinutes(1);
        // dead-lettered a while ago: its age passes the retention three seconds from now, the stream's in a minute
        Instant old = Instant.now().minus(retention).plusSeconds(3);
        value(store.append("orders", letter("orders:old", old), new Bounds(100, retention)));
        value(store.append("orders", letter("orders:new", Instant.now()), new Bounds(100, retention)));
        assertEquals(List.of("orders:old", "orders:new"), value(store.read("orders", 10)).stream().map(Letter::channel).toList());

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> value(store.read("orders", 10)).stream().map(Letter::channel).toList().equals(List.of("orders:new")));
    }
}
