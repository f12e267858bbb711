package dev.herald.contract;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.ConnectionListener;
import dev.herald.Health;
import dev.herald.Herald;
import dev.herald.HeraldError;
import dev.herald.HeraldException;
import dev.herald.MessageHandler;
import dev.herald.PayloadType;
import dev.herald.PublishFailedException;
import dev.herald.TemplateChannel;
import dev.herald.testing.RecordingConnectionListener;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import dev.herald.testing.RedisServerExtension.Dedicated;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 10, point 5: promises of the Redis transport that a mutation run found no test checking. Each reads
 * the server's own view (PUBSUB NUMSUB / NUMPAT) at the moment Herald makes its claim.
 */
@ExtendWith(RedisServerExtension.class)
class RedisPromisesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final RecordingErrors errors = new RecordingErrors();
    private final RecordingConnectionListener listener = new RecordingConnectionListener();
    private final List<String> events = listener.events();
    private final List<Herald> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(Herald::close);
    }

    /** What the server held when onResubscribed fired, next to what Herald reported. */
    private record Resubscribed(int channels, int patterns, long serverChannels, long serverPatterns) {
    }

    /**
     * A listener that records as {@link RecordingConnectionListener} does, but inside onResubscribed itself, instead
     * of recording, asks the server how many of the wanted channels have a subscriber and how many patterns are
     * subscribed (Herald is the server's only client that subscribes).
     */
    private static RecordingConnectionListener checkingListener(RedisServer redis, List<String> wantedChannels,
            CompletableFuture<Resubscribed> seen) {
        return new RecordingConnectionListener() {
            @Override
            public void onResubscribed(Duration outage, int channels, int patterns) {
                try {
                    seen.complete(new Resubscribed(channels, patterns, subscribed(redis, wantedChannels), numpat(redis)));
                } catch (RuntimeException e) {
                    seen.completeExceptionally(e);
                }
            }
        };
    }

    private Herald open(String uri, ConnectionListener listener) {
        Herald herald = Herald.builder().redis(uri).errorHandler(errors).connectionListener(listener)
                .commandTimeout(Duration.ofSeconds(5)).build();
        opened.add(herald);
        return herald;
    }

    private static long numpat(RedisServer redis) {
        return Long.parseLong(redis.command("PUBSUB", "NUMPAT"));
    }

    /** How many of the channels have at least one subscriber, by one PUBSUB NUMSUB. */
    private static long subscribed(RedisServer redis, List<String> channels) {
        List<String> args = new ArrayList<>(List.of("PUBSUB", "NUMSUB"));
        args.addAll(channels);
        String[] reply = redis.command(args.toArray(new String[0])).split("\n");
        long count = 0;
        for (int i = 1; i < reply.length; i += 2) {
            if (Long.parseLong(reply[i]) > 0) {
                count++;
            }
        }
        return count;
    }

    private static final List<String> CHANNELS = List.of("rs:orders", "rs:payments", "rs:users", "rs:audit", "rs:mail");
    private static final List<String> PATTERNS = List.of("rs:tenant:*", "rs:user:*:events", "rs:region:?");

    private static void subscribeSeveral(Herald herald) {
        for (String channel : CHANNELS) {
            herald.subscribe(channel, String.class, m -> { });
        }
        for (String pattern : PATTERNS) {
            herald.psubscribe(pattern, String.class, (c, m) -> { });
        }
    }

    @Test
    void afterAKillAndRestartOnResubscribedFiresOnlyOnceRedisHoldsEveryChannelAndPattern(@Dedicated RedisServer redis)
            throws Exception {
        // besides the channels Lettuce re-sends on its own, thousands it never saw: subscribed during the outage,
        // they reach the server only through Herald's own batches, one after the other
        Map<String, MessageHandler<String>> duringOutage = new LinkedHashMap<>();
        for (int i = 0; i < 3_000; i++) {
            duringOutage.put("rs:late:" + i, m -> { });
        }
        List<String> wanted = new ArrayList<>(CHANNELS);
        wanted.addAll(duringOutage.keySet());
        CompletableFuture<Resubscribed> seen = new CompletableFuture<>();
        RecordingConnectionListener checking = checkingListener(redis, wanted, seen);
        Herald herald = open(redis.uri(), checking);
        subscribeSeveral(herald);

        redis.kill();
        await().atMost(WAIT).until(() -> checking.events().contains("disconnected"));
        CompletionStage<?> late = herald.subscribeAllAsync(duringOutage, String.class);
        redis.restart();

        Resubscribed at = seen.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(new Resubscribed(wanted.size(), PATTERNS.size(), wanted.size(), PATTERNS.size()), at,
                "when onResubscribed fired, the server held every wanted channel and pattern, as many as it reports");
        late.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void afterClientKillOnResubscribedFiresOnlyOnceRedisHoldsEveryChannelAndPattern(@Dedicated RedisServer redis)
            throws Exception {
        CompletableFuture<Resubscribed> seen = new CompletableFuture<>();
        Herald herald = open(redis.uri(), checkingListener(redis, CHANNELS, seen));
        subscribeSeveral(herald);

        redis.command("CLIENT", "KILL", "TYPE", "pubsub");

        Resubscribed at = seen.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(new Resubscribed(CHANNELS.size(), PATTERNS.size(), CHANNELS.size(), PATTERNS.size()), at,
                "when onResubscribed fired, the server held every wanted channel and pattern, as many as it reports");
    }

    @Test
    void aTemplateSendWhileRedisIsDownIsReportedWithItsConcreteChannel(@Dedicated RedisServer redis) {
        Herald herald = open(redis.uri(), new ConnectionListener() { });
        TemplateChannel<String> orders = herald.template("user:{userId}:orders", PayloadType.of(String.class));
        redis.kill();
        try {
            await().atMost(WAIT).until(() -> herald.ping().toCompletableFuture().handle((ok, e) -> e != null)
                    .get(10, TimeUnit.SECONDS));
            orders.send("lost", "u-7");

            await().atMost(WAIT).until(() -> errors.ofKind(HeraldError.Kind.PUBLISH).size() == 1);
            HeraldError error = errors.ofKind(HeraldError.Kind.PUBLISH).get(0);
            assertEquals("user:u-7:orders", error.channel(), "the concrete channel, not the template");
            assertInstanceOf(PublishFailedException.class, error.cause());
        } finally {
            redis.restart();
        }
    }

    /**
     * A blocking subscribe that times out while Redis is down: its stage is still waiting for the reconnect, so only
     * the subscribe's own cleanup makes the channel unwanted. Nothing is left wanted, and nothing reaches the server
     * once it is back.
     */
    @Test
    void aBlockingSubscribeThatTimesOutDuringAnOutageLeavesNothingWantedNorOnTheServer(@Dedicated RedisServer redis)
            throws Exception {
        Herald herald = Herald.builder().redis(redis.uri()).errorHandler(errors).commandTimeout(Duration.ofMillis(500))
                .connectionListener(listener).build();
        opened.add(herald);
        herald.subscribe("keep", String.class, m -> { });

        redis.kill();
        await().atMost(WAIT).until(() -> events.contains("disconnected"));
        assertThrows(HeraldException.class, () -> herald.subscribe("lost", String.class, m -> { }));

        redis.restart();
        // Herald resubscribes what it wants: had the timed-out subscription stayed wanted, this would say 2/0
        await().atMost(WAIT).until(() -> events.contains("resubscribed 1/0"));
        assertEquals(0, redis.numsub("lost"));
        assertEquals(1, redis.numsub("keep"));
        Health health = health(herald);
        assertEquals(Map.of("keep", true), health.channels(), health.toString());
        assertEquals(1, health.serverChannels(), health.toString());
    }

    /**
     * The server refuses one channel after a reconnect (its user lost the right to it) and accepts another:
     * health() says false for exactly the refused one.
     */
    @Test
    void healthSaysNotSubscribedForExactlyTheChannelTheServerDoesNotHold(@Dedicated RedisServer redis) throws Exception {
        redis.command("ACL", "SETUSER", "herald-user", "on", ">secret", "+@all", "~*", "&*");
        String uri = "redis://herald-user:secret@" + redis.host() + ":" + redis.port();
        Herald herald = open(uri, listener);
        herald.subscribe("denied:1", String.class, m -> { });
        assertEquals(Map.of("denied:1", true), health(herald).channels());

        // from now on the user may only use ok:*; Redis drops its subscriber, and refuses denied:1 on reconnect
        redis.command("ACL", "SETUSER", "herald-user", "resetchannels", "&ok:*");
        redis.command("CLIENT", "KILL", "TYPE", "pubsub");
        await().atMost(WAIT).until(() -> events.contains("reconnected"));
        await().atMost(WAIT).until(() -> redis.numsub("denied:1") == 0);
        await().atMost(WAIT).ignoreException(HeraldException.class)
                .until(() -> herald.subscribe("ok:1", String.class, m -> { }) != null);
        assertEquals(1, redis.numsub("ok:1"));

        Health health = health(herald);
        assertEquals(Map.of("denied:1", false, "ok:1", true), health.channels(), health.toString());
        assertEquals(2, health.expectedChannels());
        assertEquals(1, health.serverChannels());
    }

    private static Health health(Herald herald) throws Exception {
        return herald.health().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
