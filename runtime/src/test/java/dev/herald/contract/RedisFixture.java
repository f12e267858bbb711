package dev.herald.contract;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.testing.RedisServer;

/**
 * Heralds on a real redis-server, built with {@code .redis(uri)}; what the server sees is asked of the server
 * itself ({@code PUBSUB NUMSUB}, {@code PUBSUB CHANNELS}), and foreign messages come from a bare client of its own.
 */
final class RedisFixture implements TransportFixture {

    private final RedisServer redis;
    private RedisClient foreign;

    /** @param redis the server; when the tests manage it, its pub/sub output-buffer limit is lifted */
    RedisFixture(RedisServer redis) {
        this.redis = redis;
        if (redis.isManaged()) {
            // Redis itself drops a subscriber that falls 32 MB behind; the 50 MB test is about Herald's limit
            redis.command("CONFIG", "SET", "client-output-buffer-limit", "pubsub 0 0 0");
        }
    }

    @Override
    public HeraldBuilder builder() {
        return Herald.builder().redis(redis.uri());
    }

    @Override
    public Herald build(HeraldBuilder builder) {
        return builder.build();
    }

    @Override
    public long subscribers(Herald herald, String fullChannel) {
        return redis.numsub(fullChannel);
    }

    @Override
    public int channelsWithSubscribers(Herald herald, String prefix) {
        return redis.pubsubChannels(prefix.replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + "*").size();
    }

    @Override
    public synchronized long publish(Herald herald, String fullChannel, byte[] payload) {
        if (foreign == null) {
            foreign = new RedisClient(redis);
        }
        return foreign.publish(fullChannel, payload);
    }

    @Override
    public boolean carriesHugeMessages() {
        return redis.isManaged(); // only a server of our own gets its output-buffer limit lifted
    }

    @Override
    public synchronized void close() {
        if (foreign != null) {
            foreign.close();
            foreign = null;
        }
    }
}
