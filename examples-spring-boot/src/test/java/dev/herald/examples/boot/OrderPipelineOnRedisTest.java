package dev.herald.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Boot order pipeline against a real {@code redis-server} (started on a free port, or {@code REDIS_URL}):
 * Redis itself reports the listeners' subscriptions, and another client sees plain JSON on the channel.
 */
@ExtendWith(RedisServerExtension.class)
@SpringBootTest
class OrderPipelineOnRedisTest {

    private static RedisServer redis;

    @BeforeAll
    static void redis(RedisServer server) {
        redis = server;
    }

    @DynamicPropertySource
    static void heraldOnRedis(DynamicPropertyRegistry registry) {
        registry.add("herald.redis.url", () -> redis.uri());
        // a prefix of its own, so a shared REDIS_URL server's other clients do not interfere
        registry.add("herald.channel-prefix", () -> "boot-example:");
    }

    @Autowired
    OrderApi api;

    @Autowired
    ConfirmationService confirmations;

    @Test
    void theListenersAreSubscribedOnRedisAndEveryOrderIsConfirmed() throws InterruptedException {
        assertThat(redis.numsub("boot-example:order:created")).isEqualTo(1);
        assertThat(redis.numsub("boot-example:order:shipping:calculated")).isEqualTo(1);

        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisPubSubConnection<String, String> raw = client.connectPubSub()) {
            List<String> seen = new CopyOnWriteArrayList<>();
            raw.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    seen.add(message);
                }
            });
            raw.sync().subscribe("boot-example:order:shipping:calculated");

            for (int i = 1; i <= 5; i++) {
                api.place(i);
            }
            assertThat(confirmations.awaitConfirmed(5, Duration.ofSeconds(10))).isTrue();
            // the bytes any other client reads: the payload's plain JSON, through Boot's Jackson 3 mapper
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(seen).contains("{\"orderId\":\"1001\",\"shipping\":8.34}"));
        } finally {
            client.shutdown();
        }
    }
}
