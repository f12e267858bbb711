package dev.herald.it;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** Generated code on a real redis-server. */
@ExtendWith(RedisServerExtension.class)
class RedisTypedChannelsTest extends TypedChannelsContract {

    private final RedisServer redis;

    RedisTypedChannelsTest(RedisServer redis) {
        this.redis = redis;
    }

    @Override
    HeraldBuilder transport() {
        return Herald.builder().redis(redis.uri());
    }

    @Override
    long serverSubscribers(String fullChannel) {
        return redis.numsub(fullChannel);
    }
}
