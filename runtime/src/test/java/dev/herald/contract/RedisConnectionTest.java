package dev.herald.contract;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.HeraldError;
import dev.herald.HeraldException;
import dev.herald.PayloadType;
import dev.herald.TypedChannel;
import dev.herald.testing.CapturedLog;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import dev.herald.testing.RedisServerExtension.Dedicated;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What only a real server can show: connection loss, refusal, recovery. */
@ExtendWith(RedisServerExtension.class)
class RedisConnectionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void connectingToNothingFailsClearly() throws Exception {
        int port = freePort();
        try (CapturedLog log = new CapturedLog()) {
            HeraldException e = assertThrows(HeraldException.class, () -> Herald.connect("redis://127.0.0.1:" + port));
            assertEquals("nothing accepts connections at 127.0.0.1:" + port + ": start redis-server there or point "
                    + "the Redis URI (REDIS_URL) at one", e.getMessage());
            assertNotNull(e.getCause(), "the cause is kept for who wants it");
            assertEquals(List.of(), log.warningsAndTraces(), "a failed connect logs no warning and no trace");
        }
    }

    @Test
    void aWrongPasswordIsNamedAsSuchWithoutShowingIt(@Dedicated RedisServer redis) {
        redis.command("ACL", "SETUSER", "alice", "on", ">alices-pass", "+@all", "~*", "&*");
        redis.command("CONFIG", "SET", "requirepass", "the-right-pass");
        String at = "127.0.0.1:" + redis.port();
        String refused = "Redis at " + at + " refused the credentials (WRONGPASS): check user and password in the URL";
        try (CapturedLog log = new CapturedLog()) {
            for (String credentials : List.of(":wrong-pass", "wrong-pass", "alice:wrong-pass", "bob:the-right-pass")) {
                HeraldException e = assertThrows(HeraldException.class,
                        () -> Herald.connect("redis://" + credentials + "@" + at));
                assertEquals(refused, e.getMessage(), credentials);
                assertFalse(e.getMessage().contains("wrong-pass") || e.getMessage().contains("right-pass"), e.getMessage());
            }
            HeraldException none = assertThrows(HeraldException.class, () -> Herald.connect("redis://" + at));
            assertEquals("Redis at " + at + " requires a password (NOAUTH): put it in the URL, as "
                    + "redis://:password@host:port or redis://user:password@host:port", none.getMessage());
            assertEquals(List.of(), log.warningsAndTraces(), "a refused connect logs no warning and no trace");
        }
        try (Herald herald = Herald.connect("redis://alice:alices-pass@" + at)) {
            assertEquals("PONG", herald.ping().toCompletableFuture().join());
        }
    }

    /**
     * On a loaded machine Lettuce sometimes ends the handshake with a bare close instead of Redis's WRONGPASS
     * (measured: about one connect in eight with three busy processes on two cores); Herald tries again, so the
     * refusal is what the user reads every time.
     */
    @Test
    void aWrongPasswordIsNamedAsSuchWhileTheMachineIsBusy(@Dedicated RedisServer redis) throws IOException, InterruptedException {
        redis.command("CONFIG", "SET", "requirepass", "the-right-pass");
        String at = "127.0.0.1:" + redis.port();
        String refused = "Redis at " + at + " refused the credentials (WRONGPASS): check user and password in the URL";
        List<Process> busy = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) { // processes ahead of this JVM (nice keeps going unprivileged, at the same priority)
                busy.add(new ProcessBuilder("nice", "-n", "-10", "yes").redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            }
            for (int i = 0; i < 25; i++) {
                HeraldException e = assertThrows(HeraldException.class, () -> Herald.connect("redis://:wrong-pass@" + at));
                assertEquals(refused, e.getMessage(), "connect " + i);
            }
        } finally {
            for (Process p : busy) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void malformedUriIsAnIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> Herald.connect("http://not-redis"));
    }

    @Test
    void oneConnectionPublishesAndOneCarriesEverySubscription(@Dedicated RedisServer redis) throws Exception {
        try (Herald herald = Herald.connect(redis.uri())) {
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            for (int i = 0; i < 5; i++) {
                herald.subscribe("channel:" + i, String.class, received::add);
                herald.subscribe("channel:" + i, String.class, m -> { });
            }
            herald.psubscribe("pattern:*", String.class, (channel, m) -> received.add(m));
            herald.psubscribe("other:*", String.class, (channel, m) -> { });
            for (int i = 0; i < 200; i++) {
                herald.publish("channel:" + (i % 5), "m" + i);
            }
            herald.publish("pattern:x", "last").toCompletableFuture().get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 201);

            List<String> clients = new ArrayList<>(List.of(redis.command("CLIENT", "LIST").split("\n")));
            clients.removeIf(line -> line.contains("cmd=client|list")); // this test's own connection
            assertEquals(2, clients.size(), "one connection for PUBLISH, one for pub/sub: " + clients);
            assertEquals(1, clients.stream().filter(line -> line.contains(" sub=5 ") && line.contains(" psub=2 ")).count(),
                    "every subscription on one connection: " + clients);
        }
    }

    @Test
    void publishWhileDisconnectedFailsItsStageInsteadOfHanging(@Dedicated RedisServer redis) {
        RecordingErrors errors = new RecordingErrors();
        try (Herald herald = Herald.builder().redis(redis.uri()).errorHandler(errors).build()) {
            redis.kill();
            await().atMost(WAIT).until(() -> herald.ping().toCompletableFuture().handle((p, e) -> e != null).join());

            CompletionStage<Long> stage = assertTimeoutPreemptively(WAIT, () -> herald.publish("down", "x"));
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertNotNull(failure.getCause());

            TypedChannel<String> channel = herald.channel("down", PayloadType.of(String.class));
            channel.send("lost");
            await().atMost(WAIT).until(() -> errors.ofKind(HeraldError.Kind.PUBLISH).size() == 1);
        }
    }

    @Test
    void aFailedSubscribeDoesNotLeaveTheChannelDead(@Dedicated RedisServer redis) throws Exception {
        try (Herald herald = Herald.connect(redis.uri())) {
            redis.kill();
            await().atMost(WAIT).until(() -> herald.ping().toCompletableFuture().handle((p, e) -> e != null).join());
            assertThrows(HeraldException.class, () -> herald.subscribe("retry", String.class, m -> { }));

            redis.restart();
            await().atMost(WAIT).ignoreExceptions().until(() -> "PONG".equals(herald.ping().toCompletableFuture().join()));

            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            herald.subscribe("retry", String.class, received::add);
            assertEquals(1, redis.numsub("retry"));
            herald.publish("retry", "alive");
            assertEquals("alive", received.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
    }

    @Test
    void subscriptionsAreLiveAgainAfterRedisRestarts(@Dedicated RedisServer redis) {
        try (Herald herald = Herald.connect(redis.uri())) {
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            herald.subscribe("survives", String.class, received::add);

            redis.kill();
            redis.restart();

            // no user action: Lettuce reconnects and Herald's channel is subscribed again
            await().atMost(WAIT).until(() -> redis.numsub("survives") == 1);
            await().atMost(WAIT).ignoreExceptions().until(() -> {
                herald.publish("survives", "after restart").toCompletableFuture().join();
                return "after restart".equals(received.poll(100, TimeUnit.MILLISECONDS));
            });
        }
    }
}
