package dev.herald.contract;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.PayloadType;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract on a real redis-server. */
@ExtendWith(RedisServerExtension.class)
class RedisHeraldTest extends BadInputContract {

    private final RedisServer redis;

    RedisHeraldTest(RedisServer redis) {
        this.redis = redis;
    }

    @Override
    protected HeraldBuilder transportBuilder() {
        return Herald.builder().redis(redis.uri());
    }

    @Override
    protected long serverSubscribers(Herald herald, String fullChannel) {
        return redis.numsub(fullChannel);
    }

    @Override
    protected long publishForeign(Herald herald, String fullChannel, String payload) {
        return Long.parseLong(redis.command("PUBLISH", fullChannel, payload));
    }

    @Override
    protected void publishForeignBytes(String fullChannel, byte[] payload) {
        // a client of its own, like a foreign producer; Herald's codecs are bypassed
        try (RedisClient client = new RedisClient(redis)) {
            client.publish(fullChannel, payload);
        }
    }

    @Override
    protected boolean carriesHugeMessages() {
        return redis.isManaged(); // only a server of our own gets its output-buffer limit lifted
    }

    @BeforeEach
    void allowLargeMessagesToSubscribers() {
        if (redis.isManaged()) {
            // Redis itself drops a subscriber that falls 32 MB behind; the 50 MB test is about Herald's limit
            redis.command("CONFIG", "SET", "client-output-buffer-limit", "pubsub 0 0 0");
        }
    }

    @Test
    void deadLettersAreAStreamPerChannelThatAnyRedisClientCanRead() {
        herald.channel("payments", PayloadType.of(String.class)).subscribe(payment -> {
            throw new IllegalStateException("gateway down");
        });
        herald.publish("payments", "pay-1");

        String key = "herald:dead-letters:" + full("payments");
        try {
            await().atMost(WAIT).until(() -> "1".equals(redis.command("XLEN", key)));
            List<String> reply = List.of(redis.command("XRANGE", key, "-", "+").split("\n"));
            Map<String, String> fields = new HashMap<>();
            for (int i = 1; i + 1 < reply.size(); i += 2) { // the entry's id, then field, value, field, value...
                fields.put(reply.get(i), reply.get(i + 1));
            }
            assertEquals("\"pay-1\"", fields.get("payload"), "the payload as it came: plain JSON");
            assertEquals(full("payments"), fields.get("channel"));
            assertTrue(fields.get("error").contains("gateway down"), fields.get("error"));
            assertEquals("1", fields.get("attempts"));
            Instant time = Instant.parse(fields.get("time"));
            assertTrue(Duration.between(time, Instant.now()).abs().toMinutes() < 5, "an ISO-8601 time of the failure: " + time);
        } finally {
            redis.command("DEL", key);
        }
    }
}
