package dev.herald.metrics;

import dev.herald.HeraldBuilder;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The observations on a real redis-server. */
@ExtendWith(RedisServerExtension.class)
class RedisObservationTest extends ObservationContract {

    private final RedisServer redis;

    RedisObservationTest(RedisServer redis) {
        this.redis = redis;
    }

    @Override
    protected HeraldBuilder onTransport(HeraldBuilder builder) {
        return builder.redis(redis.uri());
    }

    @Override
    protected String system() {
        return "redis";
    }
}
