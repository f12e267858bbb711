package dev.herald.internal.redis;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.protocol.DefaultEndpoint;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.netty.channel.Channel;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Where the Redis transport flushes: on the publish connection's own event loop, every flush, the last
 * one of {@code close()} included, so no flush from another thread can overtake a batch.
 */
@ExtendWith(RedisServerExtension.class)
class RedisTransportFlushTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final RedisServer redis;
    private RedisClient lettuce;
    private StatefulRedisPubSubConnection<String, String> raw;
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    RedisTransportFlushTest(RedisServer redis) {
        this.redis = redis;
    }

    @BeforeEach
    void subscribeRawClient() {
        lettuce = RedisClient.create(RedisURI.create(redis.uri()));
        raw = lettuce.connectPubSub();
        raw.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                seen.add(message);
            }
        });
        raw.sync().subscribe("flush:order");
    }

    @AfterEach
    void closeRawClient() {
        raw.close();
        lettuce.shutdown(Duration.ZERO, Duration.ofSeconds(5));
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }

    @Test
    void flushesRunOnThePublishConnectionsEventLoop() throws Exception {
        RedisTransport transport = RedisTransport.connect(redis.uri(), WAIT);
        try {
            StatefulRedisConnection<?, ?> publish = (StatefulRedisConnection<?, ?>) field(transport, "publishConnection");
            Object writer = publish.getClass().getMethod("getChannelWriter").invoke(publish);
            while (!(writer instanceof DefaultEndpoint)) {
                writer = writer.getClass().getMethod("getDelegate").invoke(writer);
            }
            Channel channel = (Channel) field(writer, "channel");
            assertSame(channel.eventLoop(), transport.flusher().flusher());
        } finally {
            transport.close();
        }
    }

    /**
     * The event loop is held while m1's flush waits on it; close() starts and m2 is published. Were
     * close()'s flush run on its own thread, it would hand m1 to the loop behind the pending flush, which
     * then writes m2 first.
     */
    @Test
    void closeFlushesBehindThePendingFlushSoOneThreadsPublishesKeepTheirOrder() throws Exception {
        RedisTransport transport = RedisTransport.connect(redis.uri(), WAIT);
        SingleThreadEventExecutor loop = (SingleThreadEventExecutor) transport.flusher().flusher();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        loop.execute(() -> {
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        held.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        Thread closer = null;
        try {
            transport.publish("flush:order", "\"m1\"".getBytes(StandardCharsets.UTF_8)); // its flush waits on the loop
            int pending = loop.pendingTasks();
            closer = new Thread(transport::close, "closer");
            closer.start();
            await().atMost(WAIT).until(() -> loop.pendingTasks() > pending); // close() has asked for its flush
            transport.publish("flush:order", "\"m2\"".getBytes(StandardCharsets.UTF_8));
        } finally {
            release.countDown();
        }
        closer.join(WAIT.toMillis());
        await().atMost(WAIT).until(() -> seen.size() == 2);
        assertEquals(List.of("\"m1\"", "\"m2\""), List.copyOf(seen));
    }
}
