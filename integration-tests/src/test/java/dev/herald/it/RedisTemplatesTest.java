package dev.herald.it;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** Templates on a real redis-server. */
@ExtendWith(RedisServerExtension.class)
class RedisTemplatesTest extends TemplatesContract {

    private final RedisServer redis;

    RedisTemplatesTest(RedisServer redis) {
        this.redis = redis;
    }

    @Override
    HeraldBuilder transport() {
        return Herald.builder().redis(redis.uri());
    }

    @Override
    void publishForeign(String fullChannel, String payload) {
        redis.command("PUBLISH", fullChannel, payload);
    }
}
