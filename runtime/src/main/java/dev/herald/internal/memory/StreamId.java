package dev.herald.internal.memory;

/**
 * An id of a stream entry: milliseconds and a sequence, ordered as Redis orders them.
 *
 * @param millis the time it was added, or later when the clock went back
 * @param sequence its number within the millisecond
 */
record StreamId(long millis, long sequence) implements Comparable<StreamId> {

    static final StreamId ZERO = new StreamId(0, 0);

    static StreamId parse(String id) {
        int dash = id.indexOf('-');
        return dash < 0 ? new StreamId(Long.parseLong(id), 0)
                : new StreamId(Long.parseLong(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1)));
    }

    /** @return the id after this one, added at {@code now} */
    StreamId next(long now) {
        return now > millis ? new StreamId(now, 0) : new StreamId(millis, sequence + 1);
    }

    @Override
    public int compareTo(StreamId other) {
        int byMillis = Long.compare(millis, other.millis);
        return byMillis != 0 ? byMillis : Long.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return millis + "-" + sequence;
    }
}
