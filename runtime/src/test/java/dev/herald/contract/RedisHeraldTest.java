package dev.herald.contract;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import org.junit.jupiter.api.BeforeEach;
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
}
