package dev.herald.internal.redis;

import dev.herald.spi.DurableLog.Entry;
import dev.herald.spi.DurableLog.Reader;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One consumer's reads on a connection of its own, so that a blocking {@code XREADGROUP} holds only that
 * connection. The connection opens in the background; reads wait for it.
 *
 * <p>A read fails, without waiting for Redis, when the reader is closed, when Lettuce reports the connection
 * lost, or once its block plus the command timeout passed without an answer (Lettuce's own timeout leaves
 * {@code XREADGROUP} alone, since a blocking read may rightly take longer). The command is cancelled then, so
 * Lettuce does not send it again after reconnecting. At the deadline the reader also drops its connection and
 * opens another: a read Redis had not run yet (a paused or stalled server) would otherwise run later and deliver
 * entries no one sees. What Redis delivered to a failed read before that stays pending for this consumer, for
 * {@link #readPending} or a claim. Lettuce reconnects a lost connection by itself; the next read after that works
 * as before, so a reader outlives a lost connection (reads while disconnected fail at once).
 *
 * <p>On a cluster one {@code XREADGROUP} may only name streams of one slot. Streams of several slots are read
 * one command per slot, all at once: first without blocking; when none had anything, again blocking at most
 * {@link #SLICE} each (reads to one node wait for each other there), until something arrived or the block is
 * over. If one of those commands fails, the read fails, and what the others read stays pending for this consumer.
 */
public final class RedisStreamReader implements Reader {

    /** How long each of the per-slot reads of a cluster reader blocks. */
    static final Duration SLICE = Duration.ofMillis(200);

    private final String group;
    private final String consumer;
    private final Supplier<CompletableFuture<StatefulConnection<String, byte[]>>> connect;
    private final java.util.function.Consumer<StatefulConnection<String, byte[]>> retire;
    private volatile CompletableFuture<StatefulConnection<String, byte[]>> connection;
    private final Function<StatefulConnection<String, byte[]>, RedisClusterAsyncCommands<String, byte[]>> commands;
    private final boolean bySlot;
    private final Duration commandTimeout;
    private final Timer timer;
    private final Executor expiries;
    private final java.util.function.Consumer<RedisStreamReader> onClose;
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param group the group
     * @param consumer the consumer's name
     * @param connect opens a connection of the reader's own (in the background)
     * @param retire told of each connection the reader closes
     * @param commands the connection's asynchronous commands
     * @param bySlot whether streams of different slots must be read by separate commands (a cluster)
     * @param commandTimeout how long Redis may take beyond a read's block
     * @param timer where a read's deadline runs (not an I/O thread): Lettuce's wheel timer, whose timeouts are set
     *     and cancelled without waking a thread (one per read)
     * @param expiries where a read that got no answer in time is failed and its connection replaced (not the timer's
     *     thread, which Lettuce's own command timeouts share)
     * @param onClose told once the reader closes
     */
    @SuppressWarnings("unchecked")
    public <C extends StatefulConnection<String, byte[]>> RedisStreamReader(String group, String consumer,
            Supplier<CompletableFuture<C>> connect, java.util.function.Consumer<C> retire,
            Function<C, RedisClusterAsyncCommands<String, byte[]>> commands,
            boolean bySlot, Duration commandTimeout, Timer timer, Executor expiries,
            java.util.function.Consumer<RedisStreamReader> onClose) {
        this.group = group;
        this.consumer = consumer;
        this.connect = () -> connect.get().thenApply(c -> c);
        this.retire = c -> retire.accept((C) c);
        this.connection = this.connect.get();
        this.commands = c -> commands.apply((C) c);
        this.bySlot = bySlot;
        this.commandTimeout = commandTimeout;
        this.timer = timer;
        this.expiries = expiries;
        this.onClose = onClose;
    }

    @Override
    public CompletionStage<List<Entry>> readNew(List<String> streams, int count, Duration block) {
        if (streams.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        if (bySlot) {
            Map<Integer, List<String>> slots = new TreeMap<>();
            for (String stream : streams) {
                slots.computeIfAbsent(SlotHash.getSlot(stream), slot -> new ArrayList<>()).add(stream);
            }
            if (slots.size() > 1) {
                return poll(List.copyOf(slots.values()), count, Duration.ZERO, System.nanoTime() + block.toNanos());
            }
        }
        return readOnce(streams, count, block);
    }

    private CompletableFuture<List<Entry>> poll(List<List<String>> slots, int count, Duration block, long deadline) {
        List<CompletableFuture<List<Entry>>> reads = slots.stream().map(streams -> readOnce(streams, count, block)).toList();
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenCompose(done -> {
            List<Entry> all = new ArrayList<>();
            reads.forEach(read -> all.addAll(read.join()));
            long left = deadline - System.nanoTime();
            if (!all.isEmpty() || left <= 0 || closed) {
                return CompletableFuture.completedFuture(all);
            }
            return poll(slots, count, Duration.ofNanos(Math.max(1_000_000, Math.min(left, SLICE.toNanos()))), deadline);
        });
    }

    private CompletableFuture<List<Entry>> readOnce(List<String> streams, int count, Duration block) {
        XReadArgs args = XReadArgs.Builder.count(count);
        if (!block.isZero()) {
            args.block(block); // BLOCK 0 would wait for ever
        }
        @SuppressWarnings("unchecked")
        StreamOffset<String>[] offsets = streams.stream().map(StreamOffset::lastConsumed).toArray(StreamOffset[]::new);
        return read("XREADGROUP", block, c -> commands.apply(c).xreadgroup(Consumer.from(group, consumer), args, offsets),
                messages -> {
                    List<Entry> entries = new ArrayList<>(messages.size());
                    for (StreamMessage<String, byte[]> message : messages) {
                        entries.add(StreamReplies.firstDelivery(message));
                    }
                    return entries;
                });
    }

    @Override
    public CompletionStage<List<Entry>> readPending(String stream, String afterId, int count) {
        byte[][] args = {StreamReplies.utf8(group), StreamReplies.utf8(consumer), StreamReplies.utf8(afterId),
                StreamReplies.utf8(Integer.toString(count))};
        return read("XREADGROUP (pending)", Duration.ZERO,
                c -> commands.apply(c).<List<Object>>eval(StreamReplies.READ_PENDING, ScriptOutputType.MULTI, new String[] {stream}, args),
                reply -> StreamReplies.pending(stream, reply))
                .thenCompose(found -> found.entries().isEmpty() && !found.gone().isEmpty()
                        // a whole batch was trimmed while pending: it is acknowledged now, so read on after it
                        ? readPending(stream, found.gone().get(found.gone().size() - 1), count)
                        : CompletableFuture.completedFuture(found.entries()));
    }

    private <R, T> CompletableFuture<T> read(String what, Duration block,
            Function<StatefulConnection<String, byte[]>, RedisFuture<R>> command, Function<R, T> reply) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(closedException());
            return result;
        }
        inFlight.add(result);
        if (closed) { // close() may have missed it
            result.completeExceptionally(closedException());
        }
        Duration deadline = block.plus(commandTimeout);
        Timeout timeout;
        try {
            timeout = timer.newTimeout(expired -> expiries.execute(() -> {
                if (result.completeExceptionally(new RedisCommandTimeoutException(
                        what + " got no answer within " + deadline.toMillis() + " ms"))) {
                    replaceConnection();
                }
            }), deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException | IllegalStateException e) { // the transport is shutting down
            result.completeExceptionally(closedException());
            return result;
        }
        result.whenComplete((done, failure) -> {
            inFlight.remove(result);
            timeout.cancel();
        });
        connection.whenComplete((open, notOpen) -> {
            if (notOpen != null) {
                result.completeExceptionally(new RedisConnectionException(
                        "the durable reader of consumer '" + consumer + "' could not connect", StreamReplies.failure(notOpen)));
                return;
            }
            if (result.isDone()) {
                return;
            }
            RedisFuture<R> sent;
            try {
                sent = command.apply(open);
            } catch (RuntimeException e) {
                result.completeExceptionally(failure(e));
                return;
            }
            // a read failed here (closed, connection lost, deadline) is not sent again after a reconnect
            result.whenComplete((done, failure) -> sent.cancel(false));
            sent.whenComplete((value, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(failure(failure));
                    return;
                }
                try {
                    result.complete(reply.apply(value));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        });
        return result;
    }

    /** What a read fails with: {@code NOGROUP} as such, Redis's other refusals and timeouts as they are, the rest as a lost connection. */
    private Throwable failure(Throwable failure) {
        Throwable cause = StreamReplies.failure(failure);
        return cause instanceof RedisException lettuce && !(cause instanceof RedisCommandExecutionException)
                && !(cause instanceof RedisCommandTimeoutException) && !(cause instanceof RedisConnectionException)
                ? lost(lettuce) : cause;
    }

    /** Closes the connection a read got no answer on, and opens another for the next reads. */
    private synchronized void replaceConnection() {
        if (closed) {
            return;
        }
        CompletableFuture<StatefulConnection<String, byte[]>> old = connection;
        connection = connect.get();
        old.thenAccept(this::closeConnection);
    }

    private void closeConnection(StatefulConnection<String, byte[]> connection) {
        connection.closeAsync();
        retire.accept(connection);
    }

    /** Fails the reads in progress: Lettuce reported the connection lost. */
    void connectionLost() {
        RedisConnectionException lost = lost(null);
        inFlight.forEach(read -> read.completeExceptionally(lost));
    }

    private RedisConnectionException lost(Throwable cause) {
        return new RedisConnectionException("the durable reader of consumer '" + consumer
                + "' lost its connection to Redis during a read; it reconnects by itself, and can read again", cause);
    }

    /** @return the connection, once open */
    CompletableFuture<StatefulConnection<String, byte[]>> connection() {
        return connection;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        IllegalStateException closedNow = closedException();
        inFlight.forEach(read -> read.completeExceptionally(closedNow));
        connection.thenAccept(this::closeConnection);
        onClose.accept(this);
    }

    private IllegalStateException closedException() {
        return new IllegalStateException("the durable reader of consumer '" + consumer + "' in group '" + group + "' is closed");
    }

    @Override
    public String toString() {
        return "RedisStreamReader[" + group + "/" + consumer + "]";
    }
}
