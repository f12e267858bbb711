package dev.herald.contract;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Health;
import dev.herald.Herald;
import dev.herald.HeraldError;
import dev.herald.PayloadType;
import dev.herald.TypedChannel;
import dev.herald.testing.RecordingConnectionListener;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import dev.herald.testing.RedisServerExtension.Dedicated;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults injected into redis-server processes the tests control. In each, every subscription is live
 * again without user action, the outage is reported, publishes during it fail instead of hanging, and
 * every wait is bounded.
 */
@ExtendWith(RedisServerExtension.class)
class RedisFaultTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final RecordingErrors errors = new RecordingErrors();
    private final RecordingConnectionListener listener = new RecordingConnectionListener();
    private final List<String> events = listener.events();
    private final List<Duration> outages = listener.outages();
    private Herald herald;

    private Herald connect(RedisServer redis) {
        herald = Herald.builder().redis(redis.uri()).errorHandler(errors).connectionListener(listener)
                .commandTimeout(Duration.ofSeconds(5)).build();
        return herald;
    }

    @AfterEach
    void close() {
        if (herald != null) {
            herald.close();
        }
    }

    /** Subscribes to a channel and a pattern; returns what they receive. */
    private BlockingQueue<String> subscribeBoth() {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        herald.subscribe("orders", String.class, m -> received.add("channel " + m));
        herald.psubscribe("user:*:events", String.class, (c, m) -> received.add("pattern " + m));
        return received;
    }

    /** Publishes until both subscriptions received, proving they are live on the server again. */
    private void assertLiveAgain(BlockingQueue<String> received) {
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            herald.publish("orders", "again").toCompletableFuture().get(5, TimeUnit.SECONDS);
            return "channel again".equals(received.poll(200, TimeUnit.MILLISECONDS));
        });
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            herald.publish("user:1:events", "again").toCompletableFuture().get(5, TimeUnit.SECONDS);
            return "pattern again".equals(received.poll(200, TimeUnit.MILLISECONDS));
        });
        Health health = await().atMost(WAIT).until(() -> herald.health().toCompletableFuture().get(5, TimeUnit.SECONDS),
                Health::healthy);
        assertEquals(1, health.serverChannels());
        assertEquals(1, health.serverPatterns());
    }

    @Test
    void healthReportsWhatTheServerHas(RedisServer redis) throws Exception {
        connect(redis);
        subscribeBoth();
        Health health = herald.health().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(health.healthy(), health.toString());
        assertEquals(java.util.Map.of("orders", true), health.channels());
        assertEquals(0, health.outages());
    }

    @Test
    void killedAndRestartedOnTheSamePort(@Dedicated RedisServer redis) throws Exception {
        connect(redis);
        BlockingQueue<String> received = subscribeBoth();

        redis.kill();
        await().atMost(WAIT).until(() -> events.contains("disconnected"));
        assertFalse(herald.health().toCompletableFuture().handle((h, e) -> e == null && h.healthy()).get(),
                "health does not claim a dead server is fine");

        // publishing during the outage fails fast, both ways, and never blocks the caller
        CompletionStage<Long> stage = assertTimeoutPreemptively(WAIT, () -> herald.publish("orders", "lost"));
        assertThrows(ExecutionException.class, () -> stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        TypedChannel<String> orders = herald.channel("orders", PayloadType.of(String.class));
        orders.send("lost too");
        await().atMost(WAIT).until(() -> !errors.ofKind(HeraldError.Kind.PUBLISH).isEmpty());

        redis.restart();
        await().atMost(WAIT).until(() -> events.contains("resubscribed 1/1"));
        assertEquals(List.of("disconnected", "reconnected", "resubscribed 1/1"), events);
        assertTrue(outages.get(0).toNanos() > 0, "the gap is reported");
        assertLiveAgain(received);
        assertEquals(1, herald.health().toCompletableFuture().get().outages());
    }

    @Test
    void subscriptionConnectionKilledByTheServer(@Dedicated RedisServer redis) throws Exception {
        connect(redis);
        BlockingQueue<String> received = subscribeBoth();

        assertEquals("1", redis.command("CLIENT", "KILL", "TYPE", "pubsub"));

        await().atMost(WAIT).until(() -> events.contains("resubscribed 1/1"));
        assertGapReported();
        assertLiveAgain(received);
    }

    @Test
    void droppedForExceedingThePubSubOutputBufferLimit(@Dedicated RedisServer redis) throws Exception {
        connect(redis);
        BlockingQueue<String> received = subscribeBoth();
        assertEquals("OK", redis.command("CONFIG", "SET", "client-output-buffer-limit", "pubsub 4096 0 0"));

        // a pipelined burst of large messages fills the subscriber's output buffer faster than it drains
        String big = "\"" + "x".repeat(64 * 1024) + "\"";
        pipelinePublish(redis, "orders", big, 50);

        await().atMost(WAIT).until(() -> events.contains("disconnected"));
        await().atMost(WAIT).until(() -> events.contains("resubscribed 1/1"));
        assertEquals("OK", redis.command("CONFIG", "SET", "client-output-buffer-limit", "pubsub 32mb 8mb 60"));
        assertGapReported();
        received.clear();
        assertLiveAgain(received);
    }

    /** The listener heard of the drop, the reconnect and the resubscription, with the gap's length. */
    private void assertGapReported() throws Exception {
        assertEquals(List.of("disconnected", "reconnected", "resubscribed 1/1"), events);
        assertTrue(outages.get(0).toNanos() > 0, "the gap is reported");
        assertEquals(1, herald.health().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS).outages());
    }

    /** Sends {@code count} PUBLISH commands in one write, like a busy producer, and reads the replies. */
    private static void pipelinePublish(RedisServer redis, String channel, String payload, int count) throws IOException {
        byte[] command = resp("PUBLISH", channel, payload);
        try (Socket socket = new Socket(redis.host(), redis.port())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < count; i++) {
                out.write(command);
            }
            out.flush();
            InputStream in = socket.getInputStream();
            int lines = 0;
            while (lines < count) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                if (b == '\n') {
                    lines++;
                }
            }
        }
    }

    private static byte[] resp(String... args) {
        StringBuilder out = new StringBuilder("*").append(args.length).append("\r\n");
        for (String arg : args) {
            out.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
