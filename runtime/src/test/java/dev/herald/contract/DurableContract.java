package dev.herald.contract;

import static dev.herald.contract.Waiting.WAIT;
import static dev.herald.contract.Waiting.done;
import static dev.herald.contract.Waiting.take;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.ChannelDescriptor;
import dev.herald.ChannelValues;
import dev.herald.DeadLetter;
import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.HeraldError;
import dev.herald.PayloadType;
import dev.herald.RetryPolicy;
import dev.herald.StreamRetention;
import dev.herald.Subscription;
import dev.herald.SubscriptionOptions;
import dev.herald.TemplateChannel;
import dev.herald.TypedChannel;
import dev.herald.spi.DurableLog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Durable channels (DESIGN.md, "Durable channels"), through the public API, on the transport a subclass names by its
 * fixture; what the server holds is asked through the {@link DurableLog} SPI, as another client would. Every Herald of
 * a test shares the fixture's server and a channel prefix of the test's own.
 *
 * <pre>{@code
 * class RedisDurableTest extends DurableContract {
 *     protected DurableFixture newFixture() {
 *         return new RedisDurableFixture(redis);
 *     }
 * }
 * }</pre>
 */
abstract class DurableContract {

    private static final ChannelDescriptor<Parcel> PARCELS = ChannelDescriptor.durable("parcels",
            PayloadType.of(Parcel.class), DurableContract.class, "parcels");
    private static final ChannelDescriptor<Parcel> BY_REGION = ChannelDescriptor.durable("parcels:{region}",
            PayloadType.of(Parcel.class), DurableContract.class, "byRegion");
    /** Short enough that claims happen within a test, long enough that a handler running is not claimed. */
    private static final Duration CLAIM_IDLE = Duration.ofMillis(300);

    private final List<Herald> opened = new ArrayList<>();
    private final RecordingErrors errors = new RecordingErrors();
    private final List<CountDownLatch> hung = new ArrayList<>();
    private DurableFixture fixture;
    private String prefix;

    /** @return a new fixture for one test */
    protected abstract DurableFixture newFixture();

    @BeforeEach
    final void openFixture() {
        fixture = newFixture();
        prefix = "d" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    @AfterEach
    final void closeHeralds() {
        hung.forEach(CountDownLatch::countDown);
        try {
            opened.forEach(Herald::close);
        } finally {
            fixture.close();
        }
    }

    /** @return a builder on the shared server, under this test's prefix, reporting to {@link #errors} */
    private HeraldBuilder builder() {
        return fixture.builder().channelPrefix(prefix).errorHandler(errors).shutdownTimeout(Duration.ofSeconds(2));
    }

    private Herald open(HeraldBuilder builder) {
        Herald herald = builder.build();
        opened.add(herald);
        return herald;
    }

    private Herald inGroup(String group) {
        return open(builder().consumerGroup(group).claimIdle(CLAIM_IDLE));
    }

    private String stream(String channel) {
        return "herald:stream:" + prefix + channel;
    }

    private DurableLog.GroupState group(String channel, String group) throws Exception {
        return done(fixture.log().group(stream(channel), group));
    }

    private long pending(String channel, String group) throws Exception {
        return group(channel, group).pending();
    }

    private void awaitNothingPending(String channel, String group) {
        await().atMost(WAIT).until(() -> pending(channel, group) == 0 && group(channel, group).lag() <= 0);
    }

    /** A handler that stops in its first message until the test ends: a consumer that hangs, or has crashed. */
    private CountDownLatch hang() {
        CountDownLatch latch = new CountDownLatch(1);
        hung.add(latch);
        return latch;
    }

    /**
     * Subscribes a consumer whose handler stops in its first message until the test ends.
     *
     * @return the messages its handler got: the first, where it hangs
     */
    private BlockingQueue<Parcel> subscribeHung(Herald herald) {
        CountDownLatch stuck = hang();
        BlockingQueue<Parcel> first = new LinkedBlockingQueue<>();
        herald.channel(PARCELS).subscribe(p -> {
            first.add(p);
            stuck.await();
        });
        return first;
    }

    @Test
    void aPublishedMessageIsStoredThenConsumed() throws Exception {
        Herald herald = inGroup("shipping");
        TypedChannel<Parcel> parcels = herald.channel(PARCELS);
        done(parcels.sendAsync(Parcel.of(1))); // before anyone subscribed: the group starts at the stream's beginning
        assertEquals(1L, done(parcels.publish(Parcel.of(2))), "publish completes with 1 once stored");
        assertEquals(2, fixture.streamLength(stream("parcels")));

        BlockingQueue<Parcel> received = new LinkedBlockingQueue<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        parcels.subscribe(p -> {
            threads.add(Thread.currentThread().getName());
            received.add(p);
        });
        done(parcels.sendAsync(Parcel.of(3)));

        assertEquals(List.of(Parcel.of(1), Parcel.of(2), Parcel.of(3)),
                List.of(take(received), take(received), take(received)), "in order");
        assertTrue(threads.stream().allMatch(name -> name.contains("-handler-")), "on Herald's handler threads: " + threads);
        awaitNothingPending("parcels", "shipping");
    }

    @Test
    void everyGroupGetsEveryMessage() throws Exception {
        Map<String, Set<Parcel>> byGroup = new ConcurrentHashMap<>();
        for (String group : List.of("billing", "shipping")) {
            inGroup(group).channel(PARCELS).subscribe(p -> byGroup.computeIfAbsent(group, g -> ConcurrentHashMap.newKeySet())
                    .add(p));
        }
        TypedChannel<Parcel> publisher = open(builder()).channel(PARCELS);
        Set<Parcel> sent = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            done(publisher.sendAsync(Parcel.of(i)));
            sent.add(Parcel.of(i));
        }

        await().atMost(WAIT).until(() -> byGroup.size() == 2 && byGroup.values().stream().allMatch(s -> s.size() == 20));
        assertEquals(sent, byGroup.get("billing"));
        assertEquals(sent, byGroup.get("shipping"));
        awaitNothingPending("parcels", "billing");
        awaitNothingPending("parcels", "shipping");
    }

    @Test
    void consumersOfOneGroupShareTheMessagesEachHandledOnce() throws Exception {
        Map<Parcel, AtomicInteger> handled = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> perConsumer = new ConcurrentHashMap<>();
        for (String consumer : List.of("c1", "c2", "c3")) {
            open(builder().consumerGroup("shipping").consumerName(consumer).durableReadCount(2)).channel(PARCELS)
                    .subscribe(p -> {
                        handled.computeIfAbsent(p, x -> new AtomicInteger()).incrementAndGet();
                        perConsumer.computeIfAbsent(consumer, x -> new AtomicInteger()).incrementAndGet();
                    });
        }
        TypedChannel<Parcel> publisher = open(builder()).channel(PARCELS);
        int count = 60;
        for (int i = 0; i < count; i++) {
            done(publisher.sendAsync(Parcel.of(i)));
        }

        await().atMost(WAIT).until(() -> handled.size() == count);
        awaitNothingPending("parcels", "shipping");
        handled.forEach((parcel, times) -> assertEquals(1, times.get(), parcel + " handled once"));
        assertEquals(count, perConsumer.values().stream().mapToInt(AtomicInteger::get).sum());
        assertTrue(group("parcels", "shipping").consumers().keySet().containsAll(List.of("c1", "c2", "c3")),
                "every consumer joined the group: " + group("parcels", "shipping"));
    }

    @Test
    void aFailingHandlerIsRetriedThenDeadLetteredAndAcknowledged() throws Exception {
        Herald herald = open(builder().consumerGroup("shipping")
                .retryPolicy(RetryPolicy.exponential(3, Duration.ofMillis(10))));
        AtomicInteger calls = new AtomicInteger();
        herald.channel(PARCELS).subscribe(p -> {
            calls.incrementAndGet();
            throw new IllegalStateException("no truck for " + p.id());
        });
        done(herald.channel(PARCELS).sendAsync(Parcel.of(7)));

        await().atMost(WAIT).until(() -> done(herald.deadLetters().read("parcels", 10)).size() == 1);
        DeadLetter letter = done(herald.deadLetters().read("parcels", 10)).get(0);
        assertEquals(3, letter.attempts());
        assertEquals(prefix + "parcels", letter.channel());
        assertTrue(letter.error().contains("no truck for p-7"), letter.error());
        assertEquals(3, calls.get());
        assertEquals(1, errors.ofKind(HeraldError.Kind.HANDLER).size());
        awaitNothingPending("parcels", "shipping");
    }

    /**
     * An entry another client appended that does not decode (not JSON, or JSON of another shape) goes to the error
     * handler as a decode error and to the dead letters, without its handler; it is acknowledged, and the entries
     * after it are handled as usual.
     */
    @Test
    void anEntryThatDoesNotDecodeIsReportedDeadLetteredAcknowledgedAndConsumptionGoesOn() throws Exception {
        Herald herald = open(builder().consumerGroup("shipping"));
        List<Parcel> handled = new CopyOnWriteArrayList<>();
        herald.channel(PARCELS).subscribe(handled::add);
        done(fixture.log().append(stream("parcels"), "not json".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.util.Map.of(), DurableLog.Retention.unbounded()));
        done(herald.channel(PARCELS).sendAsync(Parcel.of(8)));

        await().atMost(WAIT).until(() -> handled.size() == 1
                && done(herald.deadLetters().read("parcels", 10)).size() == 1);
        assertEquals(List.of(Parcel.of(8)), handled);
        List<HeraldError> decode = errors.ofKind(HeraldError.Kind.DECODE);
        assertEquals(1, decode.size(), errors.errors.toString());
        assertEquals(prefix + "parcels", decode.get(0).channel());
        assertEquals("not json", new String(decode.get(0).payload(), java.nio.charset.StandardCharsets.UTF_8));
        DeadLetter letter = done(herald.deadLetters().read("parcels", 10)).get(0);
        assertEquals(0, letter.attempts(), "the handler was not called");
        assertTrue(errors.ofKind(HeraldError.Kind.HANDLER).isEmpty());
        awaitNothingPending("parcels", "shipping");
    }

    /** Durable channels have the meters of pub/sub ones, under the declared name, and count redeliveries. */
    @Test
    void aDurableChannelIsMeteredUnderItsDeclaredName() throws Exception {
        SimpleMeterRegistry publisherMeters = new SimpleMeterRegistry();
        SimpleMeterRegistry consumerMeters = new SimpleMeterRegistry();
        TypedChannel<Parcel> publisher = open(builder().meterRegistry(publisherMeters)).channel(PARCELS);
        Herald consumer = open(builder().consumerGroup("shipping").meterRegistry(consumerMeters)
                .retryPolicy(RetryPolicy.exponential(2, Duration.ofMillis(10))));
        Set<Parcel> handled = ConcurrentHashMap.newKeySet();
        consumer.channel(PARCELS).subscribe(p -> {
            if (p.equals(Parcel.of(1))) {
                throw new IllegalStateException("no truck");
            }
            handled.add(p);
        });
        for (int i = 0; i < 3; i++) {
            done(publisher.sendAsync(Parcel.of(i)));
        }
        await().atMost(WAIT).until(() -> handled.size() == 2
                && consumerMeters.get("herald.messages.dead.lettered").tag("channel", "parcels").counter().count() == 1);
        awaitNothingPending("parcels", "shipping");

        assertEquals(3.0, publisherMeters.get("herald.messages.published").tag("channel", "parcels")
                .tag("outcome", "success").counter().count());
        assertEquals(3.0, consumerMeters.get("herald.messages.delivered").tag("channel", "parcels").counter().count());
        assertEquals(1.0, consumerMeters.get("herald.handler.retries").tag("channel", "parcels").counter().count());
        assertEquals(1.0, consumerMeters.get("herald.handler.failures").tag("channel", "parcels").counter().count());
        assertEquals(4, consumerMeters.get("herald.handler.duration").tag("channel", "parcels").timer().count(),
                "three handler calls and one retry");
        assertEquals(0.0, consumerMeters.get("herald.messages.redelivered").tag("channel", "parcels").counter().count(),
                "nothing was delivered twice");
    }

    @Test
    void aGroupsPendingAndLagAreGaugedAsTheLogReportsThemAndClaimsAreCounted() throws Exception {
        SimpleMeterRegistry hungMeters = new SimpleMeterRegistry();
        SimpleMeterRegistry liveMeters = new SimpleMeterRegistry();
        BlockingQueue<Parcel> first = subscribeHung(open(builder().consumerGroup("shipping").claimIdle(CLAIM_IDLE)
                .durableReadCount(3).meterRegistry(hungMeters)));
        TypedChannel<Parcel> publisher = open(builder()).channel(PARCELS);
        for (int i = 0; i < 5; i++) {
            done(publisher.sendAsync(Parcel.of(i)));
        }
        assertEquals(Parcel.of(0), take(first));
        // what the hung consumer read and holds (up to the read count, by the half-window rule two or three) is
        // pending, the rest not delivered yet: once the hung consumer stopped reading, its gauges say what the log says
        long[] held = new long[1];
        await().atMost(WAIT).until(() -> {
            DurableLog.GroupState state = group("parcels", "shipping");
            held[0] = state.pending();
            return state.pending() >= 2 && state.pending() + state.lag() == 5
                    && gauge(hungMeters, "herald.durable.pending") == state.pending()
                    && gauge(hungMeters, "herald.durable.lag") == state.lag();
        });

        Set<Parcel> handled = ConcurrentHashMap.newKeySet();
        open(builder().consumerGroup("shipping").claimIdle(CLAIM_IDLE).meterRegistry(liveMeters)).channel(PARCELS)
                .subscribe(handled::add);
        await().atMost(WAIT).until(() -> handled.size() == 5);
        awaitNothingPending("parcels", "shipping");
        assertEquals(held[0], liveMeters.get("herald.messages.claimed").tag("channel", "parcels").counter().count(),
                "the entries the hung consumer held were claimed, and only those");
        assertEquals(0.0, hungMeters.get("herald.messages.claimed").tag("channel", "parcels").counter().count());
        await().atMost(WAIT).until(() -> gauge(liveMeters, "herald.durable.pending") == 0
                && gauge(liveMeters, "herald.durable.lag") == 0);
    }

    private static double gauge(MeterRegistry meters, String name) {
        Gauge gauge = meters.find(name).tag("channel", "parcels").tag("group", "shipping")
                .gauge();
        return gauge == null ? -1 : gauge.value();
    }

    @Test
    void theEntriesOfAConsumerThatHangsAreClaimedByAnotherAfterClaimIdle() throws Exception {
        BlockingQueue<Parcel> first = subscribeHung(inGroup("shipping"));
        TypedChannel<Parcel> publisher = open(builder()).channel(PARCELS);
        for (int i = 0; i < 5; i++) {
            done(publisher.sendAsync(Parcel.of(i)));
        }
        assertEquals(Parcel.of(0), take(first));
        await().atMost(WAIT).until(() -> pending("parcels", "shipping") == 5); // all read by the one that hangs

        Set<Parcel> claimed = ConcurrentHashMap.newKeySet();
        long start = System.nanoTime();
        inGroup("shipping").channel(PARCELS).subscribe(claimed::add);

        await().atMost(WAIT).until(() -> claimed.size() == 5);
        assertTrue(System.nanoTime() - start >= CLAIM_IDLE.toNanos() / 2, "claimed only once idle");
        assertEquals(IntStream.range(0, 5).mapToObj(Parcel::of).collect(Collectors.toSet()), claimed);
        awaitNothingPending("parcels", "shipping");
    }

    @Test
    void anEntryDeliveredMoreThanMaxDeliveriesIsDeadLetteredWithoutItsHandler() throws Exception {
        BlockingQueue<Parcel> first = subscribeHung(inGroup("shipping"));
        Herald strict = open(builder().consumerGroup("shipping").claimIdle(CLAIM_IDLE).maxDeliveries(1));
        AtomicInteger calls = new AtomicInteger();
        done(strict.channel(PARCELS).sendAsync(Parcel.of(9)));
        assertEquals(Parcel.of(9), take(first)); // delivered once, to the consumer that hangs
        await().atMost(WAIT).until(() -> pending("parcels", "shipping") == 1);

        strict.channel(PARCELS).subscribe(p -> calls.incrementAndGet()); // claims it: its second delivery

        await().atMost(WAIT).until(() -> done(strict.deadLetters().read("parcels", 10)).size() == 1);
        DeadLetter letter = done(strict.deadLetters().read("parcels", 10)).get(0);
        assertEquals(0, letter.attempts());
        assertTrue(letter.error().contains("maxDeliveries"), letter.error());
        awaitNothingPending("parcels", "shipping");
        assertEquals(0, calls.get(), "the handler is not called");
    }

    @Test
    void anEntryLargerThanMaxPayloadBytesIsDeadLetteredUnparsedAndTheConsumerGoesOn() throws Exception {
        BlockingQueue<Parcel> received = new LinkedBlockingQueue<>();
        Herald limited = open(builder().consumerGroup("shipping").claimIdle(CLAIM_IDLE).maxPayloadBytes(64));
        limited.channel(PARCELS).subscribe(received::add);
        TypedChannel<Parcel> publisher = open(builder()).channel(PARCELS); // the default limit: it may publish it
        done(publisher.sendAsync(new Parcel("x".repeat(100), 1)));
        done(publisher.sendAsync(Parcel.of(2)));

        assertEquals(Parcel.of(2), take(received), "the larger entry never reaches the handler");
        await().atMost(WAIT).until(() -> errors.ofKind(HeraldError.Kind.DECODE).size() == 1);
        String reason = errors.ofKind(HeraldError.Kind.DECODE).get(0).cause().getMessage();
        assertTrue(reason.contains("larger than maxPayloadBytes (64)"), reason);
        await().atMost(WAIT).until(() -> done(limited.deadLetters().read("parcels", 10)).size() == 1);
        awaitNothingPending("parcels", "shipping");
        assertTrue(received.isEmpty(), "nothing else was handled: " + received);
    }

    /**
     * A consumer holds at most its read count in memory (read, not yet handled); in Redis an entry stays pending until
     * its acknowledgement arrives, and the consumer reads again without waiting for that answer, so the group's
     * pending count may pass the read count by the one batch whose {@code XACK} is on its way, never more.
     */
    @Test
    void aConsumerNeverHoldsMoreThanItsReadCount() throws Exception {
        int readCount = 10;
        int backlog = 100;
        TypedChannel<Parcel> publisher = open(builder()).channel(PARCELS);
        for (int i = 0; i < backlog; i++) {
            done(publisher.sendAsync(Parcel.of(i)));
        }
        Semaphore permits = new Semaphore(0);
        AtomicInteger handled = new AtomicInteger();
        Subscription subscription = open(builder().consumerGroup("shipping").durableReadCount(readCount))
                .channel(PARCELS).subscribe(p -> {
                    permits.acquire();
                    handled.incrementAndGet();
                });

        long mostPending = 0;
        for (int i = 0; i < backlog; i++) {
            long pending = pending("parcels", "shipping");
            mostPending = Math.max(mostPending, pending);
            assertTrue(pending <= 2L * readCount, "pending " + pending + " > twice the read count " + readCount);
            assertTrue(subscription.buffered() <= readCount, "buffered " + subscription.buffered());
            permits.release();
            int next = i + 1;
            await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                    .until(() -> handled.get() >= next);
        }
        assertTrue(mostPending >= readCount, "the consumer read as much as it may: " + mostPending);
        awaitNothingPending("parcels", "shipping");
    }

    @Test
    void subscribingWithoutAConsumerGroupFailsNamingTheChannelAndTheFix() {
        Herald herald = open(builder());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> herald.channel(PARCELS).subscribe(p -> { }));
        assertTrue(e.getMessage().contains(prefix + "parcels"), e.getMessage());
        assertTrue(e.getMessage().contains("consumerGroup"), e.getMessage());

        Subscription withOption = herald.channel(PARCELS)
                .withOptions(SubscriptionOptions.builder().consumerGroup("billing").build()).subscribe(p -> { });
        assertTrue(withOption.isActive());
    }

    @Test
    void aDeletedStreamIsReportedOnceAndConsumptionGoesOn() throws Exception {
        Herald herald = inGroup("shipping");
        BlockingQueue<Parcel> received = new LinkedBlockingQueue<>();
        herald.channel(PARCELS).subscribe(received::add);
        done(herald.channel(PARCELS).sendAsync(Parcel.of(1)));
        assertEquals(Parcel.of(1), take(received));
        awaitNothingPending("parcels", "shipping");

        fixture.deleteStream(stream("parcels"));
        await().atMost(WAIT).until(() -> !errors.ofKind(HeraldError.Kind.INTERNAL).isEmpty());
        done(herald.channel(PARCELS).sendAsync(Parcel.of(2)));

        assertEquals(Parcel.of(2), take(received));
        List<HeraldError> reported = errors.ofKind(HeraldError.Kind.INTERNAL);
        assertEquals(1, reported.size(), reported.toString());
        assertTrue(reported.get(0).cause().getMessage().contains("missing"), reported.get(0).cause().getMessage());
        assertEquals(prefix + "parcels", reported.get(0).channel());
    }

    @Test
    void aTemplateSubscriptionToEveryValueReadsStreamsMadeAfterIt() throws Exception {
        Herald herald = open(builder().consumerGroup("shipping").durableDiscoveryInterval(Duration.ofMillis(50)));
        TemplateChannel<Parcel> byRegion = herald.template(BY_REGION);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        byRegion.subscribeAll((ChannelValues values, Parcel p) -> received.add(values.string(0) + "/" + p.id()));

        BlockingQueue<Parcel> europe = new LinkedBlockingQueue<>();
        open(builder().consumerGroup("billing")).template(BY_REGION).subscribe(europe::add, "eu");

        done(byRegion.sendAsync(Parcel.of(1), "eu"));
        done(byRegion.sendAsync(Parcel.of(2), "us"));

        Set<String> got = new HashSet<>(List.of(take(received), take(received)));
        assertEquals(Set.of("eu/p-1", "us/p-2"), got);
        assertEquals(Parcel.of(1), take(europe));
        assertEquals(List.of(), new ArrayList<>(europe), "one value's subscription reads its stream only");
        awaitNothingPending("parcels:eu", "shipping");
        awaitNothingPending("parcels:us", "shipping");
    }

    /**
     * A template subscription over more streams than its read count has places reads one entry from each of some
     * streams, taking turns: every stream is read, none starves.
     */
    @Test
    void aTemplateSubscriptionOverMoreStreamsThanItsReadCountReadsThemAllInTurns() throws Exception {
        TemplateChannel<Parcel> publisher = open(builder()).template(BY_REGION);
        List<String> regions = List.of("r0", "r1", "r2", "r3", "r4");
        for (String region : regions) { // the streams exist before the subscription finds them
            for (int i = 0; i < 4; i++) {
                done(publisher.sendAsync(Parcel.of(i), region));
            }
        }
        Herald herald = open(builder().consumerGroup("shipping").durableReadCount(2)
                .durableDiscoveryInterval(Duration.ofMillis(50)));
        Set<String> received = ConcurrentHashMap.newKeySet();
        herald.template(BY_REGION).subscribeAll((ChannelValues values, Parcel p) ->
                received.add(values.string(0) + "/" + p.id()));

        await().atMost(WAIT).until(() -> received.size() == 20);
        Set<String> expected = new HashSet<>();
        regions.forEach(region -> IntStream.range(0, 4).forEach(i -> expected.add(region + "/p-" + i)));
        assertEquals(expected, received);
        for (String region : regions) {
            awaitNothingPending("parcels:" + region, "shipping");
        }
    }

    @Test
    void retentionTrimsTheStream() throws Exception {
        Herald herald = open(builder().durableRetention("parcels", StreamRetention.maxLength(10))
                .durableRetention(StreamRetention.maxLength(1_000)));
        for (int i = 0; i < 500; i++) {
            done(herald.channel(PARCELS).sendAsync(Parcel.of(i)));
            done(herald.template(BY_REGION).sendAsync(Parcel.of(i), "eu"));
        }
        long trimmed = fixture.streamLength(stream("parcels"));
        // Redis trims whole nodes (MAXLEN ~), of up to 100 entries by default
        assertTrue(trimmed >= 10 && trimmed <= 110, "length " + trimmed);
        assertEquals(500, fixture.streamLength(stream("parcels:eu")), "the default retention keeps them");
    }

    @Test
    void closingAConsumerLetsItsHandlerFinishAcknowledgesAndLeavesTheGroup() throws Exception {
        Herald herald = open(builder().consumerGroup("shipping").consumerName("leaving"));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Subscription subscription = herald.channel(PARCELS).subscribe(p -> {
            running.countDown();
            finish.await();
        });
        done(herald.channel(PARCELS).sendAsync(Parcel.of(1)));
        assertTrue(running.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(prefix + "parcels", subscription.channel());
        assertTrue(subscription.isActive());
        assertEquals(1, subscription.buffered(), "the entry being handled is held");

        var unsubscribed = subscription.unsubscribe();
        assertTrue(!subscription.isActive(), "ended at once");
        assertEquals(1, pending("parcels", "shipping"), "still running");
        finish.countDown();
        done(unsubscribed);

        assertEquals(0, pending("parcels", "shipping"));
        assertTrue(!group("parcels", "shipping").consumers().containsKey("leaving"), group("parcels", "shipping")
                .toString());
    }

    @Test
    void whatAClosedConsumerReadAndDidNotHandleIsClaimedByAnother() throws Exception {
        Herald first = inGroup("shipping");
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        hung.add(finish);
        List<Parcel> handledByFirst = new CopyOnWriteArrayList<>();
        Subscription subscription = first.channel(PARCELS).subscribe(p -> {
            handledByFirst.add(p);
            running.countDown();
            finish.await();
        });
        TypedChannel<Parcel> publisher = open(builder()).channel(PARCELS);
        for (int i = 0; i < 5; i++) {
            done(publisher.sendAsync(Parcel.of(i)));
        }
        assertTrue(running.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        await().atMost(WAIT).until(() -> pending("parcels", "shipping") == 5);

        var unsubscribed = subscription.unsubscribe();
        finish.countDown();
        done(unsubscribed);
        assertEquals(List.of(Parcel.of(0)), handledByFirst, "the handler running finished; the others did not start");
        assertEquals(4, pending("parcels", "shipping"), "the one handled is acknowledged, the others stay pending");

        Set<Parcel> claimed = ConcurrentHashMap.newKeySet();
        inGroup("shipping").channel(PARCELS).subscribe(claimed::add);
        await().atMost(WAIT).until(() -> claimed.size() == 4);
        assertEquals(IntStream.range(1, 5).mapToObj(Parcel::of).collect(Collectors.toSet()), claimed);
        awaitNothingPending("parcels", "shipping");
    }

    @Test
    void closingHeraldLetsTheHandlerRunningFinishAcknowledgesItAndLeavesTheGroup() throws Exception {
        Herald herald = open(builder().consumerGroup("shipping").consumerName("closing"));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        hung.add(finish);
        herald.channel(PARCELS).subscribe(p -> {
            running.countDown();
            finish.await();
        });
        done(herald.channel(PARCELS).sendAsync(Parcel.of(1)));
        assertTrue(running.await(WAIT.toSeconds(), TimeUnit.SECONDS));

        CompletableFuture<Void> closed = CompletableFuture.runAsync(herald::close);
        await().atMost(WAIT).until(() -> herald.ping().toCompletableFuture().isCompletedExceptionally()); // closing
        assertEquals(1, pending("parcels", "shipping"), "not acknowledged while running");
        assertTrue(!closed.isDone(), "close waits for the handler running");
        finish.countDown();
        done(closed);

        assertEquals(0, pending("parcels", "shipping"));
        assertTrue(!group("parcels", "shipping").consumers().containsKey("closing"), group("parcels", "shipping")
                .toString());
    }

    @Test
    void twoSubscriptionsOfOneHeraldInOneGroupAreTwoConsumers() throws Exception {
        // a read count of 1, and the first subscription holding its first entry until the second handled one: both
        // read, so Redis knows both (it records a consumer at its first read that finds something)
        Herald herald = open(builder().consumerGroup("shipping").durableReadCount(1));
        Map<Parcel, AtomicInteger> handled = new ConcurrentHashMap<>();
        CountDownLatch secondHandled = new CountDownLatch(1);
        herald.channel(PARCELS).subscribe(p -> {
            secondHandled.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            handled.computeIfAbsent(p, x -> new AtomicInteger()).incrementAndGet();
        });
        herald.channel(PARCELS).subscribe(p -> {
            handled.computeIfAbsent(p, x -> new AtomicInteger()).incrementAndGet();
            secondHandled.countDown();
        });
        for (int i = 0; i < 30; i++) {
            done(herald.channel(PARCELS).sendAsync(Parcel.of(i)));
        }

        await().atMost(WAIT).until(() -> handled.size() == 30);
        awaitNothingPending("parcels", "shipping");
        handled.forEach((parcel, times) -> assertEquals(1, times.get(), parcel + " handled once"));
        assertEquals(2, group("parcels", "shipping").consumers().size(), group("parcels", "shipping").toString());
    }

    @Test
    void aHeraldClosedAbruptlyLeavesTheEntryItWasHandlingPendingForAnother() throws Exception {
        Herald crashing = open(builder().consumerGroup("shipping").claimIdle(CLAIM_IDLE)
                .shutdownTimeout(Duration.ofMillis(100)));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch never = hang();
        crashing.channel(PARCELS).subscribe(p -> {
            running.countDown();
            never.await(); // interrupted when the shutdown gives up waiting
        });
        done(crashing.channel(PARCELS).sendAsync(Parcel.of(1)));
        assertTrue(running.await(WAIT.toSeconds(), TimeUnit.SECONDS));

        crashing.close();
        assertEquals(1, pending("parcels", "shipping"), "neither acknowledged nor dead-lettered");

        BlockingQueue<Parcel> claimed = new LinkedBlockingQueue<>();
        inGroup("shipping").channel(PARCELS).subscribe(claimed::add);
        assertEquals(Parcel.of(1), take(claimed));
        awaitNothingPending("parcels", "shipping");
    }

    @Test
    void aBusyConsumerClaimsTheEntriesOfOneThatHangsWithoutWaitingForItsBacklog() throws Exception {
        Duration claimIdle = Duration.ofSeconds(1); // longer than publishing the backlog takes
        BlockingQueue<Parcel> first = subscribeHung(
                open(builder().consumerGroup("shipping").consumerName("hung").claimIdle(claimIdle).durableReadCount(3)));
        TypedChannel<Parcel> publisher = open(builder()).channel(PARCELS);
        for (int i = 0; i < 3; i++) {
            done(publisher.sendAsync(Parcel.of(i)));
        }
        assertEquals(Parcel.of(0), take(first));
        int backlog = 20_000;
        for (int i = 3; i < 3 + backlog; i++) {
            publisher.send(Parcel.of(i));
        }
        await().atMost(WAIT).until(() -> fixture.streamLength(stream("parcels")) == 3 + backlog);

        Semaphore permits = new Semaphore(0);
        AtomicInteger handled = new AtomicInteger();
        // ten at a time: it always holds entries, never one for long
        open(builder().consumerGroup("shipping").consumerName("busy").claimIdle(claimIdle).durableReadCount(10))
                .channel(PARCELS).subscribe(p -> {
                    permits.acquire();
                    handled.incrementAndGet();
                });
        while (group("parcels", "shipping").consumers().get("hung") > 0 && handled.get() < backlog) {
            int next = handled.get() + 1;
            permits.release();
            await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> handled.get() >= next);
        }
        assertTrue(handled.get() < backlog, "claimed only once the backlog was handled");
        permits.release(backlog + 3);
        await().atMost(WAIT).until(() -> handled.get() == backlog + 3);
        awaitNothingPending("parcels", "shipping");
    }
}
