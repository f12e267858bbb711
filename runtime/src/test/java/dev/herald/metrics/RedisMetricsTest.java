package dev.herald.metrics;

import dev.herald.HeraldBuilder;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The meters on a real redis-server. */
@ExtendWith(RedisServerExtension.class)
class RedisMetricsTest extends MetricsContract {

    private final RedisServer redis;

    RedisMetricsTest(RedisServer redis) {
        this.redis = redis;
    }

    @Override
    protected HeraldBuilder onTransport(HeraldBuilder builder) {
        return builder.redis(redis.uri());
    }

    /** The dead-letter streams a test left on the shared server go with it. */
    @AfterEach
    void deleteDeadLetters() {
        String keys = redis.command("KEYS", "herald:dead-letters:" + prefix + "*");
        if (keys != null && !keys.isEmpty()) {
            for (String key : keys.split("\n")) {
                redis.command("DEL", key);
            }
        }
    }
}
