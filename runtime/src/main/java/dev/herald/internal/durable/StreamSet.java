package dev.herald.internal.durable;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The streams a consumer reads: one, or those of a template found so far, in the order they were found. */
final class StreamSet {

    private final CopyOnWriteArrayList<String> streams = new CopyOnWriteArrayList<>();

    StreamSet(List<String> initial) {
        streams.addAll(initial);
    }

    /** @return true when the stream was new */
    boolean add(String stream) {
        return streams.addIfAbsent(stream);
    }

    boolean contains(String stream) {
        return streams.contains(stream);
    }

    List<String> all() {
        return List.copyOf(streams);
    }

    boolean isEmpty() {
        return streams.isEmpty();
    }
}
