package dev.herald.internal;

import dev.herald.spi.Transport;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The subscriptions of one Herald, per channel and per pattern, and whether the transport is subscribed:
 * the first subscription sends SUBSCRIBE (PSUBSCRIBE), the last to leave sends UNSUBSCRIBE (PUNSUBSCRIBE).
 * Mutations happen under the owner's lock, so transport commands reach the server in the order decided;
 * reads for dispatch are lock-free.
 */
final class Registry {

    /**
     * A channel or a pattern, full name (prefix included).
     *
     * @param name the channel or pattern
     * @param pattern whether it is a pattern
     */
    record Key(String name, boolean pattern) {
    }

    /** The subscriptions of one key and the SUBSCRIBE that serves them. Mutated under the owner's lock. */
    static final class Entry {
        final Key key;
        final List<Delivery<?>> deliveries = new CopyOnWriteArrayList<>();
        CompletionStage<Void> subscribeAck;

        Entry(Key key) {
            this.key = key;
        }
    }

    private final ConcurrentHashMap<String, Entry> channels = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Entry> patterns = new ConcurrentHashMap<>();

    private ConcurrentHashMap<String, Entry> map(Key key) {
        return key.pattern() ? patterns : channels;
    }

    Entry get(Key key) {
        return map(key).get(key.name());
    }

    Entry channel(String name) {
        return channels.get(name);
    }

    Entry pattern(String name) {
        return patterns.get(name);
    }

    Entry getOrCreate(Key key) {
        return map(key).computeIfAbsent(key.name(), n -> new Entry(key));
    }

    void remove(Entry entry) {
        map(entry.key).remove(entry.key.name(), entry);
    }

    List<Entry> all() {
        List<Entry> all = new java.util.ArrayList<>(channels.values());
        all.addAll(patterns.values());
        return all;
    }

    /** @return whether no channel and no pattern is held; lock-free */
    boolean isEmpty() {
        return channels.isEmpty() && patterns.isEmpty();
    }

    void clear() {
        channels.clear();
        patterns.clear();
    }

    static CompletionStage<Void> subscribe(Transport transport, Key key) {
        return key.pattern() ? transport.psubscribe(key.name()) : transport.subscribe(key.name());
    }

    static CompletionStage<Void> unsubscribe(Transport transport, Key key) {
        return key.pattern() ? transport.punsubscribe(key.name()) : transport.unsubscribe(key.name());
    }
}
