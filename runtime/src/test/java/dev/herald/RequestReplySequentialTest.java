package dev.herald;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A million sequential requests in memory leave the map of pending requests empty and the heap flat: no entry,
 * timer task or subscription is left behind per request. Measured at 14 s on a 2-core machine (72,000 round
 * trips a second), so it is part of the normal suite; {@code -Drequest.reply.sequential=N} sends another number.
 * A cancelled timeout kept in the timer's queue until it would have fired (no remove-on-cancel) grows the heap by
 * about 75 bytes a request: 7.5 MB at 100,000 requests, which the bound below would not catch, 75 MB at a million.
 */
class RequestReplySequentialTest {

    private static final Logger LOG = LoggerFactory.getLogger(RequestReplySequentialTest.class);

    static final int DEFAULT_REQUESTS = 1_000_000;
    /** A generous bound: a leak of 17 bytes or more per request passes it at a million requests. */
    private static final long MAX_GROWTH_BYTES = 16L * 1024 * 1024;

    /** Payloads of the test. */
    record Ask(int n) {
    }

    /** Its reply. */
    record Answer(int n) {
    }

    @Test
    void sequentialRequestsLeaveNothingPendingAndTheHeapFlat() throws Exception {
        int requests = Integer.getInteger("request.reply.sequential", DEFAULT_REQUESTS);
        try (Herald herald = Herald.builder().requestTimeout(Duration.ofSeconds(30)).build()) {
            RequestChannel<Ask, Answer> channel = herald.requests("seq:ask", PayloadType.of(Ask.class),
                    PayloadType.of(Answer.class));
            channel.respond(ask -> new Answer(ask.n() + 1));
            send(channel, 10_000); // warm up: the reply subscription, the timer thread, JIT
            long before = usedAfterGc();
            long start = System.nanoTime();

            send(channel, requests);

            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            long growth = usedAfterGc() - before;
            LOG.info("{} sequential requests in memory: {} ms ({} per second), heap growth {} KB", requests, millis,
                    requests * 1000L / Math.max(millis, 1), growth / 1024);
            RequestCounts counts = herald.requestCounts();
            assertEquals(0, counts.pending(), counts.toString());
            assertEquals(requests + 10_000L, counts.answered(), counts.toString());
            assertTrue(growth < MAX_GROWTH_BYTES, "the heap grew by " + growth + " bytes");
        }
    }

    private static void send(RequestChannel<Ask, Answer> channel, int requests) throws Exception {
        for (int i = 0; i < requests; i++) {
            Answer answer = channel.request(new Ask(i)).toCompletableFuture().get(30, TimeUnit.SECONDS);
            if (answer.n() != i + 1) {
                throw new AssertionError("request " + i + " got " + answer);
            }
        }
    }

    /** The heap in use once the collector ran, as low as a few collections get it. */
    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            memory.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
