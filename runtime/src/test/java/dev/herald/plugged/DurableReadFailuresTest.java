package dev.herald.plugged;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.ChannelDescriptor;
import dev.herald.Herald;
import dev.herald.HeraldError;
import dev.herald.PayloadType;
import dev.herald.spi.DurableLog;
import dev.herald.testing.CapturedLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A durable subscription whose reads fail (the connection is down) retries them with backoff, reports the failure
 * once and notices the recovery; a transport without a durable log is refused with its name.
 */
class DurableReadFailuresTest {

    private static final ChannelDescriptor<String> NOTES = ChannelDescriptor.durable("notes", PayloadType.of(String.class),
            DurableReadFailuresTest.class, "notes");

    /**
     * The log, with reads that fail while {@link #down}, and reads whose answer is lost while {@link #losing}: the log
     * delivered the entries (they are pending for the consumer), the read fails all the same.
     */
    static final class FlakyLog implements DurableLog {
        private final DurableLog log;
        volatile boolean down;
        volatile boolean losing;
        final AtomicInteger failedReads = new AtomicInteger();
        final AtomicInteger lostEntries = new AtomicInteger();
        final AtomicInteger pendingReads = new AtomicInteger();
        final AtomicInteger newReads = new AtomicInteger();
        final AtomicInteger acks = new AtomicInteger();
        final AtomicInteger acked = new AtomicInteger();

        FlakyLog(DurableLog log) {
            this.log = log;
        }

        @Override
        public CompletionStage<String> append(String stream, byte[] payload, Map<String, String> headers,
                DurableLog.Retention retention) {
            return log.append(stream, payload, headers, retention);
        }

        @Override
        public CompletionStage<Void> createGroup(String stream, String group) {
            return log.createGroup(stream, group);
        }

        @Override
        public Reader reader(String group, String consumer) {
            Reader reader = log.reader(group, consumer);
            return new Reader() {
                @Override
                public CompletionStage<List<Entry>> readNew(List<String> streams, int count, Duration block) {
                    newReads.incrementAndGet();
                    if (down) {
                        failedReads.incrementAndGet();
                        return CompletableFuture.failedFuture(new IllegalStateException("connection down"));
                    }
                    if (losing) {
                        return reader.readNew(streams, count, block).thenApply(entries -> {
                            lostEntries.addAndGet(entries.size());
                            throw new IllegalStateException("connection lost before the answer came");
                        });
                    }
                    return reader.readNew(streams, count, block);
                }

                @Override
                public CompletionStage<List<Entry>> readPending(String stream, String afterId, int count) {
                    pendingReads.incrementAndGet();
                    return reader.readPending(stream, afterId, count);
                }

                @Override
                public void close() {
                    reader.close();
                }
            };
        }

        @Override
        public CompletionStage<Long> ack(String stream, String group, List<String> ids) {
            acks.incrementAndGet();
            acked.addAndGet(ids.size());
            return log.ack(stream, group, ids);
        }

        @Override
        public CompletionStage<Claimed> claim(String stream, String group, String consumer, Duration minIdle,
                String start, int count) {
            return log.claim(stream, group, consumer, minIdle, start, count);
        }

        @Override
        public CompletionStage<List<String>> streams(String glob) {
            return log.streams(glob);
        }

        @Override
        public CompletionStage<GroupState> group(String stream, String group) {
            return log.group(stream, group);
        }

        @Override
        public CompletionStage<Long> removeConsumer(String stream, String group, String consumer) {
            return log.removeConsumer(stream, group, consumer);
        }
    }

    @Test
    void failingReadsAreRetriedWithBackoffReportedOnceAndTheirRecoveryIsLogged() throws Exception {
        FlakyLog[] flaky = new FlakyLog[1];
        List<HeraldError> errors = new CopyOnWriteArrayList<>();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        try (CapturedLog logged = new CapturedLog();
                Herald herald = Herald.builder().transport(new DelegatingTransport(log -> flaky[0] = new FlakyLog(log)))
                        .consumerGroup("g").claimIdle(Duration.ofMillis(100)).errorHandler(errors::add).build()) {
            herald.channel(NOTES).subscribe(received::add);
            herald.channel(NOTES).sendAsync("before").toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals("before", received.poll(10, TimeUnit.SECONDS));

            flaky[0].down = true;
            await().atMost(Duration.ofSeconds(10)).until(() -> flaky[0].failedReads.get() >= 4);
            assertEquals(1, errors.size(), errors.toString());
            assertEquals(HeraldError.Kind.INTERNAL, errors.get(0).kind());
            assertTrue(errors.get(0).cause().getMessage().contains("connection down"), errors.get(0).cause().getMessage());

            flaky[0].down = false;
            herald.channel(NOTES).sendAsync("after").toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals("after", received.poll(10, TimeUnit.SECONDS));
            assertEquals(1, errors.size(), errors.toString());
            await().atMost(Duration.ofSeconds(10)).until(() -> !logged.lines("reading again").isEmpty());
        }
    }

    @Test
    void entriesDeliveredToAReadThatFailedAreReadAgainFromTheConsumersPendingEntriesWhenReadingRecovers()
            throws Exception {
        FlakyLog[] flaky = new FlakyLog[1];
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        // claims would take the lost entries only after an hour: only reading its own pending entries finds them
        try (Herald herald = Herald.builder().transport(new DelegatingTransport(log -> flaky[0] = new FlakyLog(log)))
                .consumerGroup("g").claimIdle(Duration.ofHours(1)).errorHandler(error -> { }).build()) {
            herald.channel(NOTES).subscribe(received::add);
            herald.channel(NOTES).sendAsync("before").toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals("before", received.poll(10, TimeUnit.SECONDS));

            flaky[0].losing = true;
            for (String note : List.of("lost 1", "lost 2", "lost 3")) {
                herald.channel(NOTES).sendAsync(note).toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> flaky[0].lostEntries.get() >= 1);
            flaky[0].losing = false;
            String stream = "herald:stream:notes";

            herald.channel(NOTES).sendAsync("after").toCompletableFuture().get(10, TimeUnit.SECONDS);
            List<String> got = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String note = received.poll(10, TimeUnit.SECONDS);
                assertTrue(note != null, "received only " + got);
                got.add(note);
            }
            assertEquals(List.of("lost 1", "lost 2", "lost 3", "after"), got, "its own pending entries first, in order");
            assertTrue(flaky[0].pendingReads.get() >= 2, "read its pending entries until none was left");
            assertTrue(received.isEmpty(), "each once: " + received);
            await().atMost(Duration.ofSeconds(10)).until(() -> flaky[0].group(stream, "g").toCompletableFuture()
                    .get(10, TimeUnit.SECONDS).pending() == 0);
        }
    }

    @Test
    void aTransportWithoutADurableLogIsRefusedByName() {
        try (Herald herald = Herald.builder().transport(new DelegatingTransport(log -> null)).build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> herald.channel(NOTES));
            assertTrue(e.getMessage().contains("a test transport"), e.getMessage());
            assertTrue(e.getMessage().contains("durable()"), e.getMessage());
            assertTrue(e.getMessage().contains("notes"), e.getMessage());
        }
    }
}
