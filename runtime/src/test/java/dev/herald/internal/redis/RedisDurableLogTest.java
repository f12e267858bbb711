package dev.herald.internal.redis;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.spi.DurableLog;
import dev.herald.spi.DurableLog.Entry;
import dev.herald.spi.DurableLog.NoGroupException;
import dev.herald.spi.DurableLog.Reader;
import dev.herald.spi.DurableLogContract;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The durable log contract on a real redis-server, and what Redis itself reports about it: the fields
 * {@code XRANGE} shows, {@code XLEN}, {@code XPENDING}, and the readers' own connections in {@code CLIENT LIST}.
 */
@ExtendWith(RedisServerExtension.class)
class RedisDurableLogTest extends DurableLogContract {

    private static RedisServer redis;
    private static RedisTransport transport;

    @BeforeAll
    static void connect(RedisServer server) {
        redis = server;
        transport = RedisTransport.connect(new RedisSettings(server.uri(), Duration.ofSeconds(5), Duration.ofSeconds(5),
                null, null));
    }

    @AfterAll
    static void disconnect() {
        transport.close();
    }

    @Override
    protected DurableLog newLog() {
        return transport.durable();
    }

    private static List<String> lines(String reply) {
        return reply == null || reply.isEmpty() ? List.of() : Arrays.asList(reply.split("\n", -1));
    }

    /** The CLIENT LIST line of the connection with this name, if there is one. */
    private static Optional<String> client(String name) {
        return lines(redis.command("CLIENT", "LIST")).stream().filter(line -> line.contains(" name=" + name + " ")).findFirst();
    }

    private static String field(String clientLine, String name) {
        for (String part : clientLine.split(" ")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        return "";
    }

    @Test
    void anEntryHoldsThePayloadFirstThenTheHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("traceparent", "00-abc-def-01");
        headers.put("b", "2");
        String id = get(log.append(stream, "{\"n\":1}".getBytes(), headers, DurableLog.Retention.unbounded()));
        assertEquals(List.of(id, "payload", "{\"n\":1}", "traceparent", "00-abc-def-01", "b", "2"),
                lines(redis.command("XRANGE", stream, "-", "+")));
    }

    @Test
    void aHeaderNamedPayloadIsRefused() {
        assertInstanceOf(IllegalArgumentException.class,
                failure(log.append(stream, new byte[0], Map.of("payload", "x"), DurableLog.Retention.unbounded())));
        assertEquals("0", redis.command("EXISTS", stream));
    }

    @Test
    void trimmingIsWhatRedisReports() {
        for (int i = 0; i < 1_000; i++) {
            append(stream, "x", DurableLog.Retention.maxLength(10));
        }
        long length = Long.parseLong(redis.command("XLEN", stream));
        assertTrue(length >= 10 && length <= 200, "XLEN " + length);
    }

    @Test
    void aLongRetentionTrimsOnAboutOneAppendInAHundredAsTheSlowlogShows() {
        List<String> config = lines(redis.command("CONFIG", "GET", "slowlog-*"));
        redis.command("CONFIG", "SET", "slowlog-log-slower-than", "0");
        redis.command("CONFIG", "SET", "slowlog-max-len", "10000");
        redis.command("SLOWLOG", "RESET");
        try {
            for (int i = 0; i < 2_000; i++) {
                log.append(stream, "x".getBytes(), Map.of(), DurableLog.Retention.maxLength(1_000_000));
            }
            append(stream, "last", DurableLog.Retention.maxLength(1_000_000));
            List<String> logged = lines(redis.command("SLOWLOG", "GET", "10000"));
            long appends = 0;
            long trimming = 0;
            for (int i = 0; i + 1 < logged.size(); i++) {
                if (logged.get(i).equals("XADD") && logged.get(i + 1).equals(stream)) {
                    appends++;
                    if (logged.get(i + 2).equals("MAXLEN")) {
                        trimming++;
                        assertEquals(List.of("MAXLEN", "~", "1000000"), logged.subList(i + 2, i + 5));
                    }
                }
            }
            assertEquals(2_001, appends);
            // one in 100 on average (20 expected): fewer than 5 or more than 50 has odds below one in 10,000
            assertTrue(trimming >= 5 && trimming <= 50, trimming + " of " + appends + " appends trimmed");
        } finally {
            for (int i = 0; i + 1 < config.size(); i += 2) {
                redis.command("CONFIG", "SET", config.get(i), config.get(i + 1));
            }
        }
    }

    @Test
    void aRetentionTrimsOnAboutOneAppendInItsLengthOverTenThousandAtMostAHundred() {
        assertEquals(1, RedisDurableLog.appendsPerTrim(0));
        assertEquals(1, RedisDurableLog.appendsPerTrim(10));
        assertEquals(1, RedisDurableLog.appendsPerTrim(19_999));
        assertEquals(2, RedisDurableLog.appendsPerTrim(20_000));
        assertEquals(25, RedisDurableLog.appendsPerTrim(250_000));
        assertEquals(100, RedisDurableLog.appendsPerTrim(1_000_000));
        assertEquals(100, RedisDurableLog.appendsPerTrim(Long.MAX_VALUE));
    }

    @Test
    void ackIsWhatXpendingReports() {
        get(log.createGroup(stream, "g"));
        String first = append("1");
        String second = append("2");
        get(reader("g", "c").readNew(List.of(stream), 10, Duration.ZERO));
        assertEquals(List.of("2", first, second, "c", "2"), lines(redis.command("XPENDING", stream, "g")));
        get(log.ack(stream, "g", List.of(first)));
        assertEquals(List.of(second), lines(redis.command("XPENDING", stream, "g", "-", "+", "10")).subList(0, 1));
        assertEquals("1", lines(redis.command("XPENDING", stream, "g")).get(0));
    }

    @Test
    void deliveryCountsAreThoseRedisReports() {
        get(log.createGroup(stream, "g"));
        String id = append("1");
        Reader reader = reader("g", "c");
        get(reader.readNew(List.of(stream), 10, Duration.ZERO));
        Entry pending = get(reader.readPending(stream, "0-0", 10)).get(0);
        List<String> reported = lines(redis.command("XPENDING", stream, "g", "-", "+", "10"));
        assertEquals(id, reported.get(0));
        assertEquals(Long.parseLong(reported.get(3)), pending.deliveries());
        Entry claimed = get(log.claim(stream, "g", "other", Duration.ZERO, "0-0", 10)).entries().get(0);
        reported = lines(redis.command("XPENDING", stream, "g", "-", "+", "10"));
        assertEquals("other", reported.get(1));
        assertEquals(Long.parseLong(reported.get(3)), claimed.deliveries());
        assertEquals(3, claimed.deliveries());
    }

    @Test
    void readPendingAcknowledgesWhatWasTrimmedWhilePending() {
        get(log.createGroup(stream, "g"));
        String lost = append("lost");
        Reader reader = reader("g", "c");
        get(reader.readNew(List.of(stream), 1, Duration.ZERO));
        for (int i = 0; i < 500; i++) {
            append(stream, "x", DurableLog.Retention.maxLength(1));
        }
        assertEquals("0", redis.command("XRANGE", stream, lost, lost).isEmpty() ? "0" : "1");
        assertEquals(List.of(), get(reader.readPending(stream, "0-0", 10)));
        assertEquals("0", lines(redis.command("XPENDING", stream, "g")).get(0));
    }

    @Test
    void aDeletedStreamFailsReadsWithNoGroupException() {
        get(log.createGroup(stream, "g"));
        Reader reader = reader("g", "c");
        CompletableFuture<List<Entry>> blocked = reader.readNew(List.of(stream), 10, Duration.ofMinutes(1)).toCompletableFuture();
        await().atMost(WAIT).until(() -> client("herald-reader-c").map(line -> field(line, "cmd")).orElse(""),
                "xreadgroup"::equals);
        redis.command("DEL", stream);
        assertInstanceOf(NoGroupException.class, failure(blocked));
        assertInstanceOf(NoGroupException.class, failure(reader.readNew(List.of(stream), 10, Duration.ZERO)));
        assertInstanceOf(NoGroupException.class, failure(log.ack(stream, "g", List.of("1-0")).thenCompose(
                n -> log.group(stream, "g"))));
    }

    @Test
    void aReaderHasAConnectionOfItsOwnThatABlockedReadHolds() {
        get(log.createGroup(stream, "g"));
        Reader reader = reader("g", "own-connection");
        CompletableFuture<List<Entry>> blocked = reader.readNew(List.of(stream), 10, Duration.ofMinutes(1)).toCompletableFuture();
        String line = await().atMost(WAIT).until(() -> client("herald-reader-own-connection").orElse(""),
                found -> field(found, "cmd").equals("xreadgroup") && field(found, "flags").contains("b"));
        assertFalse(blocked.isDone());
        // the log's other commands go out on the publish connection meanwhile
        String elsewhere = streamName("elsewhere");
        get(log.append(elsewhere, "x".getBytes(), Map.of(), DurableLog.Retention.unbounded()));
        get(log.createGroup(elsewhere, "g"));
        assertEquals(1, get(log.group(elsewhere, "g")).lag());
        assertFalse(blocked.isDone());
        String id = append("wakes it");
        assertEquals(id, get(blocked).get(0).id());

        reader.close();
        String clientId = field(line, "id");
        await().atMost(WAIT).until(() -> lines(redis.command("CLIENT", "LIST")).stream()
                .noneMatch(each -> field(each, "id").equals(clientId)));
    }

    @Test
    void aReaderWhoseConnectionDropsFailsItsReadAndReadsAgainOnceReconnected() {
        get(log.createGroup(stream, "g"));
        Reader reader = reader("g", "dropped");
        CompletableFuture<List<Entry>> blocked = reader.readNew(List.of(stream), 10, Duration.ofMinutes(1)).toCompletableFuture();
        String line = await().atMost(WAIT).until(() -> client("herald-reader-dropped").orElse(""),
                found -> field(found, "cmd").equals("xreadgroup"));
        redis.command("CLIENT", "KILL", "ID", field(line, "id"));
        assertInstanceOf(RedisConnectionException.class, failure(blocked));
        String id = append("after the reconnect");
        List<Entry> read = await().atMost(WAIT).ignoreExceptions().until(
                () -> get(reader.readNew(List.of(stream), 10, Duration.ZERO)), entries -> !entries.isEmpty());
        assertEquals(id, read.get(0).id());
        // had Lettuce sent the killed read again after reconnecting, that read would have taken the entry
        List<String> pending = lines(redis.command("XPENDING", stream, "g", "-", "+", "10"));
        assertEquals(List.of(id, "dropped", "1"), List.of(pending.get(0), pending.get(1), pending.get(3)));
    }

    @Test
    void aReadMayBlockLongerThanTheCommandTimeoutButFailsAtItsDeadline() {
        try (RedisTransport quick = RedisTransport.connect(new RedisSettings(redis.uri(), Duration.ofMillis(300),
                Duration.ofSeconds(5), null, null))) {
            DurableLog durable = quick.durable();
            get(durable.createGroup(stream, "g"));
            Reader reader = durable.reader("g", "patient");
            long start = System.nanoTime();
            assertEquals(List.of(), get(reader.readNew(List.of(stream), 10, Duration.ofSeconds(1))));
            assertTrue(System.nanoTime() - start >= Duration.ofSeconds(1).toNanos(), "it blocked its whole second");

            redis.command("CLIENT", "PAUSE", "3000", "WRITE"); // holds XREADGROUP, a write
            try {
                start = System.nanoTime();
                assertInstanceOf(RedisCommandTimeoutException.class,
                        failure(reader.readNew(List.of(stream), 10, Duration.ofMillis(100))));
                assertTrue(System.nanoTime() - start < Duration.ofMillis(2_500).toNanos(), "failed at 100 + 300 ms");
            } finally {
                redis.command("CLIENT", "UNPAUSE");
            }
            String id = append("after the pause");
            // the read that failed at its deadline may still have reached Redis as the pause ended and taken the
            // entry: then it is pending for this consumer, and its own pending read finds it (as the core does after
            // a failed read); otherwise a new read gets it
            List<Entry> read = await().atMost(WAIT).until(() -> {
                List<Entry> fresh = get(reader.readNew(List.of(stream), 10, Duration.ZERO));
                return fresh.isEmpty() ? get(reader.readPending(stream, "0-0", 10)) : fresh;
            }, entries -> !entries.isEmpty());
            assertEquals(id, read.get(0).id());
            reader.close();
        }
    }

    @Test
    void streamsFindsStreamsOnly() {
        String base = "herald:stream:contract:types:" + java.util.UUID.randomUUID() + ":";
        append(base + "stream", "1", DurableLog.Retention.unbounded());
        redis.command("SET", base + "string", "x");
        redis.command("RPUSH", base + "list", "x");
        redis.command("HSET", base + "hash", "f", "v");
        assertEquals(List.of(base + "stream"), get(log.streams(base + "*")));
    }
}
