package dev.herald.contract;

import static dev.herald.contract.Waiting.WAIT;
import static dev.herald.contract.Waiting.take;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.HeraldError;
import dev.herald.OverflowPolicy;
import dev.herald.PayloadType;
import dev.herald.Subscription;
import dev.herald.SubscriptionOverflowException;
import dev.herald.TypedChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Bounded buffers: what a full subscription drops, and how the drops are reported. */
interface OverflowContract extends ContractPart {

    // ------------------------------------------------------------------ bounded buffers

    @Test
    default void aFullBufferDropsTheNewestCountsAndReports() throws Exception {
        List<Integer> received = overflow(OverflowPolicy.DROP_NEWEST);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), received, "the in-flight message and the first ten");
    }

    @Test
    default void aFullBufferCanDropTheOldestInstead() throws Exception {
        List<Integer> received = overflow(OverflowPolicy.DROP_OLDEST);
        assertEquals(List.of(0, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100), received, "the in-flight message and the last ten");
    }

    @Test
    default void overflowIsReportedAtMostOnceASecondWithTheCounts() throws Exception {
        Herald own = open(transportBuilder().channelPrefix(prefix()).errorHandler(errors()).bufferCapacity(1));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Subscription slow = own.subscribe("flood", Integer.class, n -> {
            started.countDown();
            release.await();
        });
        TypedChannel<Integer> flood = own.channel("flood", PayloadType.of(Integer.class));
        flood.send(0);
        assertTrue(started.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        int sent = 5_000;
        long start = System.nanoTime();
        for (int i = 1; i <= sent; i++) {
            flood.send(i);
        }
        await().atMost(WAIT).until(() -> slow.dropped() == sent - 1);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        await().atMost(WAIT).until(() -> !errors().ofKind(HeraldError.Kind.OVERFLOW).isEmpty());
        release.countDown();

        List<HeraldError> reports = errors().ofKind(HeraldError.Kind.OVERFLOW);
        assertTrue(reports.size() <= seconds + 1, reports.size() + " reports of " + (sent - 1) + " drops in about "
                + seconds + " s: the error handler must not hear of every drop");
        String first = reports.get(0).cause().getMessage();
        assertTrue(first.matches(".*dropped \\d+ message\\(s\\), \\d+ in all.*"), first);
        assertEquals(full("flood"), reports.get(0).channel());
    }

    @Test
    default void aSingleDropIsReportedAtOnceAndTheNextNotBeforeASecondLater() throws Exception {
        Herald own = open(transportBuilder().channelPrefix(prefix()).errorHandler(errors()).bufferCapacity(1));
        long subscribing = System.nanoTime();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Subscription slow = own.subscribe("drip", Integer.class, n -> {
            started.countDown();
            release.await();
        });
        TypedChannel<Integer> drip = own.channel("drip", PayloadType.of(Integer.class));
        try {
            drip.send(0);
            assertTrue(started.await(WAIT.toSeconds(), TimeUnit.SECONDS));
            drip.send(1); // buffered
            long firstDrop = System.nanoTime();
            drip.send(2); // dropped
            await().atMost(WAIT).pollInterval(Duration.ofMillis(10))
                    .until(() -> errors().ofKind(HeraldError.Kind.OVERFLOW).size() == 1);
            long firstReport = System.nanoTime();
            assertEquals(1, slow.dropped());
            assertEquals(1, ((SubscriptionOverflowException) errors().ofKind(HeraldError.Kind.OVERFLOW).get(0).cause()).count());
            // the subscription is younger than two seconds: a report held back a second would come later than this
            assertTrue(firstReport - subscribing < TimeUnit.SECONDS.toNanos(2), "the first drop was reported "
                    + TimeUnit.NANOSECONDS.toMillis(firstReport - firstDrop) + " ms after it happened");

            drip.send(3); // dropped too
            await().atMost(WAIT).pollInterval(Duration.ofMillis(10))
                    .until(() -> errors().ofKind(HeraldError.Kind.OVERFLOW).size() == 2);
            long secondReport = System.nanoTime();
            HeraldError second = errors().ofKind(HeraldError.Kind.OVERFLOW).get(1);
            assertEquals(1, ((SubscriptionOverflowException) second.cause()).count());
            assertTrue(second.cause().getMessage().contains("dropped 1 message(s), 2 in all"), second.cause().getMessage());
            assertTrue(secondReport - firstDrop >= TimeUnit.SECONDS.toNanos(1), "the second report came "
                    + TimeUnit.NANOSECONDS.toMillis(secondReport - firstDrop) + " ms after the first drop");
        } finally {
            release.countDown();
        }
    }

    @Test
    default void overflowReportCountsAddUpToDroppedWithTheDefaultBuffer() throws Exception {
        Herald own = open(transportBuilder().channelPrefix(prefix()).errorHandler(errors()));
        assertReportsAddUp(own, 25_000, 15_000); // 10,000 buffered, one in the handler
    }

    @Test
    default void overflowReportCountsAddUpToDroppedWithABufferOfTen() throws Exception {
        Herald own = open(transportBuilder().channelPrefix(prefix()).errorHandler(errors()).bufferCapacity(10));
        assertReportsAddUp(own, 1_010, 1_000);
    }

    /**
     * Blocks a subscription on message 0, floods it with {@code sent} more, and checks that the OVERFLOW reports,
     * the last one coming about a second after the drops stopped, count exactly the dropped messages.
     */
    private void assertReportsAddUp(Herald own, int sent, long drops) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Subscription slow = own.subscribe("flood", Integer.class, n -> {
            started.countDown();
            release.await();
        });
        TypedChannel<Integer> flood = own.channel("flood", PayloadType.of(Integer.class));
        flood.send(0);
        assertTrue(started.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        for (int i = 1; i <= sent; i++) {
            flood.send(i);
        }
        try {
            await().atMost(WAIT).until(() -> slow.dropped() == drops);
            await().atMost(WAIT).until(() -> reportedDrops("flood") == drops);
            List<HeraldError> reports = errors().ofKind(HeraldError.Kind.OVERFLOW);
            assertTrue(reports.stream().allMatch(r -> r.cause() instanceof SubscriptionOverflowException), reports.toString());
            assertEquals(drops, slow.dropped());
        } finally {
            release.countDown();
        }
    }

    /** The sum of the counts of the OVERFLOW reports of one channel. */
    private long reportedDrops(String channel) {
        return errors().ofKind(HeraldError.Kind.OVERFLOW).stream()
                .filter(r -> r.channel().equals(full(channel)) && r.cause() instanceof SubscriptionOverflowException)
                .mapToLong(r -> ((SubscriptionOverflowException) r.cause()).count())
                .sum();
    }

    /** Blocks a subscription on message 0, sends 100 more into a buffer of 10, then lets it go. */
    private List<Integer> overflow(OverflowPolicy policy) throws Exception {
        Herald own = open(transportBuilder().channelPrefix(prefix()).errorHandler(errors())
                .bufferCapacity(10).overflowPolicy(policy));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> received = new CopyOnWriteArrayList<>();
        Subscription slow = own.subscribe("flood", Integer.class, n -> {
            started.countDown();
            release.await();
            received.add(n);
        });
        BlockingQueue<Integer> other = new LinkedBlockingQueue<>();
        own.subscribe("other", Integer.class, other::add);
        TypedChannel<Integer> flood = own.channel("flood", PayloadType.of(Integer.class));
        flood.send(0);
        assertTrue(started.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        for (int i = 1; i <= 100; i++) {
            flood.send(i);
        }
        await().atMost(WAIT).until(() -> slow.dropped() == 90);
        own.publish("other", 7);
        assertEquals(7, take(other), "a full subscription does not stall the others");
        await().atMost(WAIT).until(() -> !errors().ofKind(HeraldError.Kind.OVERFLOW).isEmpty());
        assertTrue(errors().ofKind(HeraldError.Kind.OVERFLOW).get(0).cause().getMessage().contains("dropped"));
        release.countDown();
        await().atMost(WAIT).until(() -> received.size() == 11);
        assertEquals(90, slow.dropped());
        return received;
    }
}
