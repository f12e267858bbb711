package dev.herald.internal.memory;

import dev.herald.StreamRetention;
import dev.herald.spi.DurableLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Durable channels in memory, with the semantics of Redis streams and consumer groups: a group starts at the
 * beginning of its stream, delivered entries stay pending (with a delivery count and the time of their last
 * delivery) until acknowledged, claims move idle pending entries, and a missing stream or group fails with
 * {@link NoGroupException}. Several transports can share one log, the way several clients share one Redis.
 *
 * <p>Every stage completes on the log's one thread, never the caller's: like a transport's I/O thread. A blocking
 * read holds no thread: it waits as a record that an append or the timer completes.
 */
public final class InMemoryDurableLog implements DurableLog {

    /** The log's thread: completes stages and ends blocking reads whose time is up. One for every log. */
    private static final ScheduledExecutorService THREAD = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "herald-memory-log");
        thread.setDaemon(true);
        return thread;
    });

    private final Map<String, Stream> streams = new TreeMap<>();
    private final List<Waiter> waiters = new ArrayList<>();

    /** Creates an empty log. */
    public InMemoryDurableLog() {
    }

    /** An id of a stream entry: milliseconds and a sequence, ordered as Redis orders them. */
    record Id(long millis, long sequence) implements Comparable<Id> {

        static final Id ZERO = new Id(0, 0);

        static Id parse(String id) {
            int dash = id.indexOf('-');
            return dash < 0 ? new Id(Long.parseLong(id), 0)
                    : new Id(Long.parseLong(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1)));
        }

        @Override
        public int compareTo(Id other) {
            int byMillis = Long.compare(millis, other.millis);
            return byMillis != 0 ? byMillis : Long.compare(sequence, other.sequence);
        }

        @Override
        public String toString() {
            return millis + "-" + sequence;
        }
    }

    private record Stored(byte[] payload, Map<String, String> headers) {
    }

    private static final class Pending {
        String consumer;
        long deliveries;
        long deliveredAt;

        Pending(String consumer, long deliveries, long deliveredAt) {
            this.consumer = consumer;
            this.deliveries = deliveries;
            this.deliveredAt = deliveredAt;
        }
    }

    private static final class Group {
        Id lastDelivered = Id.ZERO;
        final NavigableMap<Id, Pending> pending = new TreeMap<>();
        final Map<String, Boolean> consumers = new LinkedHashMap<>();
    }

    private static final class Stream {
        final NavigableMap<Id, Stored> entries = new TreeMap<>();
        final Map<String, Group> groups = new LinkedHashMap<>();
        Id last = Id.ZERO;
    }

    /** A blocking read waiting for an entry. */
    private final class Waiter {
        final ReaderImpl reader;
        final List<String> names;
        final int count;
        final CompletableFuture<List<Entry>> result = new CompletableFuture<>();
        ScheduledFuture<?> timeout;

        Waiter(ReaderImpl reader, List<String> names, int count) {
            this.reader = reader;
            this.names = names;
            this.count = count;
        }
    }

    private static <V> CompletionStage<V> later(Supplier<V> answer) {
        CompletableFuture<V> stage = new CompletableFuture<>();
        THREAD.execute(() -> {
            try {
                stage.complete(answer.get());
            } catch (RuntimeException e) {
                stage.completeExceptionally(e);
            }
        });
        return stage;
    }

    private static NoGroupException noGroup(String stream, String group) {
        return new NoGroupException("NOGROUP No such key '" + stream + "' or consumer group '" + group + "'");
    }

    /** @return the group, or throws {@link NoGroupException} when the stream or the group is missing */
    private Group group(Stream stream, String name, String group) {
        Group found = stream == null ? null : stream.groups.get(group);
        if (found == null) {
            throw noGroup(name, group);
        }
        return found;
    }

    @Override
    public CompletionStage<String> append(String stream, byte[] payload, Map<String, String> headers,
            StreamRetention retention) {
        byte[] copy = payload.clone();
        Map<String, String> fields = new LinkedHashMap<>(headers);
        return later(() -> {
            List<Runnable> woken;
            String id;
            synchronized (this) {
                Stream s = streams.computeIfAbsent(stream, name -> new Stream());
                long now = System.currentTimeMillis();
                Id next = now > s.last.millis() ? new Id(now, 0) : new Id(s.last.millis(), s.last.sequence() + 1);
                s.entries.put(next, new Stored(copy, fields));
                s.last = next;
                trim(s, retention);
                id = next.toString();
                woken = wake(stream);
            }
            woken.forEach(Runnable::run);
            return id;
        });
    }

    private static void trim(Stream s, StreamRetention retention) {
        if (retention.maxLength() > 0) {
            while (s.entries.size() > retention.maxLength()) {
                s.entries.pollFirstEntry();
            }
        }
        if (retention.maxAge() != null) {
            Id oldest = new Id(System.currentTimeMillis() - retention.maxAge().toMillis(), 0);
            s.entries.headMap(oldest, false).clear();
        }
    }

    /** Serves the blocked reads of a stream that got an entry; returns their completions, run outside the lock. */
    private List<Runnable> wake(String stream) {
        List<Runnable> done = new ArrayList<>();
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (!waiter.names.contains(stream)) {
                continue;
            }
            List<Entry> read;
            try {
                read = readNewLocked(waiter.reader.group, waiter.reader.consumer, waiter.names, waiter.count);
            } catch (NoGroupException e) {
                it.remove();
                done.add(() -> finish(waiter, null, e));
                continue;
            }
            if (!read.isEmpty()) {
                it.remove();
                done.add(() -> finish(waiter, read, null));
            }
        }
        return done;
    }

    private static void finish(Waiter waiter, List<Entry> read, RuntimeException failure) {
        if (waiter.timeout != null) {
            waiter.timeout.cancel(false);
        }
        if (failure != null) {
            waiter.result.completeExceptionally(failure);
        } else {
            waiter.result.complete(read);
        }
    }

    @Override
    public CompletionStage<Void> createGroup(String stream, String group) {
        return later(() -> {
            synchronized (this) {
                streams.computeIfAbsent(stream, name -> new Stream()).groups.putIfAbsent(group, new Group());
            }
            return null;
        });
    }

    @Override
    public Reader reader(String group, String consumer) {
        return new ReaderImpl(group, consumer);
    }

    private List<Entry> readNewLocked(String group, String consumer, List<String> names, int count) {
        List<Entry> read = new ArrayList<>();
        long now = System.nanoTime();
        for (String name : names) {
            Stream s = streams.get(name);
            Group g = group(s, name, group);
            g.consumers.put(consumer, Boolean.TRUE);
            int taken = 0;
            for (Map.Entry<Id, Stored> e : s.entries.tailMap(g.lastDelivered, false).entrySet()) {
                if (taken++ == count) {
                    break;
                }
                g.lastDelivered = e.getKey();
                g.pending.put(e.getKey(), new Pending(consumer, 1, now));
                read.add(new Entry(name, e.getKey().toString(), e.getValue().payload().clone(), e.getValue().headers(), 1));
            }
        }
        return read;
    }

    private final class ReaderImpl implements Reader {
        final String group;
        final String consumer;
        private boolean closed;

        ReaderImpl(String group, String consumer) {
            this.group = group;
            this.consumer = consumer;
        }

        @Override
        public CompletionStage<List<Entry>> readNew(List<String> names, int count, Duration block) {
            List<String> copy = List.copyOf(names);
            CompletableFuture<List<Entry>> result = new CompletableFuture<>();
            THREAD.execute(() -> {
                Waiter waiter;
                synchronized (InMemoryDurableLog.this) {
                    if (closed) {
                        result.completeExceptionally(new IllegalStateException("reader closed"));
                        return;
                    }
                    List<Entry> read;
                    try {
                        read = readNewLocked(group, consumer, copy, count);
                    } catch (NoGroupException e) {
                        result.completeExceptionally(e);
                        return;
                    }
                    if (!read.isEmpty() || block.isZero()) {
                        result.complete(read);
                        return;
                    }
                    waiter = new Waiter(this, copy, count);
                    waiters.add(waiter);
                    waiter.timeout = THREAD.schedule(() -> timedOut(waiter), block.toNanos(), TimeUnit.NANOSECONDS);
                }
                waiter.result.whenComplete((read, failure) -> {
                    if (failure != null) {
                        result.completeExceptionally(failure);
                    } else {
                        result.complete(read);
                    }
                });
            });
            return result;
        }

        @Override
        public CompletionStage<List<Entry>> readPending(String stream, String afterId, int count) {
            return later(() -> {
                synchronized (InMemoryDurableLog.this) {
                    if (closed) {
                        throw new IllegalStateException("reader closed");
                    }
                    Stream s = streams.get(stream);
                    Group g = group(s, stream, group);
                    g.consumers.put(consumer, Boolean.TRUE);
                    List<Entry> read = new ArrayList<>();
                    long now = System.nanoTime();
                    for (Map.Entry<Id, Pending> e : g.pending.tailMap(Id.parse(afterId), false).entrySet()) {
                        if (read.size() == count) {
                            break;
                        }
                        Pending p = e.getValue();
                        Stored stored = s.entries.get(e.getKey());
                        if (!p.consumer.equals(consumer) || stored == null) {
                            continue;
                        }
                        p.deliveries++;
                        p.deliveredAt = now;
                        read.add(new Entry(stream, e.getKey().toString(), stored.payload().clone(), stored.headers(),
                                p.deliveries));
                    }
                    return read;
                }
            });
        }

        @Override
        public void close() {
            List<Waiter> mine = new ArrayList<>();
            synchronized (InMemoryDurableLog.this) {
                closed = true;
                waiters.removeIf(w -> w.reader == this && mine.add(w));
            }
            mine.forEach(w -> finish(w, null, new IllegalStateException("reader closed")));
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
        return later(() -> {
            synchronized (this) {
                Stream s = streams.get(stream);
                if (s == null) {
                    return 0L;
                }
                Group g = group(s, stream, group);
                long acked = 0;
                for (String id : ids) {
                    if (g.pending.remove(Id.parse(id)) != null) {
                        acked++;
                    }
                }
                return acked;
            }
        });
    }

    @Override
    public CompletionStage<Claimed> claim(String stream, String group, String consumer, Duration minIdle, String start,
            int count) {
        return later(() -> {
            synchronized (this) {
                Stream s = streams.get(stream);
                Group g = group(s, stream, group);
                g.consumers.put(consumer, Boolean.TRUE);
                long now = System.nanoTime();
                List<Entry> claimed = new ArrayList<>();
                List<String> deleted = new ArrayList<>();
                Id next = Id.ZERO;
                int scanned = 0;
                Iterator<Map.Entry<Id, Pending>> it = g.pending.tailMap(Id.parse(start), true).entrySet().iterator();
                while (it.hasNext()) {
                    Map.Entry<Id, Pending> e = it.next();
                    if (scanned == count) {
                        next = e.getKey();
                        break;
                    }
                    Pending p = e.getValue();
                    if (now - p.deliveredAt < minIdle.toNanos()) {
                        continue;
                    }
                    scanned++;
                    Stored stored = s.entries.get(e.getKey());
                    if (stored == null) {
                        it.remove();
                        deleted.add(e.getKey().toString());
                        continue;
                    }
                    p.consumer = consumer;
                    p.deliveries++;
                    p.deliveredAt = now;
                    claimed.add(new Entry(stream, e.getKey().toString(), stored.payload().clone(), stored.headers(),
                            p.deliveries));
                }
                return new Claimed(claimed, next.toString(), deleted);
            }
        });
    }

    @Override
    public CompletionStage<List<String>> streams(String glob) {
        GlobPattern pattern = new GlobPattern(glob);
        return later(() -> {
            synchronized (this) {
                return streams.keySet().stream().filter(pattern::matches).toList();
            }
        });
    }

    @Override
    public CompletionStage<GroupState> group(String stream, String group) {
        return later(() -> {
            synchronized (this) {
                Stream s = streams.get(stream);
                Group g = group(s, stream, group);
                Map<String, Long> consumers = new LinkedHashMap<>();
                g.consumers.keySet().forEach(name -> consumers.put(name, 0L));
                g.pending.values().forEach(p -> consumers.merge(p.consumer, 1L, Long::sum));
                long lag = s.entries.tailMap(g.lastDelivered, false).size();
                return new GroupState(g.pending.size(), consumers, lag);
            }
        });
    }

    @Override
    public CompletionStage<Long> removeConsumer(String stream, String group, String consumer) {
        return later(() -> {
            synchronized (this) {
                Stream s = streams.get(stream);
                Group g = group(s, stream, group);
                g.consumers.remove(consumer);
                long had = 0;
                for (Iterator<Pending> it = g.pending.values().iterator(); it.hasNext(); ) {
                    if (it.next().consumer.equals(consumer)) {
                        it.remove();
                        had++;
                    }
                }
                return had;
            }
        });
    }

    /**
     * Deletes a stream with its groups ({@code DEL}): blocked reads on it fail with {@link NoGroupException}, as
     * Redis unblocks them with an error.
     *
     * @param stream the stream's name
     * @return whether it existed
     */
    public boolean delete(String stream) {
        List<Waiter> failed = new ArrayList<>();
        boolean existed;
        synchronized (this) {
            existed = streams.remove(stream) != null;
            waiters.removeIf(w -> w.names.contains(stream) && failed.add(w));
        }
        failed.forEach(w -> THREAD.execute(() -> finish(w, null, noGroup(stream, w.reader.group))));
        return existed;
    }

    /**
     * How many entries a stream holds ({@code XLEN}).
     *
     * @param stream the stream's name
     * @return the count, 0 when there is no such stream
     */
    public synchronized long length(String stream) {
        Stream s = streams.get(stream);
        return s == null ? 0 : s.entries.size();
    }
}
