package dev.herald.contract;

import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The durable contract on a real redis-server: Redis Streams and consumer groups. */
@ExtendWith(RedisServerExtension.class)
class RedisDurableTest extends DurableContract {

    private final RedisServer redis;

    RedisDurableTest(RedisServer redis) {
        this.redis = redis;
    }

    @Override
    protected DurableFixture newFixture() {
        return new RedisDurableFixture(redis);
    }
}
