package dev.herald.contract;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Health;
import dev.herald.Herald;
import dev.herald.HeraldException;
import dev.herald.Subscription;
import dev.herald.testing.CapturedLog;
import dev.herald.testing.RecordingConnectionListener;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import dev.herald.testing.RedisServerExtension.Dedicated;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 17: the server's subscriptions end equal to what Herald wants, whatever happened on the way: a
 * SUBSCRIBE Herald gave up on and Redis acknowledged later, an unsubscribe during an outage that Lettuce
 * would re-subscribe on reconnect, killed connections, paused and restarted servers. Every assertion
 * reads the server's own view (PUBSUB NUMSUB / NUMPAT, CLIENT LIST through health()).
 */
@ExtendWith(RedisServerExtension.class)
class RedisSubscriptionConvergenceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final RecordingConnectionListener listener = new RecordingConnectionListener();
    private final List<String> events = listener.events();
    private final List<Herald> opened = new ArrayList<>();

    private Herald open(RedisServer redis, Duration commandTimeout) {
        Herald herald = Herald.builder().redis(redis.uri()).connectionListener(listener).commandTimeout(commandTimeout).build();
        opened.add(herald);
        return herald;
    }

    @AfterEach
    void close() {
        opened.forEach(Herald::close);
    }

    private static long numpat(RedisServer redis) {
        return Long.parseLong(redis.command("PUBSUB", "NUMPAT"));
    }

    private static Health health(Herald herald) throws Exception {
        return herald.health().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void awaitHealthy(Herald herald) {
        await().atMost(WAIT).ignoreExceptions().until(() -> health(herald).healthy());
    }

    @Test
    void aSubscribeThatTimedOutIsUndoneWhenRedisAcknowledgesItLate(@Dedicated RedisServer redis) throws Exception {
        Herald herald = open(redis, Duration.ofMillis(300));
        herald.subscribe("keep", String.class, m -> { });

        redis.command("CLIENT", "PAUSE", "1500", "ALL"); // Redis reads the SUBSCRIBE only once the pause ends
        assertThrows(HeraldException.class, () -> herald.subscribe("leak:1", String.class, m -> { }));

        // once this later SUBSCRIBE is acknowledged, Redis has executed the abandoned one before it
        await().atMost(WAIT).ignoreException(HeraldException.class)
                .until(() -> herald.subscribe("after", String.class, m -> { }) != null);
        await().atMost(WAIT).until(() -> redis.numsub("leak:1") == 0);
        assertEquals("0", redis.command("PUBLISH", "leak:1", "\"anyone?\""), "no receiver left behind");
        assertEquals(1, redis.numsub("keep"));
        awaitHealthy(herald);
        assertEquals(2, health(herald).serverChannels());
    }

    @Test
    void aChannelSubscribedAgainAfterItsSubscribeTimedOutEndsSubscribedOnce(@Dedicated RedisServer redis) throws Exception {
        Herald herald = open(redis, Duration.ofMillis(300));
        herald.subscribe("keep", String.class, m -> { });

        redis.command("CLIENT", "PAUSE", "1500", "ALL");
        assertThrows(HeraldException.class, () -> herald.subscribe("again:1", String.class, m -> { }));
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        await().atMost(WAIT).ignoreException(HeraldException.class)
                .until(() -> herald.subscribe("again:1", String.class, received::add) != null);

        awaitHealthy(herald);
        assertEquals(1, redis.numsub("again:1"));
        herald.publish("again:1", "hello");
        assertEquals("hello", received.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void anUnsubscribeDuringAnOutageIsNotUndoneByTheReconnect(@Dedicated RedisServer redis) throws Exception {
        Herald herald = open(redis, Duration.ofSeconds(2));
        herald.subscribe("rc:keep", String.class, m -> { });
        herald.subscribe("rc:extra", String.class, m -> { });
        herald.psubscribe("rc:p:*", String.class, (c, m) -> { });
        herald.psubscribe("rc:q:*", String.class, (c, m) -> { });

        redis.kill();
        await().atMost(WAIT).until(() -> events.contains("disconnected"));
        // recorded, not thrown: the server dropped the subscription with the connection
        herald.unsubscribe("rc:extra").toCompletableFuture().get(5, TimeUnit.SECONDS);
        herald.punsubscribe("rc:q:*").toCompletableFuture().get(5, TimeUnit.SECONDS);
        // recorded too: made once the connection is back
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        CompletionStage<Subscription> during = herald.channel("rc:new", dev.herald.PayloadType.of(String.class))
                .subscribeAsync(received::add);

        redis.restart();
        during.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> events.contains("resubscribed 2/1"));
        // onResubscribed means the server holds exactly what is wanted
        assertEquals(0, redis.numsub("rc:extra"));
        assertEquals(1, redis.numsub("rc:keep"));
        assertEquals(1, redis.numsub("rc:new"));
        assertEquals(1, numpat(redis));
        Health health = health(herald);
        assertTrue(health.healthy(), health.toString());
        herald.publish("rc:new", "back");
        assertEquals("back", received.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void aHeraldThatOnlyPublishesReportsNoOutageOfTheSubscriptionConnection(@Dedicated RedisServer redis) throws Exception {
        try (CapturedLog log = new CapturedLog()) {
            RecordingConnectionListener publisherListener = new RecordingConnectionListener();
            Herald publisher = Herald.builder().redis(redis.uri()).commandTimeout(Duration.ofSeconds(2))
                    .connectionListener(publisherListener).build();
            opened.add(publisher);
            Herald subscriber = open(redis, Duration.ofSeconds(2)); // the control: it does report
            subscriber.subscribe("news", String.class, m -> { });
            publisher.publish("news", "before").toCompletableFuture().get(5, TimeUnit.SECONDS);

            redis.kill();
            redis.restart();
            await().atMost(WAIT).until(() -> events.contains("resubscribed 1/0"));
            await().atMost(WAIT).ignoreExceptions()
                    .until(() -> publisher.publish("news", "after").toCompletableFuture().get(5, TimeUnit.SECONDS) == 1);

            assertEquals(List.of(), publisherListener.events(), "the publisher never used a subscription connection");
            assertEquals(1, log.lines("lost the subscription connection").size(), "only the subscriber's line: "
                    + log.lines("lost the subscription connection"));
            assertEquals(0, health(publisher).outages());
            assertEquals(1, health(subscriber).outages());
        }
    }

    /** Churns subscriptions on threads that each own their channels, so what Herald should want is known exactly. */
    private static final class Churn {
        final Herald herald;
        final int threads;
        final int channelsPerThread;
        final Map<String, Subscription> held = new ConcurrentHashMap<>();
        final AtomicBoolean running = new AtomicBoolean();
        final java.util.concurrent.atomic.AtomicLong operations = new java.util.concurrent.atomic.AtomicLong();
        final List<Thread> workers = new ArrayList<>();

        Churn(Herald herald, int threads, int channelsPerThread) {
            this.herald = herald;
            this.threads = threads;
            this.channelsPerThread = channelsPerThread;
        }

        static String channel(int thread, int i) {
            return "churn:" + thread + ":" + i;
        }

        static String pattern(int thread) {
            return "churn:p" + thread + ":*";
        }

        void start() {
            running.set(true);
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Thread worker = new Thread(() -> {
                    while (running.get()) {
                        operations.incrementAndGet();
                        int i = ThreadLocalRandom.current().nextInt(channelsPerThread + 1);
                        String name = i == channelsPerThread ? pattern(thread) : channel(thread, i);
                        Subscription subscription = held.remove(name);
                        if (subscription != null) {
                            subscription.unsubscribe(); // not wanted from here on, acknowledged or not
                            continue;
                        }
                        try {
                            held.put(name, i == channelsPerThread
                                    ? herald.psubscribe(name, String.class, (c, m) -> { })
                                    : herald.subscribe(name, String.class, m -> { }));
                        } catch (HeraldException e) {
                            // timed out or disconnected: Herald does not hold it
                        }
                    }
                }, "churn-" + thread);
                worker.start();
                workers.add(worker);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread worker : workers) {
                worker.join(WAIT.toMillis());
            }
            workers.clear();
        }

        /** Waits until the server holds exactly the channels and patterns held here. */
        void awaitServerAgrees(RedisServer redis) {
            await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
                for (int t = 0; t < threads; t++) {
                    for (int i = 0; i < channelsPerThread; i++) {
                        String channel = channel(t, i);
                        assertEquals(held.containsKey(channel) ? 1 : 0, redis.numsub(channel), channel);
                    }
                }
                long patterns = held.keySet().stream().filter(name -> name.endsWith("*")).count();
                assertEquals(patterns, numpat(redis), "NUMPAT");
                Health health = health(herald);
                assertTrue(health.healthy(), health.toString());
            });
        }
    }

    @Test
    void churnUnderInjectedFaultsAlwaysSettlesOnWhatHeraldWants(@Dedicated RedisServer redis) throws Exception {
        Herald herald = open(redis, Duration.ofMillis(250));
        Churn churn = new Churn(herald, 4, 5);
        List<Runnable> faults = List.of(
                () -> redis.command("CLIENT", "KILL", "TYPE", "pubsub"),
                () -> redis.command("CLIENT", "PAUSE", "800", "ALL"),
                () -> {
                    redis.kill();
                    redis.restart();
                },
                () -> redis.command("CLIENT", "KILL", "TYPE", "pubsub"),
                () -> redis.command("CLIENT", "PAUSE", "800", "ALL"));
        for (Runnable fault : faults) {
            churn.start();
            awaitChurned(churn, 200);
            fault.run();
            awaitChurned(churn, 40);
            churn.stop();
            churn.awaitServerAgrees(redis);
        }
        // and everything let go leaves nothing behind
        churn.held.values().forEach(Subscription::close);
        churn.held.clear();
        churn.awaitServerAgrees(redis);
        assertEquals(List.of(), redis.pubsubChannels("churn:*"));
    }

    /** Lets the churn run for a while: {@code count} more subscribe/unsubscribe calls. */
    private static void awaitChurned(Churn churn, int count) {
        long target = churn.operations.get() + count;
        await().atMost(WAIT).until(() -> churn.operations.get() >= target);
    }
}
