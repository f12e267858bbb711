package dev.herald.internal.redis;

import dev.herald.internal.Waits;
import dev.herald.spi.DurableLog;
import io.lettuce.core.Consumer;
import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;

/**
 * Durable channels on Redis Streams. Every command but the readers' goes out on the transport's publish
 * connection, flushed like a publish; each {@link #reader reader} has a connection of its own, so a blocking
 * {@code XREADGROUP} stalls nothing else. Appends trim in the same command ({@code XADD ... MAXLEN ~} or
 * {@code MINID ~}); the claim and the reading of pending entries are Lua scripts (see {@link StreamReplies}) so
 * that each entry carries the delivery count the read left. Redis's {@code NOGROUP}, and {@code UNBLOCKED} for a
 * stream deleted under a blocked read, fail a stage with {@link NoGroupException}.
 *
 * <p>Works on a single server and, since every command here names one key, on a cluster connection too (the
 * readers are the transport's own). Needs Redis 7.0 ({@code XAUTOCLAIM} reporting deleted ids, {@code XINFO}'s
 * lag).
 */
public final class RedisDurableLog implements DurableLog {

    private static final int SCAN_BATCH = 1_000;
    /** The most appends to one that trims a stream kept by length. */
    static final int MOST_APPENDS_PER_TRIM = 100;
    /** An append that leaves its stream as it is. */
    private static final XAddArgs NO_TRIM = new XAddArgs();

    private final RedisClusterAsyncCommands<String, byte[]> commands;
    private final Runnable flush;
    private final BiFunction<String, String, Reader> readers;
    /** The last retention by length appended with, and its arguments. */
    private volatile LengthArgs lengthArgs;

    /**
     * @param commands a single-server or a cluster connection's commands
     * @param flush sends what was written; the connection does not flush each command by itself
     * @param readers opens a reader, with its own connection, for a group and a consumer
     */
    public RedisDurableLog(RedisClusterAsyncCommands<String, byte[]> commands, Runnable flush,
            BiFunction<String, String, Reader> readers) {
        this.commands = commands;
        this.flush = flush;
        this.readers = readers;
    }

    private <T> CompletableFuture<T> sent(RedisFuture<T> command) {
        flush.run();
        return command.toCompletableFuture().handle((value, failure) -> {
            if (failure != null) {
                throw new java.util.concurrent.CompletionException(StreamReplies.failure(failure));
            }
            return value;
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>The stage is Lettuce's command itself (an append's failure needs no translating): a fire-and-forget
     * append costs no stage of its own. A retention by age trims on every append; one by length on about one
     * append in {@link #appendsPerTrim}, chosen at random, since {@code MAXLEN ~} keeps about that many anyway.
     */
    @Override
    public CompletionStage<String> append(String stream, byte[] payload, Map<String, String> headers, DurableLog.Retention retention) {
        XAddArgs args = retention.maxAge() != null ? trimming(retention, System.currentTimeMillis()) : byLength(retention);
        RedisFuture<String> added;
        if (headers.isEmpty()) { // the common case: no map per message
            added = commands.xadd(stream, args, StreamReplies.PAYLOAD, payload);
        } else {
            Map<String, byte[]> fields;
            try {
                fields = StreamReplies.fields(payload, headers);
            } catch (IllegalArgumentException e) {
                return CompletableFuture.failedFuture(e);
            }
            added = commands.xadd(stream, args, fields);
        }
        flush.run();
        return added;
    }

    /**
     * @param maxLength a retention's length
     * @return how many appends there are to one that trims, on average: the length divided by 10,000, between 1
     *     and {@value #MOST_APPENDS_PER_TRIM}; a stream passes its length by about a ten-thousandth before it is
     *     trimmed, on top of the hundred or so entries {@code MAXLEN ~} keeps anyway (it drops whole nodes only)
     */
    static int appendsPerTrim(long maxLength) {
        return (int) Math.max(1, Math.min(MOST_APPENDS_PER_TRIM, maxLength / 10_000));
    }

    /**
     * The arguments of a retention by length, made once per retention (they do not change with time): with the
     * trimming on about one append in {@link #appendsPerTrim}, without it on the others.
     */
    private XAddArgs byLength(DurableLog.Retention retention) {
        LengthArgs last = lengthArgs;
        if (last == null || last.retention() != retention) {
            last = new LengthArgs(retention, trimming(retention, 0), appendsPerTrim(retention.maxLength()));
            lengthArgs = last;
        }
        return last.every() <= 1 || ThreadLocalRandom.current().nextInt(last.every()) == 0 ? last.args() : NO_TRIM;
    }

    private record LengthArgs(DurableLog.Retention retention, XAddArgs args, int every) {
    }

    static XAddArgs trimming(DurableLog.Retention retention, long now) {
        if (retention.maxAge() != null) {
            long oldestKept = Math.max(0, now - retention.maxAge().toMillis());
            return XAddArgs.Builder.minId(oldestKept + "-0").approximateTrimming();
        }
        if (retention.maxLength() > 0) {
            return XAddArgs.Builder.maxlen(retention.maxLength()).approximateTrimming();
        }
        return new XAddArgs();
    }

    @Override
    public CompletionStage<Void> createGroup(String stream, String group) {
        RedisFuture<String> created = commands.xgroupCreate(StreamOffset.from(stream, "0-0"), group,
                XGroupCreateArgs.Builder.mkstream(true));
        flush.run();
        return created.toCompletableFuture().handle((ok, failure) -> {
            Throwable cause = failure == null ? null : Waits.unwrap(failure);
            if (cause == null || cause instanceof RedisCommandExecutionException refused
                    && refused.getMessage() != null && refused.getMessage().startsWith("BUSYGROUP")) {
                return null;
            }
            throw new java.util.concurrent.CompletionException(StreamReplies.failure(cause));
        });
    }

    @Override
    public Reader reader(String group, String consumer) {
        return readers.apply(group, consumer);
    }

    @Override
    public CompletionStage<Long> ack(String stream, String group, List<String> ids) {
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(0L);
        }
        return sent(commands.xack(stream, group, ids.toArray(new String[0])));
    }

    @Override
    public CompletionStage<Claimed> claim(String stream, String group, String consumer, Duration minIdle, String start,
            int count) {
        byte[][] args = {StreamReplies.utf8(group), StreamReplies.utf8(consumer),
                StreamReplies.utf8(Long.toString(minIdle.toMillis())), StreamReplies.utf8(start),
                StreamReplies.utf8(Integer.toString(count))};
        return sent(commands.<List<Object>>eval(StreamReplies.CLAIM, ScriptOutputType.MULTI, new String[] {stream}, args))
                .thenApply(reply -> StreamReplies.claimed(stream, reply));
    }

    @Override
    public CompletionStage<List<String>> streams(String glob) {
        TreeSet<String> found = new TreeSet<>();
        KeyScanArgs args = KeyScanArgs.Builder.type("stream").match(glob).limit(SCAN_BATCH);
        return scan(ScanCursor.INITIAL, args, found).thenApply(done -> List.copyOf(found));
    }

    private CompletableFuture<Void> scan(ScanCursor cursor, KeyScanArgs args, TreeSet<String> found) {
        return sent(commands.scan(cursor, args)).thenCompose(page -> {
            synchronized (found) {
                found.addAll(page.getKeys());
            }
            return page.isFinished() ? CompletableFuture.completedFuture(null) : scan(page, args, found);
        });
    }

    @Override
    public CompletionStage<GroupState> group(String stream, String group) {
        CompletableFuture<List<Object>> groups = sent(commands.xinfoGroups(stream));
        CompletableFuture<List<Object>> consumers = sent(commands.xinfoConsumers(stream, group));
        return consumers.handle((list, failure) -> {
            if (failure != null) {
                Throwable cause = Waits.unwrap(failure);
                // XINFO on a missing stream says "ERR no such key"
                throw new java.util.concurrent.CompletionException(
                        cause instanceof RedisCommandExecutionException refused && String.valueOf(refused.getMessage()).contains("no such key")
                                ? new NoGroupException(refused.getMessage()) : cause);
            }
            return list;
        }).thenCombine(groups, (consumerList, groupList) -> {
            Map<String, Object> info = null;
            for (Object each : groupList) {
                Map<String, Object> fields = fields(each);
                if (group.equals(StreamReplies.text(fields.get("name")))) {
                    info = fields;
                }
            }
            if (info == null) {
                throw new NoGroupException("NOGROUP no consumer group '" + group + "' on '" + stream + "'");
            }
            Map<String, Long> pendingByConsumer = new LinkedHashMap<>();
            for (Object each : consumerList) {
                Map<String, Object> fields = fields(each);
                pendingByConsumer.put(StreamReplies.text(fields.get("name")), number(fields.get("pending"), 0));
            }
            return new GroupState(number(info.get("pending"), 0), pendingByConsumer, number(info.get("lag"), -1));
        });
    }

    /** An {@code XINFO} element: a map under RESP3, alternating names and values under RESP2. */
    private static Map<String, Object> fields(Object element) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (element instanceof Map<?, ?> map) {
            map.forEach((name, value) -> fields.put(StreamReplies.text(name), value));
        } else if (element instanceof List<?> list) {
            for (int i = 0; i + 1 < list.size(); i += 2) {
                fields.put(StreamReplies.text(list.get(i)), list.get(i + 1));
            }
        }
        return fields;
    }

    private static long number(Object value, long otherwise) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        String text = StreamReplies.text(value);
        try {
            return text.isEmpty() ? otherwise : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    @Override
    public CompletionStage<Long> removeConsumer(String stream, String group, String consumer) {
        return sent(commands.xgroupDelconsumer(stream, Consumer.from(group, consumer)));
    }

    @Override
    public String toString() {
        return "RedisDurableLog";
    }
}
