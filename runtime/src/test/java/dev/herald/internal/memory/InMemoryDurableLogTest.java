package dev.herald.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.spi.DurableLog;
import dev.herald.spi.DurableLog.Entry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The in-memory log answers as Redis's stream commands do, through the SPI. */
class InMemoryDurableLogTest {

    private static final DurableLog.Retention KEEP = DurableLog.Retention.unbounded();
    private final InMemoryTransport transport = new InMemoryTransport();
    private final DurableLog log = transport.durable();

    private static <T> T done(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletionStage<?> stage) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> done(stage));
        return e.getCause();
    }

    private String append(String stream, String text) throws Exception {
        return done(log.append(stream, text.getBytes(StandardCharsets.UTF_8), Map.of("k", "v"), KEEP));
    }

    private static String text(Entry entry) {
        return new String(entry.payload(), StandardCharsets.UTF_8);
    }

    @Test
    void aNewGroupReadsFromTheBeginningAndEachEntryGoesToOneConsumer() throws Exception {
        append("s", "a");
        append("s", "b");
        done(log.createGroup("s", "g"));
        done(log.createGroup("s", "g")); // exists already: left as it is

        List<Entry> first = done(log.reader("g", "c1").readNew(List.of("s"), 1, Duration.ZERO));
        List<Entry> second = done(log.reader("g", "c2").readNew(List.of("s"), 10, Duration.ZERO));

        assertEquals(List.of("a"), first.stream().map(InMemoryDurableLogTest::text).toList());
        assertEquals(List.of("b"), second.stream().map(InMemoryDurableLogTest::text).toList());
        assertEquals(1, first.get(0).deliveries());
        assertEquals(Map.of("k", "v"), first.get(0).headers());
        DurableLog.GroupState state = done(log.group("s", "g"));
        assertEquals(2, state.pending());
        assertEquals(Map.of("c1", 1L, "c2", 1L), state.consumers());
        assertEquals(0, state.lag());

        assertEquals(1L, done(log.ack("s", "g", List.of(first.get(0).id(), "0-1"))));
        assertEquals(1, done(log.group("s", "g")).pending());
    }

    @Test
    void aBlockingReadCompletesWhenAnEntryArrivesOrItsTimeIsUp() throws Exception {
        done(log.createGroup("s", "g"));
        done(log.createGroup("t", "g"));
        DurableLog.Reader reader = log.reader("g", "c");
        CompletableFuture<List<Entry>> waiting = reader.readNew(List.of("s", "t"), 10, Duration.ofSeconds(30))
                .toCompletableFuture();
        done(log.group("t", "g")); // answered after the read above was queued
        assertFalse(waiting.isDone());

        append("s", "a");
        assertEquals(List.of("a"), done(waiting).stream().map(InMemoryDurableLogTest::text).toList());

        long start = System.nanoTime();
        assertEquals(List.of(), done(reader.readNew(List.of("s"), 10, Duration.ofMillis(50))));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(50));
    }

    @Test
    void closingAReaderFailsItsBlockedRead() throws Exception {
        done(log.createGroup("s", "g"));
        DurableLog.Reader reader = log.reader("g", "c");
        CompletionStage<List<Entry>> waiting = reader.readNew(List.of("s"), 10, Duration.ofSeconds(30));
        reader.close();
        failure(waiting);
    }

    @Test
    void aMissingStreamOrGroupIsNoGroupAndDeletingFailsBlockedReads() throws Exception {
        assertInstanceOf(DurableLog.NoGroupException.class,
                failure(log.reader("g", "c").readNew(List.of("none"), 1, Duration.ZERO)));
        append("s", "a");
        assertInstanceOf(DurableLog.NoGroupException.class, failure(log.group("s", "g")));

        done(log.createGroup("s", "g"));
        DurableLog.Reader reader = log.reader("g", "c");
        done(reader.readNew(List.of("s"), 10, Duration.ZERO));
        CompletionStage<List<Entry>> waiting = reader.readNew(List.of("s"), 10, Duration.ofSeconds(30));
        done(log.group("s", "g")); // the read above is queued on the log's thread before this answer
        assertTrue(transport.deleteStream("s"));
        assertInstanceOf(DurableLog.NoGroupException.class, failure(waiting));
    }

    @Test
    void aClaimTakesIdleEntriesCountsTheDeliveryAndDropsTrimmedOnes() throws Exception {
        done(log.createGroup("s", "g"));
        for (int i = 0; i < 3; i++) {
            append("s", "e" + i);
        }
        List<Entry> read = done(log.reader("g", "crashed").readNew(List.of("s"), 10, Duration.ZERO));
        assertEquals(3, read.size());

        DurableLog.Claimed none = done(log.claim("s", "g", "live", Duration.ofMinutes(1), "0-0", 10));
        assertEquals(List.of(), none.entries());

        done(log.append("s", "e3".getBytes(StandardCharsets.UTF_8), Map.of(), DurableLog.Retention.maxLength(3))); // trims e0
        DurableLog.Claimed claimed = done(log.claim("s", "g", "live", Duration.ZERO, "0-0", 10));
        assertEquals(List.of("e1", "e2"), claimed.entries().stream().map(InMemoryDurableLogTest::text).toList());
        assertEquals(List.of(read.get(0).id()), claimed.deleted());
        assertEquals(2, claimed.entries().get(0).deliveries());
        assertEquals("0-0", claimed.next());
        assertEquals(Map.of("crashed", 0L, "live", 2L), done(log.group("s", "g")).consumers());

        DurableLog.Claimed one = done(log.claim("s", "g", "other", Duration.ZERO, "0-0", 1));
        assertEquals(1, one.entries().size());
        assertEquals(claimed.entries().get(1).id(), one.next());

        assertEquals(1L, done(log.removeConsumer("s", "g", "live")));
        assertEquals(1, done(log.group("s", "g")).pending());
    }

    @Test
    void readingPendingEntriesAgainCountsThem() throws Exception {
        done(log.createGroup("s", "g"));
        append("s", "a");
        DurableLog.Reader reader = log.reader("g", "c");
        done(reader.readNew(List.of("s"), 10, Duration.ZERO));

        List<Entry> again = done(reader.readPending("s", "0-0", 10));

        assertEquals(1, again.size());
        assertEquals(2, again.get(0).deliveries());
        assertEquals(List.of(), done(reader.readPending("s", again.get(0).id(), 10)));
    }

    @Test
    void streamsAreFoundByGlobAndRetentionTrims() throws Exception {
        append("herald:stream:a:eu", "x");
        append("herald:stream:a:us", "x");
        append("herald:stream:b:eu", "x");
        assertEquals(List.of("herald:stream:a:eu", "herald:stream:a:us"), done(log.streams("herald:stream:a:*")));

        for (int i = 0; i < 20; i++) {
            done(log.append("t", new byte[] {1}, Map.of(), DurableLog.Retention.maxLength(5)));
        }
        assertEquals(5, transport.streamLength("t"));
    }
}
