package dev.herald.internal;

import dev.herald.DeadLetter;
import dev.herald.spi.DeadLetterStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Dead letters in memory: a capped list per channel, inspectable through {@link dev.herald.Herald#deadLetters()}. */
final class InMemoryDeadLetterStore implements DeadLetterStore {

    private final Map<String, Deque<DeadLetter>> byChannel = new HashMap<>();
    private long nextId;

    @Override
    public synchronized CompletionStage<Void> append(DeadLetter letter) {
        Deque<DeadLetter> letters = byChannel.computeIfAbsent(letter.channel(), c -> new ArrayDeque<>());
        letters.addLast(new DeadLetter(Long.toString(nextId++), letter.channel(), letter.payload(), letter.error(),
                letter.attempts(), letter.time()));
        while (letters.size() > LIMIT) {
            letters.removeFirst();
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<List<DeadLetter>> read(String channel, int max) {
        List<DeadLetter> oldest = new ArrayList<>();
        for (DeadLetter letter : byChannel.getOrDefault(channel, new ArrayDeque<>())) {
            if (oldest.size() >= max) {
                break;
            }
            oldest.add(letter);
        }
        return CompletableFuture.completedFuture(oldest);
    }

    @Override
    public synchronized CompletionStage<Long> delete(String channel, List<String> ids) {
        Deque<DeadLetter> letters = byChannel.get(channel);
        long before = letters == null ? 0 : letters.size();
        if (letters != null) {
            letters.removeIf(letter -> ids.contains(letter.id()));
        }
        return CompletableFuture.completedFuture(before - (letters == null ? 0 : letters.size()));
    }
}
