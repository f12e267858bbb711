package dev.herald.contract;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.Herald;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import io.lettuce.core.RedisURI;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Messages one thread publishes reach Redis in the order it published them, however the transport
 * batches its writes: a burst long enough to cross the publishing thread's own flush, while the
 * background flush is in flight, must not overtake the commands written before it.
 */
@ExtendWith(RedisServerExtension.class)
class RedisPublishOrderTest {

    private static final int PER_THREAD = 60_000;

    private final RedisServer redis;
    private io.lettuce.core.RedisClient lettuce;
    private StatefulRedisPubSubConnection<String, String> raw;
    private Herald herald;

    RedisPublishOrderTest(RedisServer redis) {
        this.redis = redis;
    }

    @BeforeEach
    void open() {
        lettuce = io.lettuce.core.RedisClient.create(RedisURI.create(redis.uri()));
        raw = lettuce.connectPubSub();
        herald = Herald.builder().redis(redis.uri()).build();
    }

    @AfterEach
    void close() {
        herald.close();
        raw.close();
        lettuce.shutdown(Duration.ZERO, Duration.ofSeconds(5));
    }

    @Test
    void oneThreadsPublishesArriveInPublishOrder() {
        List<String> seen = record("order:one");
        for (int i = 0; i < PER_THREAD; i++) {
            herald.publish("order:one", i);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> seen.size() == PER_THREAD);
        List<String> arrived = List.copyOf(seen);
        for (int i = 0; i < PER_THREAD; i++) {
            assertEquals(Integer.toString(i), arrived.get(i), "message " + i + " out of order");
        }
    }

    @Test
    void eachOfSeveralThreadsKeepsItsOwnOrder() throws Exception {
        List<String> seen = record("order:many");
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> publishers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread publisher = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < PER_THREAD / threads; i++) {
                    herald.publish("order:many", thread + "-" + i);
                }
            });
            publisher.start();
            publishers.add(publisher);
        }
        start.countDown();
        for (Thread publisher : publishers) {
            publisher.join();
        }
        int total = threads * (PER_THREAD / threads);
        await().atMost(Duration.ofSeconds(60)).until(() -> seen.size() == total);
        Map<String, Integer> next = new ConcurrentHashMap<>();
        for (String message : List.copyOf(seen)) {
            String json = message.substring(1, message.length() - 1); // a JSON string: "t-i"
            String thread = json.substring(0, json.indexOf('-'));
            int index = Integer.parseInt(json.substring(json.indexOf('-') + 1));
            int expected = next.getOrDefault(thread, 0);
            assertEquals(expected, index, "thread " + thread + "'s message " + expected + " out of order");
            next.put(thread, expected + 1);
        }
    }

    /** Subscribes a raw Lettuce client, which records every payload in the order Redis sent it. */
    private List<String> record(String channel) {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        raw.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String ch, String message) {
                if (ch.equals(channel)) {
                    seen.add(message);
                }
            }
        });
        raw.sync().subscribe(channel);
        return seen;
    }
}
