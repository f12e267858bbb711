package dev.herald.contract;

import static dev.herald.contract.Waiting.WAIT;
import static dev.herald.contract.Waiting.done;
import static dev.herald.contract.Waiting.take;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.DeadLetter;
import dev.herald.Herald;
import dev.herald.HeraldError;
import dev.herald.HeraldException;
import dev.herald.PayloadType;
import dev.herald.RetryPolicy;
import dev.herald.SubscriptionOptions;
import dev.herald.TemplateChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Dead letters: what is kept, under which name, for how long, and how it is replayed. */
interface DeadLetterContract extends ContractPart {

    @Test
    default void afterTheLastAttemptTheMessageIsADeadLetterThatCanBeReplayed() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        BlockingQueue<String> handled = new LinkedBlockingQueue<>();
        CountDownLatch healthy = new CountDownLatch(1);
        herald().channel("payments", PayloadType.of(String.class))
                .withOptions(SubscriptionOptions.builder().retryPolicy(RetryPolicy.exponential(3, Duration.ofMillis(5))).build())
                .subscribe(payment -> {
                    attempts.incrementAndGet();
                    if (healthy.getCount() > 0) {
                        throw new IllegalStateException("gateway down");
                    }
                    handled.add(payment);
                });

        herald().publish("payments", "p-1");
        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.HANDLER).size() == 1);
        HeraldError error = errors().ofKind(HeraldError.Kind.HANDLER).get(0);
        assertEquals(3, error.attempts());
        assertEquals(3, attempts.get());

        List<DeadLetter> letters = await().atMost(WAIT).until(
                () -> done(herald().deadLetters().read("payments", 10)), l -> l.size() == 1);
        DeadLetter letter = letters.get(0);
        assertEquals(full("payments"), letter.channel());
        assertEquals("\"p-1\"", letter.payloadText());
        assertEquals(3, letter.attempts());
        assertTrue(letter.error().contains("gateway down"), letter.error());

        healthy.countDown();
        assertEquals(1L, done(herald().deadLetters().replay("payments", 10)));
        assertEquals("p-1", take(handled));
        assertEquals(List.of(), done(herald().deadLetters().read("payments", 10)), "a replayed letter is removed");
    }

    @Test
    default void undecodablePayloadsAreDeadLettersToo() throws Exception {
        herald().subscribe("orders", Order.class, m -> { });
        publishForeign(herald(), full("orders"), "{truncated");
        List<DeadLetter> letters = await().atMost(WAIT).until(
                () -> done(herald().deadLetters().read("orders", 10)), l -> l.size() == 1);
        assertEquals("{truncated", letters.get(0).payloadText());
        assertEquals(0, letters.get(0).attempts());
        assertEquals(1L, done(herald().deadLetters().delete("orders", letters)));
    }

    @Test
    default void deadLettersCanBeSwitchedOff() throws Exception {
        Herald quiet = open(transportBuilder().channelPrefix(prefix()).errorHandler(errors()).deadLetters(false));
        quiet.subscribe("off", String.class, m -> {
            throw new IllegalStateException("x");
        });
        quiet.publish("off", "m");
        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.HANDLER).size() == 1);
        assertEquals(List.of(), done(quiet.deadLetters().read("off", 10)));
    }

    @Test
    default void aTemplatesConcreteAndPatternSubscriptionsKeepTheirDeadLettersUnderTheTemplate() throws Exception {
        TemplateChannel<Order> notifications = herald().template("notifications:{userId}", PayloadType.of(Order.class));
        notifications.subscribe(n -> { }, "u-42");
        notifications.subscribeAll((values, n) -> { });

        publishForeign(herald(), full("notifications:u-42"), "{garbage");

        List<DeadLetter> letters = await().atMost(WAIT).until(
                () -> done(herald().deadLetters().read("notifications:{userId}", 10)), l -> l.size() == 2);
        assertEquals(Set.of(full("notifications:u-42"), "pattern " + full("notifications:*")),
                letters.stream().map(DeadLetter::subscription).collect(Collectors.toSet()), "each names its subscription");
        for (DeadLetter letter : letters) {
            assertEquals(full("notifications:u-42"), letter.channel(), "the concrete channel it arrived on");
            assertEquals("{garbage", letter.payloadText());
            assertEquals(0, letter.attempts());
        }
        assertEquals(List.of(), done(herald().deadLetters().read("notifications:u-42", 10)), "no stream per user");
    }

    @Test
    default void anUntypedPatternSubscriptionKeepsItsDeadLettersUnderThePattern() throws Exception {
        herald().psubscribe("alerts:*", Order.class, (channel, alert) -> { });
        publishForeign(herald(), full("alerts:disk"), "[not an order]");

        List<DeadLetter> letters = await().atMost(WAIT).until(
                () -> done(herald().deadLetters().read("alerts:*", 10)), l -> l.size() == 1);
        assertEquals(full("alerts:disk"), letters.get(0).channel());
        assertEquals("pattern " + full("alerts:*"), letters.get(0).subscription());
        assertEquals(List.of(), done(herald().deadLetters().read("alerts:disk", 10)));
    }

    @Test
    default void replayPublishesEachLetterOfATemplateOnItsOwnConcreteChannel() throws Exception {
        CountDownLatch healthy = new CountDownLatch(1);
        BlockingQueue<String> handled = new LinkedBlockingQueue<>();
        TemplateChannel<String> invoices = herald().template("invoices:{tenant}", PayloadType.of(String.class));
        for (String tenant : List.of("a", "b")) {
            invoices.subscribe(invoice -> {
                if (healthy.getCount() > 0) {
                    throw new IllegalStateException("ledger down");
                }
                handled.add(tenant + ":" + invoice);
            }, tenant);
        }
        done(invoices.publish("i-1", "a"));
        done(invoices.publish("i-2", "b"));
        await().atMost(WAIT).until(() -> done(herald().deadLetters().read("invoices:{tenant}", 10)).size() == 2);

        healthy.countDown();
        assertEquals(2L, done(herald().deadLetters().replay("invoices:{tenant}", 10)));
        assertEquals(Set.of("a:i-1", "b:i-2"), Set.of(take(handled), take(handled)));
        assertEquals(List.of(), done(herald().deadLetters().read("invoices:{tenant}", 10)));
    }

    @Test
    default void eachDeclaredNameKeepsAtMostTheLimitOldestDroppedFirst() throws Exception {
        Herald limited = open(transportBuilder().channelPrefix(prefix()).errorHandler(errors()).deadLetterLimit(10));
        limited.subscribe("bad", Order.class, m -> { });
        for (int i = 0; i < 25; i++) {
            publishForeign(limited, full("bad"), "{bad-" + i);
        }
        List<DeadLetter> letters = await().atMost(WAIT).until(() -> done(limited.deadLetters().read("bad", 100)),
                l -> !l.isEmpty() && l.get(l.size() - 1).payloadText().equals("{bad-24"));
        assertEquals(10, letters.size());
        assertEquals("{bad-15", letters.get(0).payloadText(), "the oldest were dropped");
    }

    @Test
    default void lettersOlderThanTheRetentionAreDropped() throws Exception {
        Herald brief = open(transportBuilder().channelPrefix(prefix()).errorHandler(errors())
                .deadLetterRetention(Duration.ofSeconds(2)));
        brief.subscribe("stale", Order.class, m -> { });
        // 5 KB each: on Redis every entry gets a stream node of its own, which the approximate MINID trim drops whole
        String padding = "x".repeat(5_000);
        publishForeign(brief, full("stale"), "{first" + padding);
        AtomicInteger sent = new AtomicInteger();
        // the stream keeps receiving, so only the age (on Redis XTRIM MINID, or the key's expiry) can drop the first
        List<DeadLetter> letters = await().atMost(WAIT).until(() -> {
            publishForeign(brief, full("stale"), "{later-" + sent.incrementAndGet() + padding);
            return done(brief.deadLetters().read("stale", 1_000));
        }, l -> !l.isEmpty() && l.stream().noneMatch(letter -> letter.payloadText().startsWith("{first")));
        assertTrue(letters.get(0).payloadText().startsWith("{later-"), letters.toString());
    }

    @Test
    default void aLargePayloadIsKeptCutToTheLimitWithItsFullSizeAndHash() throws Exception {
        herald().subscribe("big", Order.class, m -> { });
        String huge = "{\"orderId\":" + "x".repeat(1024 * 1024);
        byte[] hugeBytes = huge.getBytes(StandardCharsets.UTF_8);
        publishForeign(herald(), full("big"), huge);

        DeadLetter letter = await().atMost(WAIT).until(() -> done(herald().deadLetters().read("big", 10)),
                l -> l.size() == 1).get(0);
        assertEquals(64 * 1024, letter.payload().length, "the default deadLetterMaxPayloadBytes");
        assertArrayEquals(Arrays.copyOf(hugeBytes, 64 * 1024), letter.payload(), "the first bytes, as they came");
        assertEquals(hugeBytes.length, letter.size());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(hugeBytes)), letter.sha256());
        assertTrue(letter.truncated());
    }

    @Test
    default void replayRefusesTruncatedLettersAndPublishesNothing() throws Exception {
        Herald small = open(transportBuilder().channelPrefix(prefix()).errorHandler(errors()).deadLetterMaxPayloadBytes(16));
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        small.subscribe("refunds", String.class, refund -> {
            received.add(refund);
            if (!refund.equals("end")) {
                throw new IllegalStateException("bank down");
            }
        });
        done(small.publish("refunds", "a refund far longer than sixteen bytes"));
        done(small.publish("refunds", "short"));
        List<DeadLetter> letters = await().atMost(WAIT).until(() -> done(small.deadLetters().read("refunds", 10)),
                l -> l.size() == 2);
        assertTrue(letters.get(0).truncated());
        assertFalse(letters.get(1).truncated());

        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> done(small.deadLetters().replay("refunds", 10)));
        assertInstanceOf(HeraldException.class, refused.getCause());
        assertTrue(refused.getCause().getMessage().contains(letters.get(0).id()), refused.getCause().getMessage());

        done(small.publish("refunds", "end"));
        assertEquals(List.of("a refund far longer than sixteen bytes", "short", "end"),
                List.of(take(received), take(received), take(received)), "nothing was replayed before the marker");
        assertEquals(2, done(small.deadLetters().read("refunds", 10)).size(), "the letters are kept");
    }
}
