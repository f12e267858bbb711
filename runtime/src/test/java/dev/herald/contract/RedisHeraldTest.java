package dev.herald.contract;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract on a real redis-server. */
@ExtendWith(RedisServerExtension.class)
class RedisHeraldTest extends DeliveryContract {

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
}
