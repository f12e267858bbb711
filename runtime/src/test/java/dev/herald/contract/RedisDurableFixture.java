package dev.herald.contract;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.internal.redis.RedisSettings;
import dev.herald.internal.redis.RedisTransport;
import dev.herald.spi.DurableLog;
import dev.herald.testing.RedisServer;
import java.time.Duration;

/**
 * Heralds on a real redis-server; what a group holds is asked of Redis through a transport of the fixture's own
 * ({@code XINFO GROUPS}, {@code XINFO CONSUMERS}), and streams are deleted and measured with {@code DEL} and
 * {@code XLEN} from a bare client.
 */
final class RedisDurableFixture implements DurableFixture {

    private final RedisServer redis;
    private RedisTransport inspector;

    RedisDurableFixture(RedisServer redis) {
        this.redis = redis;
    }

    @Override
    public HeraldBuilder builder() {
        return Herald.builder().redis(redis.uri());
    }

    @Override
    public synchronized DurableLog log() {
        if (inspector == null) {
            inspector = RedisTransport.connect(new RedisSettings(redis.uri(), Duration.ofSeconds(10), Duration.ofSeconds(10),
                    null, null, RedisSettings.DEFAULT_MAX_PENDING_PUBLISHES, RedisSettings.DEFAULT_MAX_PENDING_PUBLISH_BYTES));
        }
        return inspector.durable();
    }

    @Override
    public void deleteStream(String stream) {
        redis.command("DEL", stream);
    }

    @Override
    public long streamLength(String stream) {
        String length = redis.command("XLEN", stream);
        return length == null || length.isEmpty() ? 0 : Long.parseLong(length);
    }

    @Override
    public synchronized void close() {
        if (inspector != null) {
            inspector.close();
            inspector = null;
        }
    }
}
