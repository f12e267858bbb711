package dev.herald.internal.memory;

import dev.herald.spi.DurableLog;
import dev.herald.spi.DurableLog.Claimed;
import dev.herald.spi.DurableLog.Entry;
import dev.herald.spi.DurableLog.GroupState;
import dev.herald.spi.DurableLog.NoGroupException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One in-memory stream with its consumer groups, answering as Redis's stream commands do. Not thread-safe: the
 * {@link InMemoryDurableLog} holds its lock around every call.
 */
final class MemoryStream {

    private record Stored(byte[] payload, Map<String, String> headers) {
    }

    private final String name;
    private final NavigableMap<StreamId, Stored> entries = new TreeMap<>();
    private final Map<String, MemoryGroup> groups = new LinkedHashMap<>();
    private StreamId last = StreamId.ZERO;

    MemoryStream(String name) {
        this.name = name;
    }

    static NoGroupException noGroup(String stream, String group) {
        return new NoGroupException("NOGROUP No such key '" + stream + "' or consumer group '" + group + "'");
    }

    /** @return the group, or throws {@link NoGroupException} */
    private MemoryGroup group(String group) {
        MemoryGroup found = groups.get(group);
        if (found == null) {
            throw noGroup(name, group);
        }
        return found;
    }

    /** {@code XADD ... MAXLEN n | MINID id}, trimming exactly. */
    String append(byte[] payload, Map<String, String> headers, DurableLog.Retention retention) {
        last = last.next(System.currentTimeMillis());
        entries.put(last, new Stored(payload, headers));
        if (retention.maxLength() > 0) {
            while (entries.size() > retention.maxLength()) {
                entries.pollFirstEntry();
            }
        }
        if (retention.maxAge() != null) {
            entries.headMap(new StreamId(System.currentTimeMillis() - retention.maxAge().toMillis(), 0), false).clear();
        }
        return last.toString();
    }

    /** {@code XGROUP CREATE ... 0}: a new group starts at the beginning; an existing one is kept. */
    void createGroup(String group) {
        groups.putIfAbsent(group, new MemoryGroup());
    }

    private Entry entry(StreamId id, Stored stored, long deliveries) {
        return new Entry(name, id.toString(), stored.payload().clone(), stored.headers(), deliveries);
    }

    /** {@code XREADGROUP ... >}: entries never delivered to the group, now pending for the consumer. */
    List<Entry> readNew(String group, String consumer, int count) {
        MemoryGroup g = group(group);
        g.consumers.add(consumer);
        List<Entry> read = new ArrayList<>();
        long now = System.nanoTime();
        for (Map.Entry<StreamId, Stored> e : entries.tailMap(g.lastDelivered, false).entrySet()) {
            if (read.size() == count) {
                break;
            }
            g.lastDelivered = e.getKey();
            g.pending.put(e.getKey(), new MemoryGroup.Pending(consumer, now));
            read.add(entry(e.getKey(), e.getValue(), 1));
        }
        return read;
    }

    /** {@code XREADGROUP ... afterId}: the consumer's own pending entries, each delivered again. */
    List<Entry> readPending(String group, String consumer, String afterId, int count) {
        MemoryGroup g = group(group);
        g.consumers.add(consumer);
        List<Entry> read = new ArrayList<>();
        long now = System.nanoTime();
        for (Map.Entry<StreamId, MemoryGroup.Pending> e : g.pending.tailMap(StreamId.parse(afterId), false).entrySet()) {
            Stored stored = entries.get(e.getKey());
            if (read.size() == count) {
                break;
            }
            if (e.getValue().consumer.equals(consumer) && stored != null) {
                e.getValue().redeliver(consumer, now);
                read.add(entry(e.getKey(), stored, e.getValue().deliveries));
            }
        }
        return read;
    }

    /** {@code XACK}. */
    long ack(String group, List<String> ids) {
        MemoryGroup g = group(group);
        return ids.stream().filter(id -> g.pending.remove(StreamId.parse(id)) != null).count();
    }

    /** {@code XAUTOCLAIM}: idle pending entries move to the consumer; those trimmed meanwhile are dropped. */
    Claimed claim(String group, String consumer, Duration minIdle, String start, int count) {
        MemoryGroup g = group(group);
        g.consumers.add(consumer);
        long now = System.nanoTime();
        List<Entry> claimed = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        StreamId next = StreamId.ZERO;
        Iterator<Map.Entry<StreamId, MemoryGroup.Pending>> it = g.pending.tailMap(StreamId.parse(start), true).entrySet()
                .iterator();
        while (it.hasNext()) {
            Map.Entry<StreamId, MemoryGroup.Pending> e = it.next();
            if (claimed.size() + deleted.size() == count) {
                next = e.getKey();
                break;
            }
            MemoryGroup.Pending p = e.getValue();
            if (now - p.deliveredAt < minIdle.toNanos()) {
                continue;
            }
            Stored stored = entries.get(e.getKey());
            if (stored == null) {
                it.remove();
                deleted.add(e.getKey().toString());
            } else {
                p.redeliver(consumer, now);
                claimed.add(entry(e.getKey(), stored, p.deliveries));
            }
        }
        return new Claimed(claimed, next.toString(), deleted);
    }

    /** {@code XPENDING} and {@code XINFO GROUPS}, in one. */
    GroupState state(String group) {
        MemoryGroup g = group(group);
        Map<String, Long> consumers = new LinkedHashMap<>();
        g.consumers.forEach(consumer -> consumers.put(consumer, 0L));
        g.pending.values().forEach(p -> consumers.merge(p.consumer, 1L, Long::sum));
        return new GroupState(g.pending.size(), consumers, entries.tailMap(g.lastDelivered, false).size());
    }

    /** {@code XGROUP DELCONSUMER}: what it had pending is pending no more. */
    long removeConsumer(String group, String consumer) {
        MemoryGroup g = group(group);
        g.consumers.remove(consumer);
        long had = 0;
        for (Iterator<MemoryGroup.Pending> it = g.pending.values().iterator(); it.hasNext(); ) {
            if (it.next().consumer.equals(consumer)) {
                it.remove();
                had++;
            }
        }
        return had;
    }

    long length() {
        return entries.size();
    }
}
