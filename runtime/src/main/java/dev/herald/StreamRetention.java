package dev.herald;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of a durable channel's stream Redis keeps. Herald trims as it appends ({@code XADD ... MAXLEN ~ n}
 * or {@code MINID ~ id}), so a stream never grows without bound. An entry trimmed before a consumer group
 * read it is gone for that group: durable channels deliver at least once what the stream still holds.
 *
 * <pre>{@code
 * Herald.builder()
 *     .durableRetention(StreamRetention.maxLength(1_000_000))               // every durable channel
 *     .durableRetention("order:created", StreamRetention.maxAge(Duration.ofDays(7))) // one channel
 * }</pre>
 */
public final class StreamRetention {

    private static final StreamRetention UNBOUNDED = new StreamRetention(0, null);

    private final long maxLength;
    private final Duration maxAge;

    private StreamRetention(long maxLength, Duration maxAge) {
        this.maxLength = maxLength;
        this.maxAge = maxAge;
    }

    /**
     * Keeps about the newest {@code entries} entries ({@code MAXLEN ~}); Redis trims whole nodes, so a stream
     * may hold somewhat more.
     *
     * @param entries at least 1
     * @return the retention
     * @throws IllegalArgumentException when {@code entries} is below 1
     */
    public static StreamRetention maxLength(long entries) {
        if (entries < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, was " + entries);
        }
        return new StreamRetention(entries, null);
    }

    /**
     * Keeps about the entries younger than {@code age} ({@code MINID ~} of now minus the age, as stream ids
     * start with the time they were added in milliseconds).
     *
     * @param age at least one millisecond
     * @return the retention
     * @throws IllegalArgumentException when {@code age} is below one millisecond
     */
    public static StreamRetention maxAge(Duration age) {
        Objects.requireNonNull(age, "age");
        if (age.toMillis() < 1) {
            throw new IllegalArgumentException("maxAge must be at least 1 ms, was " + age);
        }
        return new StreamRetention(0, age);
    }

    /**
     * Keeps everything: the stream grows until something else trims it.
     *
     * @return the retention
     */
    public static StreamRetention unbounded() {
        return UNBOUNDED;
    }

    /** @return the most entries kept, about; 0 when not bounded by length */
    public long maxLength() {
        return maxLength;
    }

    /** @return the oldest entry's age kept, about; {@code null} when not bounded by age */
    public Duration maxAge() {
        return maxAge;
    }

    /** @return {@code true} when nothing is trimmed */
    public boolean isUnbounded() {
        return maxLength == 0 && maxAge == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StreamRetention other && maxLength == other.maxLength && Objects.equals(maxAge, other.maxAge);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxLength, maxAge);
    }

    @Override
    public String toString() {
        return isUnbounded() ? "StreamRetention[unbounded]"
                : maxAge != null ? "StreamRetention[maxAge=" + maxAge + "]" : "StreamRetention[maxLength~" + maxLength + "]";
    }
}
