package dev.herald.internal;

import dev.herald.DeadLetter;
import dev.herald.spi.DeadLetterStore;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Dead letters in Redis: one stream per channel, {@code herald:dead-letters:<channel>}, trimmed to about
 * {@link #LIMIT} entries, each with the fields {@code payload}, {@code channel}, {@code error},
 * {@code attempts} and {@code time} (ISO-8601), readable with {@code XRANGE} by any client.
 */
final class RedisDeadLetterStore implements DeadLetterStore {

    static final String KEY_PREFIX = "herald:dead-letters:";

    private final RedisAsyncCommands<String, byte[]> commands;
    private final Runnable flush;

    /** @param flush sends what was written; the connection does not flush each command by itself */
    RedisDeadLetterStore(RedisAsyncCommands<String, byte[]> commands, Runnable flush) {
        this.commands = commands;
        this.flush = flush;
    }

    private <T> CompletionStage<T> flushed(CompletionStage<T> command) {
        flush.run();
        return command;
    }

    @Override
    public CompletionStage<Void> append(DeadLetter letter) {
        Map<String, byte[]> fields = new LinkedHashMap<>();
        fields.put("payload", letter.payload());
        fields.put("channel", utf8(letter.channel()));
        fields.put("error", utf8(letter.error()));
        fields.put("attempts", utf8(Integer.toString(letter.attempts())));
        fields.put("time", utf8(letter.time().toString()));
        return flushed(commands.xadd(KEY_PREFIX + letter.channel(), XAddArgs.Builder.maxlen(LIMIT).approximateTrimming(),
                fields)).thenApply(id -> null);
    }

    @Override
    public CompletionStage<List<DeadLetter>> read(String channel, int max) {
        return flushed(commands.xrange(KEY_PREFIX + channel, Range.create("-", "+"), Limit.from(max)))
                .thenApply(messages -> messages.stream().map(RedisDeadLetterStore::letter).toList());
    }

    @Override
    public CompletionStage<Long> delete(String channel, List<String> ids) {
        return flushed(commands.xdel(KEY_PREFIX + channel, ids.toArray(new String[0])));
    }

    private static DeadLetter letter(StreamMessage<String, byte[]> message) {
        Map<String, byte[]> body = message.getBody();
        return new DeadLetter(message.getId(), text(body.get("channel")), body.getOrDefault("payload", new byte[0]),
                text(body.get("error")), Integer.parseInt(text(body.get("attempts"))), Instant.parse(text(body.get("time"))));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
