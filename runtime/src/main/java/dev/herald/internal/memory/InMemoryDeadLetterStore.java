package dev.herald.internal.memory;

import dev.herald.spi.DeadLetterStore;
import dev.herald.spi.DeadLetterStore.Letter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Dead letters in memory, with the bounds of the Redis store: per declared name a list capped in entries,
 * letters older than the retention dropped, and a list nothing was appended to for the retention gone.
 */
final class InMemoryDeadLetterStore implements DeadLetterStore {

    /** The letters of one name and the retention of its last append, which also decides when it expires. */
    private static final class Stream {
        final Deque<Letter> letters = new ArrayDeque<>();
        Duration retention;
        Instant expiresAt;
    }

    private final Map<String, Stream> byName = new HashMap<>();
    private long nextId;

    @Override
    public synchronized CompletionStage<Void> append(String name, Letter letter, Bounds bounds) {
        Instant now = Instant.now();
        byName.values().removeIf(idle -> !now.isBefore(idle.expiresAt));
        Stream stream = live(name, now);
        if (stream == null) {
            stream = new Stream();
            byName.put(name, stream);
        }
        stream.letters.addLast(letter.withId(Long.toString(nextId++)));
        while (stream.letters.size() > bounds.maxEntries()) {
            stream.letters.removeFirst();
        }
        stream.retention = bounds.retention();
        stream.expiresAt = now.plus(bounds.retention());
        dropOld(stream, now);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<List<Letter>> read(String name, int max) {
        List<Letter> oldest = new ArrayList<>();
        Stream stream = live(name, Instant.now());
        if (stream != null) {
            for (Letter letter : stream.letters) {
                if (oldest.size() >= max) {
                    break;
                }
                oldest.add(letter);
            }
        }
        return CompletableFuture.completedFuture(oldest);
    }

    @Override
    public synchronized CompletionStage<Long> delete(String name, List<String> ids) {
        Stream stream = live(name, Instant.now());
        if (stream == null) {
            return CompletableFuture.completedFuture(0L);
        }
        long before = stream.letters.size();
        stream.letters.removeIf(letter -> ids.contains(letter.id()));
        return CompletableFuture.completedFuture(before - stream.letters.size());
    }

    /** The stream of a name with its old letters dropped, or null when there is none or it expired. */
    private Stream live(String name, Instant now) {
        Stream stream = byName.get(name);
        if (stream != null && !now.isBefore(stream.expiresAt)) {
            byName.remove(name);
            return null;
        }
        if (stream != null) {
            dropOld(stream, now);
        }
        return stream;
    }

    private static void dropOld(Stream stream, Instant now) {
        Instant oldestKept = now.minus(stream.retention);
        while (!stream.letters.isEmpty() && stream.letters.peekFirst().time().isBefore(oldestKept)) {
            stream.letters.removeFirst();
        }
    }
}
