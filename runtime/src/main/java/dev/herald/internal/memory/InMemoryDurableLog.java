package dev.herald.internal.memory;

import dev.herald.spi.DurableLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Durable channels in memory, with the semantics of Redis streams and consumer groups ({@link MemoryStream}): a group
 * starts at the beginning of its stream, delivered entries stay pending (with a delivery count and the time of their
 * last delivery) until acknowledged, claims move idle pending entries, and a missing stream or group fails with
 * {@link NoGroupException}. Several transports can share one log, the way several clients share one Redis.
 *
 * <p>Every stage completes on the log's one thread, never the caller's: like a transport's I/O thread. A blocking
 * read holds no thread: it waits as a record that an append or the timer completes.
 */
final class InMemoryDurableLog implements DurableLog {

    /**
     * The log's thread: completes stages and ends blocking reads whose time is up. One for every log, started when
     * needed and gone after a second without work, so that nothing outlives the Heralds that used it.
     */
    private static final ScheduledExecutorService THREAD = thread();

    private static ScheduledExecutorService thread() {
        ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "herald-memory-log");
            t.setDaemon(true);
            return t;
        });
        thread.setKeepAliveTime(1, TimeUnit.SECONDS);
        thread.allowCoreThreadTimeOut(true);
        thread.setRemoveOnCancelPolicy(true);
        return thread;
    }

    private final Map<String, MemoryStream> streams = new TreeMap<>();
    private final List<Waiter> waiters = new ArrayList<>();

    InMemoryDurableLog() {
    }

    /** A blocking read waiting for an entry. */
    private static final class Waiter {
        final MemoryReader reader;
        final List<String> names;
        final int count;
        final CompletableFuture<List<Entry>> result = new CompletableFuture<>();
        ScheduledFuture<?> timeout;

        Waiter(MemoryReader reader, List<String> names, int count) {
            this.reader = reader;
            this.names = names;
            this.count = count;
        }

        void finish(List<Entry> read, RuntimeException failure) {
            if (timeout != null) {
                timeout.cancel(false);
            }
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(read);
            }
        }
    }

    /** @return a stage completed on the log's thread with what {@code command} answers, under the log's lock */
    private <V> CompletionStage<V> later(Function<InMemoryDurableLog, V> command) {
        CompletableFuture<V> stage = new CompletableFuture<>();
        THREAD.execute(() -> {
            try {
                V answer;
                synchronized (this) {
                    answer = command.apply(this);
                }
                stage.complete(answer);
            } catch (RuntimeException e) {
                stage.completeExceptionally(e);
            }
        });
        return stage;
    }

    /** @return the stream, or throws {@link NoGroupException} when there is none */
    private MemoryStream existing(String stream, String group) {
        MemoryStream found = streams.get(stream);
        if (found == null) {
            throw MemoryStream.noGroup(stream, group);
        }
        return found;
    }

    @Override
    public CompletionStage<String> append(String stream, byte[] payload, Map<String, String> headers,
            DurableLog.Retention retention) {
        byte[] copy = payload.clone();
        Map<String, String> fields = new LinkedHashMap<>(headers);
        List<Runnable> woken = new ArrayList<>();
        CompletionStage<String> appended = later(log -> {
            String id = streams.computeIfAbsent(stream, MemoryStream::new).append(copy, fields, retention);
            woken.addAll(wake(stream));
            return id;
        });
        return appended.thenApply(id -> {
            woken.forEach(Runnable::run);
            return id;
        });
    }

    /** Serves the blocked reads of a stream that got an entry; returns their completions, to run outside the lock. */
    private List<Runnable> wake(String stream) {
        List<Runnable> done = new ArrayList<>();
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (!waiter.names.contains(stream)) {
                continue;
            }
            try {
                List<Entry> read = readNew(waiter.reader, waiter.names, waiter.count);
                if (!read.isEmpty()) {
                    it.remove();
                    done.add(() -> waiter.finish(read, null));
                }
            } catch (NoGroupException e) {
                it.remove();
                done.add(() -> waiter.finish(null, e));
            }
        }
        return done;
    }

    private List<Entry> readNew(MemoryReader reader, List<String> names, int count) {
        List<Entry> read = new ArrayList<>();
        for (String name : names) {
            read.addAll(existing(name, reader.group).readNew(reader.group, reader.consumer, count));
        }
        return read;
    }

    @Override
    public CompletionStage<Void> createGroup(String stream, String group) {
        return later(log -> {
            streams.computeIfAbsent(stream, MemoryStream::new).createGroup(group);
            return null;
        });
    }

    @Override
    public Reader reader(String group, String consumer) {
        return new MemoryReader(group, consumer);
    }

    private final class MemoryReader implements Reader {
        final String group;
        final String consumer;
        private boolean closed;

        MemoryReader(String group, String consumer) {
            this.group = group;
            this.consumer = consumer;
        }

        private void open() {
            if (closed) {
                throw new IllegalStateException("reader closed");
            }
        }

        @Override
        public CompletionStage<List<Entry>> readNew(List<String> names, int count, Duration block) {
            List<String> copy = List.copyOf(names);
            return later(log -> {
                open();
                List<Entry> read = log.readNew(this, copy, count);
                if (!read.isEmpty() || block.isZero()) {
                    return CompletableFuture.completedFuture(read);
                }
                Waiter waiter = new Waiter(this, copy, count);
                waiters.add(waiter);
                waiter.timeout = THREAD.schedule(() -> timedOut(waiter), block.toNanos(), TimeUnit.NANOSECONDS);
                return waiter.result;
            }).thenCompose(read -> read);
        }

        @Override
        public CompletionStage<List<Entry>> readPending(String stream, String afterId, int count) {
            return later(log -> {
                open();
                return existing(stream, group).readPending(group, consumer, afterId, count);
            });
        }

        @Override
        public void close() {
            List<Waiter> mine = new ArrayList<>();
            synchronized (InMemoryDurableLog.this) {
                closed = true;
                waiters.removeIf(w -> w.reader == this && mine.add(w));
            }
            mine.forEach(w -> THREAD.execute(() -> w.finish(null, new IllegalStateException("reader closed"))));
        }
    }

    private void timedOut(Waiter waiter) {
        boolean mine;
        synchronized (this) {
            mine = waiters.remove(waiter);
        }
        if (mine) {
            waiter.result.complete(List.of());
        }
    }

    @Override
    public CompletionStage<Long> ack(String stream, String group, List<String> ids) {
        return later(log -> streams.containsKey(stream) ? streams.get(stream).ack(group, ids) : 0L);
    }

    @Override
    public CompletionStage<Claimed> claim(String stream, String group, String consumer, Duration minIdle, String start,
            int count) {
        return later(log -> existing(stream, group).claim(group, consumer, minIdle, start, count));
    }

    @Override
    public CompletionStage<List<String>> streams(String glob) {
        GlobPattern pattern = new GlobPattern(glob);
        return later(log -> streams.keySet().stream().filter(pattern::matches).toList());
    }

    @Override
    public CompletionStage<GroupState> group(String stream, String group) {
        return later(log -> existing(stream, group).state(group));
    }

    @Override
    public CompletionStage<Long> removeConsumer(String stream, String group, String consumer) {
        return later(log -> existing(stream, group).removeConsumer(group, consumer));
    }

    /**
     * Deletes a stream with its groups ({@code DEL}): blocked reads on it fail with {@link NoGroupException}, as
     * Redis unblocks them with an error.
     *
     * @param stream the stream's name
     * @return whether it existed
     */
    boolean delete(String stream) {
        List<Waiter> failed = new ArrayList<>();
        boolean existed;
        synchronized (this) {
            existed = streams.remove(stream) != null;
            waiters.removeIf(w -> w.names.contains(stream) && failed.add(w));
        }
        failed.forEach(w -> THREAD.execute(() -> w.finish(null, MemoryStream.noGroup(stream, w.reader.group))));
        return existed;
    }

    /**
     * How many entries a stream holds ({@code XLEN}).
     *
     * @param stream the stream's name
     * @return the count, 0 when there is no such stream
     */
    synchronized long length(String stream) {
        MemoryStream s = streams.get(stream);
        return s == null ? 0 : s.length();
    }
}
