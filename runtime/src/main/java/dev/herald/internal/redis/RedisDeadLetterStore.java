package dev.herald.internal.redis;

import dev.herald.DeadLetter;
import dev.herald.internal.Waits;
import dev.herald.spi.DeadLetterStore;
import dev.herald.spi.DeadLetterStore.Letter;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XTrimArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead letters in Redis: one stream per declared name, {@code herald:dead-letters:<name>}, each entry with
 * the fields {@code payload}, {@code channel}, {@code subscription}, {@code error}, {@code attempts},
 * {@code time} (ISO-8601), {@code size} and {@code sha256}, readable with {@code XRANGE} by any client.
 * Every append is three commands sent together: {@code XADD ... MAXLEN = <entries>} (exact, so the bound
 * holds), {@code XTRIM ... MINID ~ <now - retention>} (Redis 6.2+; approximate, the cheap form) and
 * {@code PEXPIRE <retention>}, so a stream nothing is appended to disappears.
 */
public final class RedisDeadLetterStore implements DeadLetterStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisDeadLetterStore.class);

    static final String KEY_PREFIX = "herald:dead-letters:";

    private final RedisClusterAsyncCommands<String, byte[]> commands;
    private final Runnable flush;
    private final AtomicBoolean trimByAgeFailed = new AtomicBoolean();

    /**
     * @param commands a single-server or a cluster connection's commands (a cluster routes each stream by its key)
     * @param flush sends what was written; the connection does not flush each command by itself
     */
    public RedisDeadLetterStore(RedisClusterAsyncCommands<String, byte[]> commands, Runnable flush) {
        this.commands = commands;
        this.flush = flush;
    }

    private <T> CompletionStage<T> flushed(CompletionStage<T> command) {
        flush.run();
        return command;
    }

    @Override
    public CompletionStage<Void> append(String name, Letter letter, Bounds bounds) {
        String key = KEY_PREFIX + name;
        Map<String, byte[]> fields = new LinkedHashMap<>();
        fields.put("payload", letter.payload());
        fields.put("channel", utf8(letter.channel()));
        fields.put("subscription", utf8(letter.subscription()));
        fields.put("error", utf8(letter.error()));
        fields.put("attempts", utf8(Integer.toString(letter.attempts())));
        fields.put("time", utf8(letter.time().toString()));
        fields.put("size", utf8(Integer.toString(letter.size())));
        fields.put("sha256", utf8(letter.sha256()));
        long retentionMillis = bounds.retention().toMillis();
        long oldestKept = Math.max(0, System.currentTimeMillis() - retentionMillis);
        RedisFuture<String> added = commands.xadd(key, XAddArgs.Builder.maxlen(bounds.maxEntries()).exactTrimming(), fields);
        CompletableFuture<Void> trimmed = commands.xtrim(key, XTrimArgs.Builder.minId(oldestKept + "-0").approximateTrimming())
                .<Void>handle((count, failure) -> {
                    // a refusal, not a lost connection (the XADD reports that): Redis before 6.2 has no MINID;
                    // the entry bound and the key's expiry still hold
                    if (Waits.unwrap(failure) instanceof RedisCommandExecutionException refused
                            && trimByAgeFailed.compareAndSet(false, true)) {
                        LOG.warn("Herald: cannot trim dead letters by age (XTRIM MINID needs Redis 6.2+): {}; "
                                + "they are bounded by number and expire when idle", refused.getMessage());
                    }
                    return null;
                }).toCompletableFuture();
        RedisFuture<Boolean> expiring = commands.pexpire(key, retentionMillis);
        flush.run();
        return CompletableFuture.allOf(added.toCompletableFuture(), trimmed, expiring.toCompletableFuture());
    }

    @Override
    public CompletionStage<List<Letter>> read(String name, int max) {
        return flushed(commands.xrange(KEY_PREFIX + name, Range.create("-", "+"), Limit.from(max)))
                .thenApply(messages -> messages.stream().map(RedisDeadLetterStore::letter).toList());
    }

    @Override
    public CompletionStage<Long> delete(String name, List<String> ids) {
        return flushed(commands.xdel(KEY_PREFIX + name, ids.toArray(new String[0])));
    }

    private static Letter letter(StreamMessage<String, byte[]> message) {
        Map<String, byte[]> body = message.getBody();
        byte[] payload = body.getOrDefault("payload", new byte[0]);
        String channel = text(body.get("channel"));
        // entries written before size, sha256 and subscription were kept hold the whole payload
        String size = text(body.get("size"));
        String sha256 = text(body.get("sha256"));
        String subscription = text(body.get("subscription"));
        return new Letter(message.getId(), channel, payload, text(body.get("error")),
                Integer.parseInt(text(body.get("attempts"))), Instant.parse(text(body.get("time"))),
                subscription.isEmpty() ? channel : subscription,
                size.isEmpty() ? payload.length : Integer.parseInt(size),
                sha256.isEmpty() ? DeadLetter.sha256Of(payload) : sha256);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
