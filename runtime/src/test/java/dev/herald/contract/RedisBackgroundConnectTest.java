package dev.herald.contract;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.ConnectionListener;
import dev.herald.Health;
import dev.herald.Herald;
import dev.herald.HeraldException;
import dev.herald.PayloadType;
import dev.herald.Subscription;
import dev.herald.TypedChannel;
import dev.herald.testing.CapturedLog;
import dev.herald.testing.HoldingProxy;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import dev.herald.testing.RedisServerExtension.Dedicated;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code connectInBackground(true)}: a Herald that starts before Redis does. */
@ExtendWith(RedisServerExtension.class)
class RedisBackgroundConnectTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String STILL_TRYING = "; still trying in the background";

    /** Records what the listener is told, in order. */
    private static final class Events implements ConnectionListener {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final CompletableFuture<Duration> connected = new CompletableFuture<>();

        @Override
        public void onConnected(Duration waited) {
            seen.add("connected");
            connected.complete(waited);
        }

        @Override
        public void onDisconnected() {
            seen.add("disconnected");
        }

        @Override
        public void onReconnected(Duration outage) {
            seen.add("reconnected");
        }
    }

    @Test
    void startsWhileRedisIsDownAndConnectsWhenItComesUp(@Dedicated RedisServer redis) throws Exception {
        redis.kill();
        String at = "127.0.0.1:" + redis.port();
        Events events = new Events();
        try (CapturedLog log = new CapturedLog();
                Herald herald = assertTimeoutPreemptively(WAIT, () -> Herald.builder().redis(redis.uri())
                        .connectInBackground(true).connectionListener(events).build())) {
            // a subscription made before Redis is there is recorded and made on connect
            BlockingQueue<String> early = new LinkedBlockingQueue<>();
            TypedChannel<String> channel = herald.channel("early", PayloadType.of(String.class));
            CompletableFuture<Subscription> earlySubscription = channel.subscribeAsync(early::add).toCompletableFuture();

            await().atMost(WAIT).until(() -> log.lines().stream().anyMatch(line -> line.contains(STILL_TRYING)));
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> herald.publish("early", "too soon").toCompletableFuture().get(1, TimeUnit.SECONDS),
                    "a publish fails at once");
            assertInstanceOf(HeraldException.class, refused.getCause());
            assertTrue(refused.getCause().getMessage().startsWith("not connected to Redis at " + at
                    + " yet: cannot PUBLISH to 'early'; Herald keeps connecting in the background (last attempt: "
                    + "nothing accepts connections at " + at), refused.getCause().getMessage());
            Health health = herald.health().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertFalse(health.connected());
            assertFalse(earlySubscription.isDone());

            redis.restart();
            Duration waited = events.connected.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(waited.toNanos() > 0);
            earlySubscription.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(1, redis.numsub("early"));

            BlockingQueue<String> late = new LinkedBlockingQueue<>();
            herald.subscribe("late", String.class, late::add);
            assertEquals(1L, herald.publish("early", "first").toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertEquals(1L, herald.publish("late", "second").toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertEquals("first", early.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertEquals("second", late.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertEquals(List.of("connected"), events.seen, "the first connection is no reconnect");

            List<String> warnings = log.warningsAndTraces();
            assertEquals(1, warnings.size(), "one line at WARN, no trace, however many attempts: " + warnings);
            assertTrue(warnings.get(0).endsWith("Herald: nothing accepts connections at " + at + ": start redis-server "
                    + "there or point the Redis URI (REDIS_URL) at one" + STILL_TRYING), warnings.get(0));

            // from then on it is an ordinary Redis Herald: an outage is reported as before
            redis.kill();
            redis.restart();
            await().atMost(WAIT).until(() -> events.seen.contains("reconnected"));
            await().atMost(WAIT).until(() -> redis.numsub("early") == 1 && redis.numsub("late") == 1);
        }
    }

    @Test
    void closeStopsTheAttemptsAndLeavesNoThread() throws Exception {
        int port = RedisConnectionTest.freePort();
        Events events = new Events();
        CompletableFuture<Subscription> pending;
        try (CapturedLog log = new CapturedLog()) {
            Herald herald = Herald.builder().redis("redis://127.0.0.1:" + port).connectInBackground(true)
                    .connectionListener(events).build();
            pending = herald.channel("never", PayloadType.of(String.class)).subscribeAsync(m -> { }).toCompletableFuture();
            await().atMost(WAIT).until(() -> log.lines().stream().anyMatch(line -> line.contains(STILL_TRYING)));
            assertTimeoutPreemptively(WAIT, herald::close);
        }
        CompletionException failed = assertThrows(CompletionException.class, pending::join);
        assertInstanceOf(HeraldException.class, failed.getCause());
        await().atMost(WAIT).untilAsserted(() -> assertEquals(List.of(), Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("herald-") || n.startsWith("lettuce-"))
                .toList(), "threads that outlived close()"));
        assertEquals(List.of(), events.seen);
    }

    @Test
    void aWrongPasswordIsRetriedButReportedOnce(@Dedicated RedisServer redis) {
        redis.command("CONFIG", "SET", "requirepass", "the-right-pass");
        String at = "127.0.0.1:" + redis.port();
        try (CapturedLog log = new CapturedLog()) {
            try (Herald herald = Herald.builder().redis("redis://:wrong-pass@" + at).connectInBackground(true).build()) {
                await().atMost(WAIT).until(() -> log.lines().stream().anyMatch(line -> line.contains(STILL_TRYING)));
                CompletionException refused = assertThrows(CompletionException.class,
                        () -> herald.ping().toCompletableFuture().join());
                assertTrue(refused.getCause().getMessage().contains("Redis at " + at + " refused the credentials "
                        + "(WRONGPASS)"), refused.getCause().getMessage());
                assertFalse(refused.getCause().getMessage().contains("wrong-pass"));
            }
            List<String> warnings = log.warningsAndTraces();
            assertEquals(1, warnings.size(), warnings.toString());
            assertFalse(warnings.get(0).contains("wrong-pass"));
        }
    }

    @Test
    void closingDuringAnAttemptLetsItEndOpensNothingMoreAndLogsNothing(RedisServer redis) throws Exception {
        try (HoldingProxy proxy = new HoldingProxy(redis.port()); CapturedLog log = new CapturedLog()) {
            Herald herald = Herald.builder().redis("redis://127.0.0.1:" + proxy.port()).connectInBackground(true).build();
            await().atMost(WAIT).until(() -> proxy.accepted() == 1); // the first connection's handshake is held
            Thread closer = new Thread(herald::close, "closer");
            closer.start();
            // shutting Lettuce's threads down under the attempt closes its connection (and, had it been opening
            // one, makes Netty log errors): close must wait for the attempt instead
            await().atMost(WAIT).until(() -> proxy.clientClosedWhileHeld() || waitsForTheAttempt(closer));
            assertFalse(proxy.clientClosedWhileHeld(), "close shut Lettuce down under the attempt");

            proxy.release();
            closer.join(WAIT.toMillis());
            assertFalse(closer.isAlive(), "close returned once the attempt ended");
            assertEquals(1, proxy.accepted(), "once closed, the attempt opened no second connection");
            assertEquals(List.of(), log.warningsAndTraces());
        }
    }

    private static boolean waitsForTheAttempt(Thread closer) {
        return Arrays.stream(closer.getStackTrace()).anyMatch(frame -> frame.getMethodName().equals("awaitEnd"));
    }
}
