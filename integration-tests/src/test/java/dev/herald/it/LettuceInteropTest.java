package dev.herald.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.HeraldError;
import dev.herald.it.fixtures.OrderCreated;
import dev.herald.it.fixtures.OrderEventsPublisher;
import dev.herald.it.fixtures.OrderEventsSubscriber;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Herald and a plain Lettuce client on one Redis: the wire format is plain JSON, both ways. */
@ExtendWith(RedisServerExtension.class)
class LettuceInteropTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final RedisServer redis;
    private RedisClient raw;

    LettuceInteropTest(RedisServer redis) {
        this.redis = redis;
    }

    @BeforeEach
    void connectRawClient() {
        raw = RedisClient.create(redis.uri());
    }

    @AfterEach
    void closeRawClient() {
        raw.shutdown();
    }

    @Test
    void typedPublisherSendsExactlyThePayloadJson() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        try (StatefulRedisPubSubConnection<String, String> sub = raw.connectPubSub();
                Herald herald = Herald.connect(redis.uri())) {
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    seen.add(channel + " " + message);
                }
            });
            sub.sync().subscribe("order:created");

            new OrderEventsPublisher(herald).orderCreated(TypedChannelsContract.ORDER);

            assertEquals("order:created {\"orderId\":\"123\",\"userId\":\"456\",\"items\":[{\"sku\":\"book\",\"quantity\":2}],"
                            + "\"total\":99.99,\"timestamp\":\"2026-11-29T10:15:30Z\"}",
                    seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS),
                    "what JSON.stringify would send: no envelope, ISO-8601 time, numbers as numbers");
        }
    }

    @Test
    void jsonFromAnotherClientReachesTheTypedSubscriberAfterAMalformedMessage() throws Exception {
        List<HeraldError> errors = new CopyOnWriteArrayList<>();
        BlockingQueue<OrderCreated> received = new LinkedBlockingQueue<>();
        try (StatefulRedisConnection<String, String> pub = raw.connect();
                Herald herald = Herald.builder().redis(redis.uri()).errorHandler(errors::add).build()) {
            new OrderEventsSubscriber(herald).orderCreated(received::add);

            pub.sync().publish("order:created", "{\"orderId\": \"12");            // truncated
            pub.sync().publish("order:created", "{\"orderId\":\"123\",\"userId\":\"456\",\"items\":[{\"sku\":\"book\","
                    + "\"quantity\":2,\"colour\":\"red\"}],\"total\":99.99,\"timestamp\":\"2026-11-29T10:15:30Z\","
                    + "\"source\":\"igniter\",\"metadata\":{\"version\":\"1.0\"}}");   // with fields Herald does not know

            assertEquals(TypedChannelsContract.ORDER, received.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
            await().atMost(WAIT).until(() -> errors.size() == 1);
            assertEquals(HeraldError.Kind.DECODE, errors.get(0).kind());
            assertEquals("order:created", errors.get(0).channel());
            assertTrue(errors.get(0).payloadExcerpt().startsWith("{\"orderId\": \"12"), errors.get(0).payloadExcerpt());
        }
    }
}
