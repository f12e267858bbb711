package dev.herald.plugged;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.ChannelDescriptor;
import dev.herald.Herald;
import dev.herald.PayloadType;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A durable consumer reads and acknowledges in batches: a backlog is read a read count at a time and acknowledged
 * with one acknowledgement per read, not one per entry; and what was handled is acknowledged soon even while the
 * handler of a later entry of the same read still runs.
 */
class DurableBatchingTest {

    private static final ChannelDescriptor<String> NOTES = ChannelDescriptor.durable("notes", PayloadType.of(String.class),
            DurableBatchingTest.class, "notes");
    private static final String STREAM = "herald:stream:notes";

    @Test
    void aBacklogIsReadAndAcknowledgedInBatches() throws Exception {
        DurableReadFailuresTest.FlakyLog[] log = new DurableReadFailuresTest.FlakyLog[1];
        AtomicInteger handled = new AtomicInteger();
        try (Herald herald = Herald.builder()
                .transport(new DelegatingTransport(l -> log[0] = new DurableReadFailuresTest.FlakyLog(l)))
                .consumerGroup("g").durableReadCount(100).build()) {
            for (int i = 0; i < 250; i++) {
                herald.channel(NOTES).sendAsync("note " + i).toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
            herald.channel(NOTES).subscribe(note -> handled.incrementAndGet());
            await().atMost(Duration.ofSeconds(10)).until(() -> handled.get() == 250 && log[0].acked.get() == 250);
            await().atMost(Duration.ofSeconds(10)).until(() -> log[0].group(STREAM, "g").toCompletableFuture()
                    .get(10, TimeUnit.SECONDS).pending() == 0);
            // 250 entries at up to 100 a read: 3 reads with entries and 3 acknowledgements (a few more if a batch was split)
            assertTrue(log[0].acks.get() <= 6, log[0].acks.get() + " acknowledgements for 250 entries");
            assertTrue(log[0].newReads.get() <= 8, log[0].newReads.get() + " reads for 250 entries");
        }
    }

    @Test
    void whatWasHandledIsAcknowledgedWhileALaterHandlerOfTheSameReadStillRuns() throws Exception {
        DurableReadFailuresTest.FlakyLog[] log = new DurableReadFailuresTest.FlakyLog[1];
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger handled = new AtomicInteger();
        try (Herald herald = Herald.builder()
                .transport(new DelegatingTransport(l -> log[0] = new DurableReadFailuresTest.FlakyLog(l)))
                .consumerGroup("g").durableReadCount(10).build()) {
            herald.channel(NOTES).sendAsync("quick").toCompletableFuture().get(10, TimeUnit.SECONDS);
            herald.channel(NOTES).sendAsync("slow").toCompletableFuture().get(10, TimeUnit.SECONDS);
            herald.channel(NOTES).subscribe(note -> {
                handled.incrementAndGet();
                if (note.equals("slow")) {
                    release.await();
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> handled.get() == 2);
            // the slow handler has not returned: its entry stays pending, the quick one's is acknowledged
            await().atMost(Duration.ofSeconds(10)).until(() -> log[0].acked.get() == 1);
            assertEquals(1L, log[0].group(STREAM, "g").toCompletableFuture().get(10, TimeUnit.SECONDS).pending());
            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> log[0].group(STREAM, "g").toCompletableFuture()
                    .get(10, TimeUnit.SECONDS).pending() == 0);
            assertEquals(2, log[0].acked.get());
        }
    }
}
