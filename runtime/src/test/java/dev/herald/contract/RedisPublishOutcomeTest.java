package dev.herald.contract;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.HeraldError;
import dev.herald.PayloadType;
import dev.herald.PublishFailedException;
import dev.herald.PublishOutcomeUnknownException;
import dev.herald.TypedChannel;
import dev.herald.internal.redis.RedisSettings;
import dev.herald.internal.redis.RedisTransport;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import dev.herald.testing.RedisServerExtension.Dedicated;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a failed publish tells its caller on a real redis-server: {@link PublishFailedException} when it was not
 * sent (so nobody received it), {@link PublishOutcomeUnknownException} when it was written and got no answer (so
 * it may have been delivered); and publishes waiting for Redis are bounded.
 */
@ExtendWith(RedisServerExtension.class)
class RedisPublishOutcomeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The builder's default, which the transports made here keep. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final RecordingErrors errors = new RecordingErrors();
    private final List<Herald> opened = new ArrayList<>();

    private Herald open(dev.herald.HeraldBuilder builder) {
        Herald herald = builder.errorHandler(errors).build();
        opened.add(herald);
        return herald;
    }

    @AfterEach
    void close() {
        opened.forEach(Herald::close);
    }

    private static Throwable failure(CompletionStage<?> stage) throws Exception {
        try {
            stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the publish did not fail");
    }

    @Test
    void aPublishThatTimesOutAfterItWasWrittenMayHaveBeenDelivered(@Dedicated RedisServer redis) throws Exception {
        Herald subscriber = open(Herald.builder().redis(redis.uri()));
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        subscriber.subscribe("paused", String.class, received::add);
        Herald publisher = open(Herald.builder().redis(redis.uri()).commandTimeout(Duration.ofMillis(300)));

        assertEquals("OK", redis.command("CLIENT", "PAUSE", "2000", "ALL"));
        Throwable timedOut = failure(publisher.publish("paused", "late"));

        assertInstanceOf(PublishOutcomeUnknownException.class, timedOut);
        assertTrue(timedOut.getMessage().contains("may have been delivered") && timedOut.getMessage().contains("paused"),
                timedOut.getMessage());
        assertInstanceOf(io.lettuce.core.RedisCommandTimeoutException.class, timedOut.getCause());
        publisher.channel("paused", PayloadType.of(String.class)).send("later"); // fire and forget: no stage to fail
        await().atMost(WAIT).until(() -> !errors.ofKind(HeraldError.Kind.PUBLISH).isEmpty());
        assertInstanceOf(PublishOutcomeUnknownException.class, errors.ofKind(HeraldError.Kind.PUBLISH).get(0).cause());
        assertEquals("late", received.poll(WAIT.toSeconds(), TimeUnit.SECONDS), "Redis ran it after the pause: delivered");
        assertEquals("later", received.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(1, errors.ofKind(HeraldError.Kind.PUBLISH).size(), "reported once");
    }

    @Test
    void aPublishWhileDisconnectedWasNotSent(@Dedicated RedisServer redis) throws Exception {
        java.util.concurrent.CountDownLatch disconnected = new java.util.concurrent.CountDownLatch(1);
        Herald herald = open(Herald.builder().redis(redis.uri()).connectionListener(new dev.herald.ConnectionListener() {
            @Override
            public void onDisconnected() {
                disconnected.countDown();
            }
        }));
        herald.subscribe("watch", String.class, message -> { }); // a Herald that subscribes is told of the outage
        redis.kill();
        assertTrue(disconnected.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        // the publish connection may learn of it a moment after the subscription connection
        await().atMost(WAIT).until(() -> failure(herald.publish("gone", "x")) instanceof PublishFailedException);

        Throwable refused = failure(herald.publish("gone", "x"));
        assertInstanceOf(PublishFailedException.class, refused);
        assertTrue(refused.getMessage().contains("not sent") && refused.getMessage().contains("gone"), refused.getMessage());

        TypedChannel<String> gone = herald.channel("gone", PayloadType.of(String.class));
        assertInstanceOf(PublishFailedException.class, failure(gone.sendAsync("y")));
        gone.send("z");
        await().atMost(WAIT).until(() -> !errors.ofKind(HeraldError.Kind.PUBLISH).isEmpty());
        assertInstanceOf(PublishFailedException.class, errors.ofKind(HeraldError.Kind.PUBLISH).get(0).cause());
    }

    @Test
    void aPublishRedisRefusesWasNotSent(@Dedicated RedisServer redis) throws Exception {
        redis.command("ACL", "SETUSER", "narrow", "on", ">pw", "~*", "&allowed:*", "+@all");
        Herald herald = open(Herald.builder().redis("redis://narrow:pw@" + redis.host() + ":" + redis.port()));

        Throwable refused = failure(herald.publish("forbidden", "x"));
        assertInstanceOf(PublishFailedException.class, refused);
        assertTrue(refused.getMessage().contains("NOPERM") && refused.getMessage().contains("forbidden"),
                refused.getMessage());
        herald.channel("forbidden", PayloadType.of(String.class)).send("y"); // fire and forget: the refusal is reported
        await().atMost(WAIT).until(() -> !errors.ofKind(HeraldError.Kind.PUBLISH).isEmpty());
        Throwable reported = errors.ofKind(HeraldError.Kind.PUBLISH).get(0).cause();
        assertInstanceOf(PublishFailedException.class, reported);
        assertTrue(reported.getMessage().contains("NOPERM"), reported.getMessage());
        assertEquals(0L, herald.publish("allowed:1", "x").toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(1, errors.ofKind(HeraldError.Kind.PUBLISH).size(), "reported once");
    }

    @Test
    void aPublishTooLargeOrAfterCloseWasNotSent(RedisServer redis) throws Exception {
        Herald herald = open(Herald.builder().redis(redis.uri()).maxPayloadBytes(64));
        Throwable tooLarge = failure(herald.publish("big", "x".repeat(100)));
        assertInstanceOf(PublishFailedException.class, tooLarge);
        assertTrue(tooLarge.getMessage().contains("maxPayloadBytes"), tooLarge.getMessage());
        herald.close();
        assertInstanceOf(PublishFailedException.class, failure(herald.publish("big", "x")));
    }

    /**
     * Redis is paused while a loop publishes past the bound: the publishes past it fail at once, the pending count
     * never passes the bound, and once Redis runs again every accepted publish is delivered, in order.
     */
    @Test
    void publishesWaitingForRedisAreBoundedAndThoseAcceptedAreDelivered(@Dedicated RedisServer redis) throws Exception {
        int bound = 1_000;
        Herald subscriber = open(Herald.builder().redis(redis.uri()));
        BlockingQueue<Integer> received = new LinkedBlockingQueue<>();
        subscriber.subscribe("bounded", Integer.class, received::add);
        RedisTransport transport = RedisTransport.connect(new RedisSettings(redis.uri(), Duration.ofSeconds(30),
                CONNECT_TIMEOUT, null, null, bound, RedisSettings.DEFAULT_MAX_PENDING_PUBLISH_BYTES));
        Herald publisher = open(Herald.builder().transport(transport).commandTimeout(Duration.ofSeconds(30)));
        TypedChannel<Integer> channel = publisher.channel("bounded", PayloadType.of(Integer.class));

        assertEquals("OK", redis.command("CLIENT", "PAUSE", "5000", "ALL"));
        long start = System.nanoTime();
        List<Integer> accepted = new ArrayList<>();
        List<CompletionStage<Long>> acceptedStages = new ArrayList<>();
        int refusedAtOnce = 0;
        long maxPending = 0;
        for (int i = 0; i < 5 * bound; i++) {
            CompletionStage<Long> stage = channel.publish(i);
            CompletableFuture<Long> future = stage.toCompletableFuture();
            if (future.isCompletedExceptionally()) {
                Throwable refused = failure(stage);
                assertInstanceOf(PublishFailedException.class, refused);
                assertTrue(refused.getMessage().contains("maxPendingPublishes (" + bound + ")"), refused.getMessage());
                refusedAtOnce++;
            } else {
                accepted.add(i);
                acceptedStages.add(stage);
            }
            maxPending = Math.max(maxPending, transport.pendingPublishes());
        }
        channel.send(-1); // a fire-and-forget publish past the bound goes to the error handler
        long loopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(loopMillis < 4_000, "the loop must end within the pause to tell anything: " + loopMillis + " ms");
        assertEquals(bound, accepted.size(), "exactly the bound was accepted while Redis was paused");
        assertEquals(4 * bound, refusedAtOnce);
        assertTrue(maxPending <= bound, "pending " + maxPending);
        await().atMost(WAIT).until(() -> !errors.ofKind(HeraldError.Kind.PUBLISH).isEmpty());
        assertInstanceOf(PublishFailedException.class, errors.ofKind(HeraldError.Kind.PUBLISH).get(0).cause());

        List<Integer> delivered = new ArrayList<>();
        while (delivered.size() < accepted.size()) {
            Integer next = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("only " + delivered.size() + " of " + accepted.size() + " delivered");
            }
            delivered.add(next);
        }
        assertEquals(accepted, delivered);
        for (CompletionStage<Long> stage : acceptedStages) {
            assertEquals(1L, stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        await().atMost(WAIT).until(() -> transport.pendingPublishes() == 0 && transport.pendingPublishBytes() == 0);
        assertEquals(1L, channel.publish(9).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS),
                "room again once Redis answered");
    }

    @Test
    void pendingPublishBytesAreBoundedToo(@Dedicated RedisServer redis) throws Exception {
        RedisTransport transport = RedisTransport.connect(new RedisSettings(redis.uri(), Duration.ofSeconds(30),
                CONNECT_TIMEOUT, null, null, RedisSettings.DEFAULT_MAX_PENDING_PUBLISHES, 10_000));
        Herald publisher = open(Herald.builder().transport(transport).commandTimeout(Duration.ofSeconds(30)));
        TypedChannel<String> channel = publisher.channel("bytes", PayloadType.of(String.class));
        String kilobyte = "x".repeat(1_000);

        assertEquals("OK", redis.command("CLIENT", "PAUSE", "3000", "ALL"));
        int accepted = 0;
        Throwable refused = null;
        for (int i = 0; i < 50 && refused == null; i++) {
            CompletableFuture<Long> future = channel.publish(kilobyte).toCompletableFuture();
            if (future.isCompletedExceptionally()) {
                refused = failure(future);
            } else {
                accepted++;
            }
            assertTrue(transport.pendingPublishBytes() <= 10_000, "pending bytes " + transport.pendingPublishBytes());
        }
        assertInstanceOf(PublishFailedException.class, refused);
        assertTrue(refused.getMessage().contains("maxPendingPublishBytes (10000)"), refused.getMessage());
        assertEquals(9, accepted, "nine publishes of 1,000 payload bytes and a channel name fit in 10,000");
        await().atMost(WAIT).until(() -> transport.pendingPublishes() == 0);
    }
}
