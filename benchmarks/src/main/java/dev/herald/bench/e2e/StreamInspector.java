package dev.herald.bench.e2e;

import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What Redis says about a contender's streams, read by the harness on its own connection and never by a contender:
 * the streams under the contender's prefix ({@code SCAN MATCH prefix* TYPE stream}), and per consumer group the
 * entries delivered but not acknowledged ({@code XINFO GROUPS}' {@code pending}, what {@code XPENDING} counts) and
 * the entries never delivered to the group ({@code lag}, Redis 7.0+). Also trims the streams between runs, outside
 * the measured time, so that Redis's memory does not grow with the run.
 */
final class StreamInspector implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;

    StreamInspector(String redisUri) {
        client = RedisClient.create(RedisURI.create(redisUri));
        connection = client.connect();
        redis = connection.sync();
    }

    /**
     * What a contender's consumer groups hold.
     *
     * @param streams the streams found under the prefix
     * @param groups their consumer groups
     * @param pending entries delivered to a consumer and not acknowledged, over all groups ({@code XPENDING})
     * @param lag entries not yet delivered to a group, over all groups; {@code -1} when Redis does not know
     * @param length entries in the streams ({@code XLEN}), over all streams
     */
    record State(int streams, int groups, long pending, long lag, long length) {
    }

    /**
     * Reads the state of the streams whose keys begin with {@code prefix}.
     *
     * @param prefix the contender's prefix
     * @return what its groups hold
     */
    State state(String prefix) {
        int groups = 0;
        long pending = 0;
        long lag = 0;
        long length = 0;
        List<String> streams = streams(prefix);
        for (String stream : streams) {
            length += redis.xlen(stream);
            for (Object group : redis.xinfoGroups(stream)) {
                groups++;
                List<?> fields = (List<?>) group;
                for (int i = 0; i + 1 < fields.size(); i += 2) {
                    String name = String.valueOf(fields.get(i));
                    Object value = fields.get(i + 1);
                    if (name.equals("pending") && value instanceof Long n) {
                        pending += n;
                    } else if (name.equals("lag")) {
                        lag = value instanceof Long n && lag >= 0 ? lag + n : -1;
                    }
                }
            }
        }
        return new State(streams.size(), groups, pending, lag, length);
    }

    /**
     * Waits until the contender's groups hold nothing pending, or until the pending count stops going down for
     * {@code quietNanos}: the acknowledgements of the last entries handled may still be on their way.
     *
     * @param prefix the contender's prefix
     * @param quietNanos how long the pending count may stand still
     * @return the state once settled
     */
    State settle(String prefix, long quietNanos) {
        State state = state(prefix);
        long progressAt = System.nanoTime();
        while (state.pending() > 0 && System.nanoTime() - progressAt < quietNanos) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            State next = state(prefix);
            if (next.pending() < state.pending()) {
                progressAt = System.nanoTime();
            }
            state = next;
        }
        return state;
    }

    /**
     * Empties the contender's streams ({@code XTRIM MAXLEN 0}) between runs; the groups and their pending entries
     * stay, so a contender that leaves entries unacknowledged still shows them.
     *
     * @param prefix the contender's prefix
     */
    void trim(String prefix) {
        for (String stream : streams(prefix)) {
            redis.xtrim(stream, 0);
        }
    }

    private List<String> streams(String prefix) {
        List<String> keys = new ArrayList<>();
        KeyScanArgs args = new KeyScanArgs().type("stream");
        args.match(prefix + "*");
        args.limit(1000);
        KeyScanCursor<String> cursor = redis.scan(args);
        keys.addAll(cursor.getKeys());
        while (!cursor.isFinished()) {
            cursor = redis.scan(ScanCursor.of(cursor.getCursor()), args);
            keys.addAll(cursor.getKeys());
        }
        return keys;
    }

    /**
     * Creates a consumer group reading a stream from its start, creating the stream if need be: the setup of the
     * hand-written contenders, done once before anything is measured.
     *
     * @param redisUri the server
     * @param stream the stream
     * @param group the group
     */
    static void createGroup(String redisUri, String stream, String group) {
        RedisClient setup = RedisClient.create(RedisURI.create(redisUri));
        try (StatefulRedisConnection<String, String> c = setup.connect()) {
            c.sync().xgroupCreate(XReadArgs.StreamOffset.from(stream, "0-0"), group,
                    XGroupCreateArgs.Builder.mkstream());
        } finally {
            setup.shutdown(0, 5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(0, 5, TimeUnit.SECONDS);
    }
}
