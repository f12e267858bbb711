package dev.herald.contract;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Health;
import dev.herald.Herald;
import dev.herald.PatternHandler;
import dev.herald.PayloadType;
import dev.herald.Subscription;
import dev.herald.TypedChannel;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Load against a real redis-server and in memory: a million-message burst into a slow subscriber keeps
 * the heap bounded and the other subscriptions prompt; concurrent churn leaves the server's view of the
 * subscriptions exactly equal to Herald's.
 */
@ExtendWith(RedisServerExtension.class)
class LoadTest {

    private static final Logger LOG = LoggerFactory.getLogger(LoadTest.class);
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Generous: an unbounded buffer of a million ~100-byte messages would take several hundred MB. */
    private static final long HEAP_GROWTH_BOUND = 96L * 1024 * 1024;

    private final RedisServer redis;

    LoadTest(RedisServer redis) {
        this.redis = redis;
    }

    @Test
    void millionMessageBurstInMemory() throws Exception {
        try (Herald herald = Herald.inMemory()) {
            burst(herald);
        }
    }

    @Test
    void millionMessageBurstOnRedis() throws Exception {
        try (Herald herald = Herald.builder().redis(redis.uri()).channelPrefix(prefix()).build()) {
            burst(herald);
        }
    }

    private static String prefix() {
        return "load" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    private static void burst(Herald herald) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        java.util.concurrent.atomic.AtomicLong handled = new java.util.concurrent.atomic.AtomicLong();
        Subscription slow = herald.subscribe("slow", Integer.class, n -> {
            LockSupport.parkNanos(1_000_000); // 1 ms of work
            handled.incrementAndGet();
        });
        BlockingQueue<Long> probes = new LinkedBlockingQueue<>();
        herald.subscribe("fast", Long.class, sentAt -> probes.add(System.nanoTime() - sentAt));
        TypedChannel<Integer> flood = herald.channel("slow", PayloadType.of(Integer.class));
        TypedChannel<Long> probe = herald.channel("fast", PayloadType.of(Long.class));

        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        long worstProbe = 0;
        CompletionStage<Long> last = null;
        for (int i = 1; i <= 1_000_000; i++) {
            last = flood.publish(i);
            if (i % 10_000 == 0) {
                // the publisher waits for Redis to accept each batch; the subscriber never holds it up
                last.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
                if (i % 100_000 == 0) {
                    probe.publish(System.nanoTime());
                    Long latency = probes.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                    assertTrue(latency != null, "the other subscription stopped receiving during the burst");
                    worstProbe = Math.max(worstProbe, latency);
                }
            }
        }
        // every message is accounted for: handled, still buffered, or dropped (how many the slow handler got
        // through depends on how long the burst took on this machine, so that split is not asserted)
        await().atMost(WAIT).until(() -> handled.get() + slow.buffered() + slow.dropped() >= 1_000_000);
        System.gc();
        long growth = memory.getHeapMemoryUsage().getUsed() - before;

        LOG.info("burst of 1,000,000 on {}: heap growth {} MB, buffered {}, dropped {}, worst probe {} ms", herald,
                growth / (1024 * 1024), slow.buffered(), slow.dropped(), worstProbe / 1_000_000);
        assertTrue(growth < HEAP_GROWTH_BOUND, "heap grew by " + growth / (1024 * 1024) + " MB");
        assertTrue(slow.buffered() <= 10_000, "buffer bounded: " + slow.buffered());
        assertEquals(1_000_000, handled.get() + slow.buffered() + slow.dropped(), "every message handled, buffered or dropped");
        assertTrue(slow.dropped() > 0, "overflow counted: " + slow.dropped());
        // a generous bound, not a benchmark: the point is that the slow subscription never stalls this one
        assertTrue(worstProbe < Duration.ofSeconds(5).toNanos(), "worst probe latency " + worstProbe / 1_000_000 + " ms");
    }

    @Test
    void concurrentChurnLeavesServerAndHeraldInAgreement() throws Exception {
        String prefix = prefix();
        try (Herald herald = Herald.builder().redis(redis.uri()).channelPrefix(prefix).build()) {
            ExecutorService threads = Executors.newFixedThreadPool(8);
            long end = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                workers.add(threads.submit(() -> churn(herald, new Random(seed), end)));
            }
            int operations = 0;
            for (Future<Integer> worker : workers) {
                operations += worker.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            threads.shutdown();
            assertTrue(operations > 100, "too little churn to mean anything: " + operations);
            LOG.info("churn: {} operations by 8 threads", operations);

            // a barrier: commands on the subscription connection are applied in order, so once this
            // SUBSCRIBE and UNSUBSCRIBE are acknowledged, every earlier one is applied too
            herald.subscribe("barrier", String.class, m -> { }).unsubscribe().toCompletableFuture()
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            // what Herald holds, by its public health(): the channels it names, and how many patterns
            Health health = herald.health().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            Set<String> serverChannels = new HashSet<>(redis.pubsubChannels(prefix + "*"));
            Set<String> heraldChannels = new HashSet<>(health.channels().keySet());
            assertEquals(heraldChannels, serverChannels, "PUBSUB CHANNELS and Herald disagree");
            for (int c = 0; c < 12; c++) {
                String channel = prefix + "churn:" + c;
                assertEquals(heraldChannels.contains(channel) ? 1 : 0, redis.numsub(channel), channel);
            }
            assertTrue(health.healthy(), health.toString());
            assertEquals(health.expectedPatterns(), health.serverPatterns(), "patterns on the server");
        }
    }

    /** Random subscribes, unsubscribes, pattern subscriptions and publishes until {@code end}. */
    private static int churn(Herald herald, Random random, long end) {
        List<Subscription> mine = new ArrayList<>();
        PatternHandler<String> patternHandler = (c, m) -> { };
        int operations = 0;
        while (System.nanoTime() < end && operations < 20_000) {
            String channel = "churn:" + random.nextInt(12);
            switch (random.nextInt(6)) {
                case 0, 1 -> mine.add(herald.subscribe(channel, String.class, m -> { }));
                case 2 -> {
                    if (!mine.isEmpty()) {
                        mine.remove(random.nextInt(mine.size())).unsubscribe();
                    }
                }
                case 3 -> herald.publish(channel, "m");
                case 4 -> mine.add(herald.psubscribe("churn:" + random.nextInt(3) + "*", String.class, patternHandler));
                default -> {
                    if (random.nextInt(10) == 0) {
                        herald.unsubscribe(channel);
                    } else {
                        herald.publish(channel, "m");
                    }
                }
            }
            operations++;
        }
        return operations;
    }
}
