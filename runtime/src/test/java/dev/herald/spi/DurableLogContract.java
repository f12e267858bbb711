package dev.herald.spi;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.spi.DurableLog.Claimed;
import dev.herald.spi.DurableLog.Entry;
import dev.herald.spi.DurableLog.GroupState;
import dev.herald.spi.DurableLog.NoGroupException;
import dev.herald.spi.DurableLog.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DurableLog} does, asked through the interface only: a log runs these by extending this class
 * and saying how to make one ({@link #newLog()}). The semantics are those Redis 7.0 shows, including:
 * <ul>
 *   <li>reading one's own pending entries again ({@code readPending}) counts as a delivery, like a claim;
 *   <li>an entry trimmed while pending is reported by a claim as deleted and leaves the pending list; a
 *       {@code readPending} skips it (and it leaves the pending list too);
 *   <li>a consumer appears in {@link GroupState#consumers()} once it was delivered something (Redis 7.0 does not
 *       create one for a {@code readNew} that found nothing), and stays, with 0, after acknowledging;
 *   <li>trimming is approximate: a log keeps at least what the retention says, the newest entries, and less than
 *       half of what was appended far beyond it.
 * </ul>
 */
public abstract class DurableLogContract {

    /** How long a stage may take before the test fails. */
    protected static final Duration WAIT = Duration.ofSeconds(10);

    /** The log under test, from {@link #newLog()}. */
    protected DurableLog log;
    /** A stream name of this test's own. */
    protected String stream;
    private final List<Reader> readers = new ArrayList<>();

    /**
     * Makes the log under test; called before each test.
     *
     * @return the log
     */
    protected abstract DurableLog newLog();

    @BeforeEach
    void openLog() {
        log = newLog();
        stream = streamName("s");
    }

    @AfterEach
    void closeReaders() {
        readers.forEach(Reader::close);
    }

    /**
     * @param what a word for the stream
     * @return a stream name no other test uses
     */
    protected static String streamName(String what) {
        return "herald:stream:contract:" + what + ":" + UUID.randomUUID();
    }

    /**
     * Waits for a stage.
     *
     * @param stage the stage
     * @param <T> its value
     * @return its value
     * @throws AssertionError when it failed or took too long
     */
    protected static <T> T get(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the stage failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the stage did not complete within " + WAIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Waits for a stage that must fail.
     *
     * @param stage the stage
     * @return what it failed with
     */
    protected static Throwable failure(CompletionStage<?> stage) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        return e.getCause();
    }

    /**
     * Opens a reader that is closed after the test.
     *
     * @param group the group
     * @param consumer the consumer
     * @return the reader
     */
    protected Reader reader(String group, String consumer) {
        Reader reader = log.reader(group, consumer);
        readers.add(reader);
        return reader;
    }

    /**
     * @param text a payload's text
     * @return the id
     */
    protected String append(String text) {
        return append(stream, text, DurableLog.Retention.unbounded());
    }

    /**
     * @param in the stream
     * @param text a payload's text
     * @param retention how much to keep
     * @return the id
     */
    protected String append(String in, String text, DurableLog.Retention retention) {
        return get(log.append(in, bytes(text), Map.of(), retention));
    }

    /** @return the entries a new group reads from the stream's beginning */
    private List<Entry> everything(String in) {
        String group = "everything-" + UUID.randomUUID();
        get(log.createGroup(in, group));
        Reader reader = reader(group, "reader");
        List<Entry> all = new ArrayList<>();
        List<Entry> batch;
        do {
            batch = get(reader.readNew(List.of(in), 1_000, Duration.ZERO));
            all.addAll(batch);
        } while (!batch.isEmpty());
        return all;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Entry entry) {
        return new String(entry.payload(), StandardCharsets.UTF_8);
    }

    private static List<String> ids(List<Entry> entries) {
        return entries.stream().map(Entry::id).toList();
    }

    private static int compareIds(String a, String b) {
        String[] x = a.split("-");
        String[] y = b.split("-");
        int byTime = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
        return byTime != 0 ? byTime : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
    }

    @Test
    void appendReturnsIdsInOrderAndTheEntryCarriesPayloadAndHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("traceparent", "00-abc-def-01");
        headers.put("x-origin", "contract");
        String first = get(log.append(stream, bytes("{\"n\":1}"), headers, DurableLog.Retention.unbounded()));
        String second = append("{\"n\":2}");
        String third = append("{\"n\":3}");
        assertTrue(compareIds(first, second) < 0 && compareIds(second, third) < 0, first + " " + second + " " + third);

        List<Entry> read = everything(stream);
        assertEquals(List.of(first, second, third), ids(read));
        Entry entry = read.get(0);
        assertEquals(stream, entry.stream());
        assertEquals("{\"n\":1}", text(entry));
        assertEquals(headers, entry.headers());
        assertEquals(1, entry.deliveries());
        assertEquals(Map.of(), read.get(1).headers());
    }

    @Test
    void trimsToAboutTheMaxLength() {
        int appended = 1_000;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < appended; i++) {
            ids.add(append(stream, "{\"n\":" + i + "}", DurableLog.Retention.maxLength(10)));
        }
        List<String> kept = ids(everything(stream));
        assertTrue(kept.size() < appended / 2, "kept " + kept.size() + " of " + appended);
        assertEquals(ids.subList(appended - kept.size(), appended), kept, "the newest are kept");
        assertTrue(kept.size() >= 10, "kept " + kept.size());
    }

    @Test
    void trimsToAboutTheMaxAge() {
        int appended = 300;
        for (int i = 0; i < appended; i++) {
            append("{\"n\":" + i + "}");
        }
        // each attempt appends one more, younger than a millisecond: what is older goes
        await().atMost(WAIT).untilAsserted(() -> {
            String newest = append(stream, "{\"young\":true}", DurableLog.Retention.maxAge(Duration.ofMillis(1)));
            List<String> kept = ids(everything(stream));
            assertTrue(kept.size() < appended / 2, "kept " + kept.size());
            assertEquals(newest, kept.get(kept.size() - 1));
        });
    }

    @Test
    void createGroupIsIdempotentAndStartsAtTheBeginning() {
        String first = append("{\"n\":1}");
        get(log.createGroup(stream, "g"));
        get(log.createGroup(stream, "g"));
        Reader reader = reader("g", "c");
        List<Entry> read = get(reader.readNew(List.of(stream), 10, Duration.ZERO));
        assertEquals(List.of(first), ids(read));
        get(log.createGroup(stream, "g")); // leaves the group where it is
        assertEquals(List.of(), get(reader.readNew(List.of(stream), 10, Duration.ZERO)));
        assertEquals(1, get(log.group(stream, "g")).pending());
    }

    @Test
    void createGroupMakesAnEmptyStream() {
        get(log.createGroup(stream, "g"));
        assertEquals(List.of(), get(reader("g", "c").readNew(List.of(stream), 10, Duration.ZERO)));
        GroupState state = get(log.group(stream, "g"));
        assertEquals(0, state.pending());
    }

    @Test
    void everyGroupReadsEveryEntry() {
        get(log.createGroup(stream, "a"));
        get(log.createGroup(stream, "b"));
        List<String> ids = List.of(append("1"), append("2"), append("3"));
        assertEquals(ids, ids(get(reader("a", "c").readNew(List.of(stream), 10, Duration.ZERO))));
        assertEquals(ids, ids(get(reader("b", "c").readNew(List.of(stream), 10, Duration.ZERO))));
    }

    @Test
    void consumersOfOneGroupSplitTheEntries() {
        get(log.createGroup(stream, "g"));
        List<String> ids = List.of(append("1"), append("2"), append("3"), append("4"));
        List<Entry> one = get(reader("g", "one").readNew(List.of(stream), 2, Duration.ZERO));
        List<Entry> two = get(reader("g", "two").readNew(List.of(stream), 10, Duration.ZERO));
        assertEquals(ids.subList(0, 2), ids(one));
        assertEquals(ids.subList(2, 4), ids(two));
        GroupState state = get(log.group(stream, "g"));
        assertEquals(4, state.pending());
        assertEquals(Map.of("one", 2L, "two", 2L), state.consumers());
    }

    @Test
    void readNewReadsAcrossStreams() {
        String other = streamName("other");
        get(log.createGroup(stream, "g"));
        get(log.createGroup(other, "g"));
        String here = append("here");
        String there = append(other, "there", DurableLog.Retention.unbounded());
        List<Entry> read = get(reader("g", "c").readNew(List.of(stream, other), 10, Duration.ZERO));
        Set<String> seen = new HashSet<>();
        read.forEach(entry -> seen.add(entry.stream() + "/" + entry.id()));
        assertEquals(Set.of(stream + "/" + here, other + "/" + there), seen);
    }

    @Test
    void readNewWaitsForAnEntry() {
        get(log.createGroup(stream, "g"));
        CompletableFuture<List<Entry>> read = reader("g", "c").readNew(List.of(stream), 10, WAIT.multipliedBy(3))
                .toCompletableFuture();
        assertFalse(read.isDone());
        String id = append("arrives");
        List<Entry> entries = get(read);
        assertEquals(List.of(id), ids(entries));
    }

    @Test
    void readNewGivesNothingWhenNothingArrives() {
        get(log.createGroup(stream, "g"));
        Reader reader = reader("g", "c");
        assertEquals(List.of(), get(reader.readNew(List.of(stream), 10, Duration.ofMillis(100))));
        assertEquals(List.of(), get(reader.readNew(List.of(stream), 10, Duration.ZERO)));
    }

    @Test
    void ackRemovesFromThePendingList() {
        get(log.createGroup(stream, "g"));
        String first = append("1");
        String second = append("2");
        get(reader("g", "c").readNew(List.of(stream), 10, Duration.ZERO));
        assertEquals(2, get(log.group(stream, "g")).pending());
        assertEquals(1L, get(log.ack(stream, "g", List.of(first))));
        assertEquals(1L, get(log.ack(stream, "g", List.of(first, second))));
        assertEquals(0L, get(log.ack(stream, "g", List.of(first))));
        GroupState state = get(log.group(stream, "g"));
        assertEquals(0, state.pending());
        assertEquals(Map.of("c", 0L), state.consumers());
    }

    @Test
    void readPendingReturnsOwnPendingEntriesWithTheirDeliveryCounts() {
        get(log.createGroup(stream, "g"));
        List<String> ids = List.of(append("1"), append("2"), append("3"));
        Reader mine = reader("g", "mine");
        assertEquals(List.of(1L, 1L, 1L), get(mine.readNew(List.of(stream), 10, Duration.ZERO)).stream()
                .map(Entry::deliveries).toList());

        List<Entry> pending = get(mine.readPending(stream, "0-0", 10));
        assertEquals(ids, ids(pending));
        assertEquals("1", text(pending.get(0)));
        assertEquals(List.of(2L, 2L, 2L), pending.stream().map(Entry::deliveries).toList(),
                "reading history counts as a delivery");
        assertEquals(List.of(ids.get(2)), ids(get(mine.readPending(stream, ids.get(1), 10))));
        assertEquals(ids.subList(0, 2), ids(get(mine.readPending(stream, "0-0", 2))));

        get(log.ack(stream, "g", List.of(ids.get(0))));
        List<Entry> again = get(mine.readPending(stream, "0-0", 10));
        assertEquals(ids.subList(1, 3), ids(again));
        assertEquals(List.of(4L, 4L), again.stream().map(Entry::deliveries).toList());
        assertEquals(List.of(), get(reader("g", "other").readPending(stream, "0-0", 10)));
    }

    @Test
    void claimTakesIdleEntriesWithTheirCountsRaised() {
        get(log.createGroup(stream, "g"));
        List<String> ids = List.of(append("1"), append("2"));
        get(reader("g", "crashed").readNew(List.of(stream), 10, Duration.ZERO));

        Claimed early = get(log.claim(stream, "g", "rescuer", Duration.ofMinutes(10), "0-0", 10));
        assertEquals(List.of(), early.entries());
        assertEquals("0-0", early.next());

        Claimed claimed = await().atMost(WAIT).until(
                () -> get(log.claim(stream, "g", "rescuer", Duration.ofMillis(20), "0-0", 10)),
                claim -> !claim.entries().isEmpty());
        assertEquals(ids, ids(claimed.entries()));
        assertEquals(List.of(2L, 2L), claimed.entries().stream().map(Entry::deliveries).toList());
        assertEquals("1", text(claimed.entries().get(0)));
        assertEquals(List.of(), claimed.deleted());
        assertEquals("0-0", claimed.next());
        assertEquals(Map.of("crashed", 0L, "rescuer", 2L), get(log.group(stream, "g")).consumers());
        assertEquals(List.of(), get(reader("g", "crashed").readPending(stream, "0-0", 10)));
        assertEquals(ids, ids(get(reader("g", "rescuer").readPending(stream, "0-0", 10))));
    }

    @Test
    void claimContinuesWhereItStopped() {
        get(log.createGroup(stream, "g"));
        List<String> ids = List.of(append("1"), append("2"), append("3"));
        get(reader("g", "crashed").readNew(List.of(stream), 10, Duration.ZERO));
        Claimed first = get(log.claim(stream, "g", "rescuer", Duration.ZERO, "0-0", 2));
        assertEquals(ids.subList(0, 2), ids(first.entries()));
        assertFalse(first.next().equals("0-0"));
        Claimed rest = get(log.claim(stream, "g", "rescuer", Duration.ZERO, first.next(), 2));
        assertEquals(ids.subList(2, 3), ids(rest.entries()));
    }

    @Test
    void claimReportsEntriesTrimmedWhilePending() {
        get(log.createGroup(stream, "g"));
        String lost = append("lost");
        get(reader("g", "crashed").readNew(List.of(stream), 10, Duration.ZERO));
        for (int i = 0; i < 500; i++) {
            append(stream, "{\"n\":" + i + "}", DurableLog.Retention.maxLength(1));
        }
        Claimed claimed = get(log.claim(stream, "g", "rescuer", Duration.ZERO, "0-0", 10));
        assertEquals(List.of(lost), claimed.deleted());
        assertEquals(List.of(), claimed.entries());
        assertEquals(0, get(log.group(stream, "g")).pending(), "the claim removed it from the pending list");
    }

    @Test
    void readPendingSkipsEntriesTrimmedWhilePending() {
        get(log.createGroup(stream, "g"));
        append("lost");
        Reader reader = reader("g", "c");
        get(reader.readNew(List.of(stream), 1, Duration.ZERO));
        for (int i = 0; i < 500; i++) {
            append(stream, "{\"n\":" + i + "}", DurableLog.Retention.maxLength(1));
        }
        List<Entry> kept = get(reader.readNew(List.of(stream), 1_000, Duration.ZERO));
        assertFalse(kept.isEmpty());
        List<Entry> pending = get(reader.readPending(stream, "0-0", 1_000));
        assertEquals(ids(kept), ids(pending));
    }

    @Test
    void missingGroupOrStreamFailsWithNoGroupException() {
        Reader reader = reader("nope", "c");
        assertInstanceOf(NoGroupException.class, failure(reader.readNew(List.of(stream), 10, Duration.ZERO)));
        assertInstanceOf(NoGroupException.class, failure(reader.readNew(List.of(stream), 10, Duration.ofMillis(200))));
        assertInstanceOf(NoGroupException.class, failure(reader.readPending(stream, "0-0", 10)));
        assertInstanceOf(NoGroupException.class, failure(log.claim(stream, "nope", "c", Duration.ZERO, "0-0", 10)));
        assertInstanceOf(NoGroupException.class, failure(log.group(stream, "nope")));
        get(log.createGroup(stream, "g"));
        assertInstanceOf(NoGroupException.class, failure(log.group(stream, "nope")));
        assertInstanceOf(NoGroupException.class, failure(reader.readNew(List.of(stream), 10, Duration.ZERO)));
        assertInstanceOf(NoGroupException.class, failure(log.removeConsumer(stream, "nope", "c")));
    }

    @Test
    void streamsFindsTheStreamsAGlobMatches() {
        String base = "herald:stream:contract:glob:" + UUID.randomUUID() + ":";
        append(base + "b", "1", DurableLog.Retention.unbounded());
        append(base + "a", "1", DurableLog.Retention.unbounded());
        get(log.createGroup(base + "c", "g"));
        append(base.replace("glob", "elsewhere") + "a", "1", DurableLog.Retention.unbounded());
        assertEquals(List.of(base + "a", base + "b", base + "c"), get(log.streams(base + "*")));
        assertEquals(List.of(), get(log.streams(base + "z*")));
    }

    @Test
    void removeConsumerForgetsItAndItsPendingEntries() {
        get(log.createGroup(stream, "g"));
        String first = append("1");
        append("2");
        String third = append("3");
        get(reader("g", "gone").readNew(List.of(stream), 2, Duration.ZERO));
        get(reader("g", "stays").readNew(List.of(stream), 10, Duration.ZERO));
        get(log.ack(stream, "g", List.of(first, third)));
        assertEquals(1L, get(log.removeConsumer(stream, "g", "gone")));
        GroupState state = get(log.group(stream, "g"));
        assertEquals(Map.of("stays", 0L), state.consumers());
        assertEquals(0, state.pending());
        assertEquals(0L, get(log.removeConsumer(stream, "g", "never")));
    }

    @Test
    void groupStateReportsTheLag() {
        get(log.createGroup(stream, "g"));
        append("1");
        append("2");
        append("3");
        GroupState before = get(log.group(stream, "g"));
        assertTrue(before.lag() == 3 || before.lag() == -1, "lag " + before.lag());
        get(reader("g", "c").readNew(List.of(stream), 2, Duration.ZERO));
        GroupState after = get(log.group(stream, "g"));
        assertTrue(after.lag() == 1 || after.lag() == -1, "lag " + after.lag());
        assertEquals(2, after.pending());
    }

    @Test
    void closingAReaderFailsItsBlockedReadPromptly() {
        get(log.createGroup(stream, "g"));
        Reader reader = log.reader("g", "c");
        CompletableFuture<List<Entry>> read = reader.readNew(List.of(stream), 10, Duration.ofMinutes(1)).toCompletableFuture();
        assertFalse(read.isDone());
        long closing = System.nanoTime();
        reader.close();
        failure(read);
        assertTrue(System.nanoTime() - closing < Duration.ofSeconds(5).toNanos());
        failure(reader.readNew(List.of(stream), 10, Duration.ZERO));
        failure(reader.readPending(stream, "0-0", 10));
    }
}
