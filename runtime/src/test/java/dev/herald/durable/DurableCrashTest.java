package dev.herald.durable;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.TypedChannel;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import dev.herald.testing.RedisServerExtension.Dedicated;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Durable channels under faults, on real processes: a consumer JVM killed with {@code kill -9} in the middle of a
 * batch while a publisher runs, and Redis itself killed and restarted with {@code appendonly yes} and
 * {@code appendfsync always}. What was handled is counted by Redis ({@link DurableWorker} records it there), and
 * what is still pending is what {@code XPENDING} reports.
 */
@ExtendWith(RedisServerExtension.class)
class DurableCrashTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String GROUP = "workers";

    private final List<Process> workers = new ArrayList<>();
    private final String prefix = "crash" + UUID.randomUUID().toString().substring(0, 8) + ":";

    @AfterEach
    void killWorkers() throws InterruptedException {
        for (Process worker : workers) {
            worker.destroyForcibly().waitFor();
        }
    }

    @Test
    void aConsumerKilledWithSigkillMidBatchLosesNothing(@Dedicated RedisServer redis) throws Exception {
        int total = 3_000;
        Process slow = startWorker(redis, "slow", 20); // holds a read batch for seconds: killed in the middle of it
        startWorker(redis, "fast-1", 1);
        startWorker(redis, "fast-2", 1);
        String stream = "herald:stream:" + prefix + DurableWorker.CHANNEL;
        try (Herald publisher = Herald.builder().redis(redis.uri()).channelPrefix(prefix).build()) {
            TypedChannel<Job> jobs = publisher.channel(DurableWorker.JOBS);
            CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> publish(redis, jobs, total, 300));

            await().atMost(WAIT).until(() -> handledBy(redis, "slow") >= 20);
            slow.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no acknowledgement
            long orphaned = pendingOf(redis, stream, "slow");
            System.out.println("[durable crash] killed 'slow' after it handled " + handledBy(redis, "slow")
                    + " message(s); XPENDING shows " + orphaned + " entries it read and never acknowledged");
            assertTrue(orphaned > 0, "the worker was killed in the middle of a batch: entries stay pending for it");

            publishing.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            await().atMost(WAIT).until(() -> Long.parseLong(redis.command("HLEN", prefix + "handled")) == total);
            await().atMost(WAIT).until(() -> pendingTotal(redis, stream) == 0);
        }
        Map<String, Long> handled = hash(redis, prefix + "handled");
        long deliveries = handled.values().stream().mapToLong(Long::longValue).sum();
        long duplicates = deliveries - total;
        System.out.println("[durable crash] " + total + " published, every one handled at least once; " + deliveries
                + " handler calls, " + duplicates + " duplicate(s) (handled by 'slow' before the kill and not"
                + " acknowledged, then claimed); per worker " + hash(redis, prefix + "workers"));
        assertEquals(total, handled.size());
        assertTrue(duplicates >= 0 && duplicates <= 200, "duplicates are bounded by what the killed worker had read");
    }

    @Test
    void everyPublishWhoseStageCompletedIsHandledAfterARedisRestart() throws Exception {
        try (RedisServer redis = RedisServer.startPersistent()) {
            int total = 2_000;
            String stream = "herald:stream:" + prefix + DurableWorker.CHANNEL;
            startWorker(redis, "survivor", 0);
            List<Long> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
            try (Herald publisher = Herald.builder().redis(redis.uri()).channelPrefix(prefix).build()) {
                TypedChannel<Job> jobs = publisher.channel(DurableWorker.JOBS);
                List<CompletableFuture<Void>> batch = new ArrayList<>();
                for (long i = 0; i < total; i++) {
                    if (i == total / 2) {
                        redis.kill(); // kill -9: only what was fsynced survives
                        redis.restart();
                    }
                    long id = i;
                    batch.add(jobs.sendAsync(new Job(id)).toCompletableFuture().whenComplete((ok, failure) -> {
                        if (failure == null) {
                            acknowledged.add(id);
                        }
                    }));
                    if (batch.size() == 100) {
                        // not faster than Redis answers: waits on the stages, whichever way they end
                        CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new))
                                .handle((ok, failure) -> null).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                        batch.clear();
                    }
                }
                CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new))
                        .handle((ok, failure) -> null).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                await().atMost(WAIT).until(() -> hash(redis, prefix + "handled").keySet()
                        .containsAll(acknowledged.stream().map(String::valueOf).toList()));
            }
            System.out.println("[durable restart] " + acknowledged.size() + " of " + total + " publishes acknowledged"
                    + " across a Redis kill -9 and restart (appendfsync always); every acknowledged one handled; "
                    + "stream length now " + redis.command("XLEN", stream));
            assertTrue(acknowledged.size() >= total / 2, "the publishes before the kill were acknowledged");
        }
    }

    private void publish(RedisServer redis, TypedChannel<Job> jobs, int total, int backlog) {
        for (int i = 0; i < total; i++) {
            jobs.sendAsync(new Job(i));
            if (i % 100 == 99) {
                int sent = i + 1;
                // keeps a backlog of at most `backlog` unhandled messages, so the publisher runs throughout
                await().atMost(WAIT).until(() -> Long.parseLong(redis.command("HLEN", prefix + "handled")) >= sent - backlog);
            }
        }
    }

    private Process startWorker(RedisServer redis, String name, int workMillis) throws IOException {
        Path log = Files.createTempFile("durable-worker-" + name + "-", ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), DurableWorker.class.getName(),
                redis.uri(), prefix, GROUP, name, "1000", Integer.toString(workMillis))
                .redirectError(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File(System.getProperty("os.name").startsWith("Windows")
                        ? "NUL" : "/dev/null")))
                .start();
        workers.add(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertEquals("READY", line, "worker " + name + " did not start; its log: " + Files.readString(log));
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keeps the pipe from filling
                }
            } catch (IOException e) {
                // the worker was killed
            }
        }, "worker-" + name + "-out");
        drain.setDaemon(true);
        drain.start();
        return process;
    }

    private long handledBy(RedisServer redis, String worker) {
        String count = redis.command("HGET", prefix + "workers", worker);
        return count == null || count.isEmpty() ? 0 : Long.parseLong(count);
    }

    /** What XPENDING reports pending for one consumer. */
    private static long pendingOf(RedisServer redis, String stream, String consumer) {
        String reply = redis.command("XPENDING", stream, GROUP, "-", "+", "100000", consumer);
        return reply == null || reply.isEmpty() ? 0 : reply.split("\n").length / 4;
    }

    /** The XPENDING summary's count. */
    private static long pendingTotal(RedisServer redis, String stream) {
        String reply = redis.command("XPENDING", stream, GROUP);
        return Long.parseLong(reply.split("\n")[0]);
    }

    private static Map<String, Long> hash(RedisServer redis, String key) {
        String reply = redis.command("HGETALL", key);
        Map<String, Long> values = new HashMap<>();
        if (reply == null || reply.isEmpty()) {
            return values;
        }
        String[] parts = reply.split("\n");
        for (int i = 0; i + 1 < parts.length; i += 2) {
            values.put(parts[i], Long.parseLong(parts[i + 1]));
        }
        return values;
    }
}
