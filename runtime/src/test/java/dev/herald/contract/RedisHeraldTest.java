package dev.herald.contract;

import static dev.herald.contract.Waiting.WAIT;
import static dev.herald.contract.Waiting.take;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.PayloadType;
import dev.herald.TemplateChannel;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract on a real redis-server. */
@ExtendWith(RedisServerExtension.class)
class RedisHeraldTest extends HeraldContract {

    private final RedisServer redis;

    RedisHeraldTest(RedisServer redis) {
        this.redis = redis;
    }

    @Override
    protected TransportFixture newFixture() {
        return new RedisFixture(redis);
    }

    /** Nothing a test leaves under its prefix outlives it on a shared server (the retention is days). */
    @AfterEach
    void deleteDeadLetterStreams() {
        for (String key : deadLetterKeys()) {
            redis.command("DEL", key);
        }
    }

    private List<String> deadLetterKeys() {
        String reply = redis.command("KEYS", "herald:dead-letters:" + prefix() + "*");
        return reply == null || reply.isEmpty() ? List.of() : List.of(reply.split("\n"));
    }

    private static final String FIELD_OF_EVERY_ENTRY = "local out = {} "
            + "for _, entry in ipairs(redis.call('XRANGE', KEYS[1], '-', '+')) do "
            + "  local fields = entry[2] "
            + "  for i = 1, #fields, 2 do "
            + "    if fields[i] == ARGV[1] then "
            + "      if ARGV[2] == 'length' then table.insert(out, string.len(fields[i + 1])) "
            + "      else table.insert(out, fields[i + 1]) end "
            + "    end "
            + "  end "
            + "end "
            + "return out";

    /** One field of every entry of a stream, oldest first, as Redis holds it (a payload may hold newlines). */
    private List<String> field(String key, String field) {
        String reply = redis.command("EVAL", FIELD_OF_EVERY_ENTRY, "1", key, field, "value");
        return reply == null || reply.isEmpty() ? List.of() : List.of(reply.split("\n"));
    }

    /** The length in bytes of one field of every entry, oldest first. */
    private List<Long> fieldLength(String key, String field) {
        String reply = redis.command("EVAL", FIELD_OF_EVERY_ENTRY, "1", key, field, "length");
        return reply == null || reply.isEmpty() ? List.of() : Stream.of(reply.split("\n")).map(Long::parseLong).toList();
    }

    /**
     * What one dead letter with a cut payload may cost in Redis: the 64 KiB kept, a quarter more because the
     * allocator rounds a listpack of that size up to its next size class (80 KiB), and 4 KiB for the other
     * fields (the error text is cut at 1,000 characters) and the stream node.
     */
    private static final long ENTRY_BOUND = 64 * 1024 * 5 / 4 + 4 * 1024;

    private long xlen(String key) {
        return Long.parseLong(redis.command("XLEN", key));
    }

    @Test
    void deadLettersAreAStreamPerDeclaredNameThatAnyRedisClientCanRead() throws Exception {
        herald().channel("payments", PayloadType.of(String.class)).subscribe(payment -> {
            throw new IllegalStateException("gateway down");
        });
        herald().publish("payments", "pay-1");

        String key = "herald:dead-letters:" + full("payments");
        await().atMost(WAIT).until(() -> xlen(key) == 1);
        assertEquals(List.of("\"pay-1\""), field(key, "payload"), "the payload as it came: plain JSON");
        assertEquals(List.of(full("payments")), field(key, "channel"));
        assertEquals(List.of(full("payments")), field(key, "subscription"));
        assertTrue(field(key, "error").get(0).contains("gateway down"), field(key, "error").toString());
        assertEquals(List.of("1"), field(key, "attempts"));
        assertEquals(List.of("7"), field(key, "size"));
        assertEquals(List.of(sha256("\"pay-1\"".getBytes(StandardCharsets.UTF_8))), field(key, "sha256"));
        Instant time = Instant.parse(field(key, "time").get(0));
        assertTrue(Duration.between(time, Instant.now()).abs().toMinutes() < 5, "an ISO-8601 time of the failure: " + time);
    }

    @Test
    void oneGarbageMessageOnATemplateWithAConcreteAndAPatternSubscriberIsOneStreamOfTwoEntries() {
        TemplateChannel<Order> notifications = herald().template("notifications:{userId}", PayloadType.of(Order.class));
        notifications.subscribe(n -> { }, "u-42");
        notifications.subscribeAll((values, n) -> { });

        publishForeign(herald(), full("notifications:u-42"), "{garbage");

        String key = "herald:dead-letters:" + full("notifications:{userId}");
        await().atMost(WAIT).until(() -> xlen(key) == 2);
        assertEquals(List.of(key), deadLetterKeys(), "one stream keyed by the template, none per user");
        assertEquals(Set.of(full("notifications:u-42"), "pattern " + full("notifications:*")),
                Set.copyOf(field(key, "subscription")));
        assertEquals(List.of(full("notifications:u-42"), full("notifications:u-42")), field(key, "channel"));
    }

    @Test
    void fifteenHundredBadMessagesLeaveTheDefaultLimitOfAThousandEntries() {
        herald().subscribe("flood", Order.class, m -> { });
        try (RedisClient client = new RedisClient(redis)) {
            for (int i = 0; i < 1_500; i++) {
                client.publish(full("flood"), ("{bad-" + i).getBytes(StandardCharsets.UTF_8));
            }
        }
        String key = "herald:dead-letters:" + full("flood");
        // appends keep the subscription's order: once the last one is in, all are
        await().atMost(WAIT).until(() -> "{bad-1499".equals(redis.command("EVAL",
                "local e = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1) "
                        + "if #e == 0 then return '' end "
                        + "for i = 1, #e[1][2], 2 do if e[1][2][i] == 'payload' then return e[1][2][i + 1] end end "
                        + "return ''", "1", key)));
        assertEquals(1_000, xlen(key), "MAXLEN = 1000: exact, not about");
        assertEquals("{bad-500", field(key, "payload").get(0), "the oldest were dropped");
    }

    @Test
    void everyAppendSetsTheStreamsExpiryToTheRetention() {
        Herald hourly = open(transportBuilder().channelPrefix(prefix()).errorHandler(errors())
                .deadLetterRetention(Duration.ofHours(1)));
        hourly.subscribe("hourly", Order.class, m -> { });
        herald().subscribe("weekly", Order.class, m -> { });
        publishForeign(hourly, full("hourly"), "{bad");
        publishForeign(herald(), full("weekly"), "{bad");

        String hourlyKey = "herald:dead-letters:" + full("hourly");
        String weeklyKey = "herald:dead-letters:" + full("weekly");
        await().atMost(WAIT).until(() -> xlen(hourlyKey) == 1 && xlen(weeklyKey) == 1);
        long hourlyTtl = Long.parseLong(redis.command("PTTL", hourlyKey));
        long weeklyTtl = Long.parseLong(redis.command("PTTL", weeklyKey));
        assertTrue(hourlyTtl > Duration.ofMinutes(50).toMillis() && hourlyTtl <= Duration.ofHours(1).toMillis(),
                "PTTL " + hourlyTtl);
        assertTrue(weeklyTtl > Duration.ofDays(7).minusHours(1).toMillis() && weeklyTtl <= Duration.ofDays(7).toMillis(),
                "the default retention is 7 days: PTTL " + weeklyTtl);
    }

    @Test
    void aOneMegabytePayloadIsKeptCutToSixtyFourKibibytesWithItsSizeAndHash() {
        herald().subscribe("big", Order.class, m -> { });
        byte[] huge = ("{\"orderId\":" + "x".repeat(1024 * 1024)).getBytes(StandardCharsets.UTF_8);
        publishForeignBytes(full("big"), huge);

        String key = "herald:dead-letters:" + full("big");
        await().atMost(WAIT).until(() -> xlen(key) == 1);
        assertEquals(List.of(64L * 1024), fieldLength(key, "payload"));
        assertEquals(List.of(Integer.toString(huge.length)), field(key, "size"));
        assertEquals(List.of(sha256(huge)), field(key, "sha256"));
        long bytes = Long.parseLong(redis.command("MEMORY", "USAGE", key, "SAMPLES", "0"));
        assertTrue(bytes <= ENTRY_BOUND, "MEMORY USAGE " + bytes + " > " + ENTRY_BOUND);
    }

    @Test
    void tenOneMegabyteGarbageMessagesSeenByThreeHeraldsCostAtMostThirtyCutLetters() {
        List<Herald> heralds = List.of(herald(), open(transportBuilder().channelPrefix(prefix()).errorHandler(errors())),
                open(transportBuilder().channelPrefix(prefix()).errorHandler(errors())));
        for (Herald each : heralds) {
            each.subscribe("firehose", Order.class, m -> { });
        }
        byte[] garbage = ("[" + "9,".repeat(512 * 1024)).getBytes(StandardCharsets.UTF_8); // 1 MiB + 1, no Order
        for (int i = 0; i < 10; i++) {
            publishForeignBytes(full("firehose"), garbage);
        }

        String key = "herald:dead-letters:" + full("firehose");
        await().atMost(WAIT).until(() -> xlen(key) == 30);
        assertEquals(List.of(key), deadLetterKeys(), "three Heralds, one declared name: one stream");
        long bytes = Long.parseLong(redis.command("MEMORY", "USAGE", key, "SAMPLES", "0"));
        // without the cut, 30 x 1 MiB = 31 MB; with it, 30 entries and the stream's own few hundred bytes
        long bound = 30 * ENTRY_BOUND + 64 * 1024;
        assertTrue(bytes <= bound, "MEMORY USAGE " + bytes + " > " + bound);
    }

    /** A channel name that is not UTF-8 reads as U+FFFD; a template's pattern subscription reports it. */
    @Test
    void aForeignChannelNameThatIsNotUtf8IsReportedToATemplatesPatternSubscriptionNotDelivered() throws Exception {
        TemplateChannel<String> tenant = herald().template("tenant:{tenantId}:events", PayloadType.of(String.class));
        java.util.concurrent.BlockingQueue<String> received = new java.util.concurrent.LinkedBlockingQueue<>();
        tenant.subscribeAll((values, m) -> received.add(values.string(0) + " " + m));
        java.io.ByteArrayOutputStream name = new java.io.ByteArrayOutputStream();
        name.writeBytes(full("tenant:victim").getBytes(StandardCharsets.UTF_8));
        name.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe});
        name.writeBytes(":events".getBytes(StandardCharsets.UTF_8));
        try (RedisClient client = new RedisClient(redis)) {
            client.publish(name.toByteArray(), "\"foreign\"".getBytes(StandardCharsets.UTF_8));
        }
        tenant.publish("own", "victim").toCompletableFuture().get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);

        assertEquals("victim own", take(received));
        await().atMost(WAIT).until(() -> errors().ofKind(dev.herald.HeraldError.Kind.DECODE).size() == 1);
        String message = errors().ofKind(dev.herald.HeraldError.Kind.DECODE).get(0).cause().getMessage();
        assertTrue(message.contains("{tenantId}") && message.contains("U+FFFD"), message);
        assertTrue(received.isEmpty(), received.toString());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
