package dev.herald.internal.redis;

import dev.herald.HeraldException;
import dev.herald.spi.DurableLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The durable log of a {@link BackgroundRedisTransport}: that of its Redis transport once it is connected; until
 * then every command fails at once, saying why. A reader opened before the connection opens its real reader at
 * its first read after it.
 */
final class DeferredDurableLog implements DurableLog {

    private final Supplier<RedisTransport> connected;
    private final Function<String, HeraldException> notConnected;

    /**
     * @param connected the connected transport, or null until there is one
     * @param notConnected the failure for what cannot be done yet
     */
    DeferredDurableLog(Supplier<RedisTransport> connected, Function<String, HeraldException> notConnected) {
        this.connected = connected;
        this.notConnected = notConnected;
    }

    /** Runs the command on the connected transport's log; the failure's text is made only when there is none. */
    private <T> CompletionStage<T> when(Supplier<String> what, Function<DurableLog, CompletionStage<T>> command) {
        RedisTransport transport = connected.get();
        return transport != null ? command.apply(transport.durable())
                : CompletableFuture.failedFuture(notConnected.apply(what.get()));
    }

    @Override
    public CompletionStage<String> append(String stream, byte[] payload, Map<String, String> headers, DurableLog.Retention retention) {
        return when(() -> "XADD to '" + stream + "'", log -> log.append(stream, payload, headers, retention));
    }

    @Override
    public CompletionStage<Void> createGroup(String stream, String group) {
        return when(() -> "create group '" + group + "' on '" + stream + "'", log -> log.createGroup(stream, group));
    }

    @Override
    public Reader reader(String group, String consumer) {
        RedisTransport transport = connected.get();
        return transport != null ? transport.durable().reader(group, consumer) : new DeferredReader(group, consumer);
    }

    @Override
    public CompletionStage<Long> ack(String stream, String group, List<String> ids) {
        return when(() -> "XACK on '" + stream + "'", log -> log.ack(stream, group, ids));
    }

    @Override
    public CompletionStage<Claimed> claim(String stream, String group, String consumer, Duration minIdle, String start,
            int count) {
        return when(() -> "XAUTOCLAIM on '" + stream + "'",
                log -> log.claim(stream, group, consumer, minIdle, start, count));
    }

    @Override
    public CompletionStage<List<String>> streams(String glob) {
        return when(() -> "SCAN for streams", log -> log.streams(glob));
    }

    @Override
    public CompletionStage<GroupState> group(String stream, String group) {
        return when(() -> "read group '" + group + "' on '" + stream + "'", log -> log.group(stream, group));
    }

    @Override
    public CompletionStage<Long> removeConsumer(String stream, String group, String consumer) {
        return when(() -> "remove consumer '" + consumer + "'", log -> log.removeConsumer(stream, group, consumer));
    }

    /** A reader asked for before the connection: it opens the real one at its first read after it. */
    private final class DeferredReader implements Reader {

        private final String group;
        private final String consumer;
        private Reader real; // guarded by this
        private boolean closed; // guarded by this

        DeferredReader(String group, String consumer) {
            this.group = group;
            this.consumer = consumer;
        }

        private synchronized Reader real() {
            if (closed) {
                throw new IllegalStateException("the durable reader of consumer '" + consumer + "' is closed");
            }
            if (real == null) {
                RedisTransport transport = connected.get();
                if (transport == null) {
                    return null;
                }
                real = transport.durable().reader(group, consumer);
            }
            return real;
        }

        private CompletionStage<List<Entry>> read(Function<Reader, CompletionStage<List<Entry>>> read) {
            Reader reader;
            try {
                reader = real();
            } catch (IllegalStateException e) {
                return CompletableFuture.failedFuture(e);
            }
            return reader != null ? read.apply(reader) : CompletableFuture.failedFuture(notConnected.apply("XREADGROUP"));
        }

        @Override
        public CompletionStage<List<Entry>> readNew(List<String> streams, int count, Duration block) {
            return read(reader -> reader.readNew(streams, count, block));
        }

        @Override
        public CompletionStage<List<Entry>> readPending(String stream, String afterId, int count) {
            return read(reader -> reader.readPending(stream, afterId, count));
        }

        @Override
        public synchronized void close() {
            closed = true;
            if (real != null) {
                real.close();
            }
        }
    }
}
