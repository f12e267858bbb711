package dev.herald.spi;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Where a transport keeps durable channels: one append-only stream per concrete channel, named by Herald
 * ({@code herald:stream:} followed by the channel's full name, prefix included), read through consumer groups. Every group sees every
 * entry; within a group each entry is delivered to one consumer and stays pending, counted, until it is
 * acknowledged. Herald runs the reading loop, the retries and the claiming; a log only answers commands,
 * with the semantics of Redis's {@code XADD}, {@code XGROUP CREATE}, {@code XREADGROUP}, {@code XACK},
 * {@code XAUTOCLAIM} and {@code XPENDING}.
 *
 * <p>No method blocks its caller; stages complete on the transport's threads, so a caller hands the
 * result to its own thread before doing real work with it.
 */
public interface DurableLog {

    /**
     * An entry as delivered to a consumer.
     *
     * @param stream the stream it was read from
     * @param id its id in the stream ({@code millis-sequence})
     * @param payload the {@code payload} field: the message's plain JSON
     * @param headers the entry's other fields (such as {@code traceparent}), in the order they were added (the map
     *     keeps that order)
     * @param deliveries how many times the group has delivered it, this delivery included: 1 on a first read
     */
    record Entry(String stream, String id, byte[] payload, Map<String, String> headers, long deliveries) {

        /**
         * Checks the entry.
         *
         * @param stream the stream it was read from
         * @param id its id in the stream
         * @param payload the {@code payload} field
         * @param headers the entry's other fields
         * @param deliveries how many times the group has delivered it, this delivery included
         * @throws NullPointerException when a component is null
         */
        public Entry {
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(payload, "payload");
            headers = headers.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }
    }

    /**
     * How much of a stream to keep, applied by each append ({@code MAXLEN ~} or {@code MINID ~}): the SPI's copy of
     * the application's {@code dev.herald.StreamRetention}, so that the SPI depends on the JDK only.
     *
     * @param maxLength the most entries kept, about; 0 when not bounded by length
     * @param maxAge the oldest entry's age kept, about; {@code null} when not bounded by age
     */
    record Retention(long maxLength, Duration maxAge) {

        private static final Retention UNBOUNDED = new Retention(0, null);

        /**
         * Checks the bounds.
         *
         * @param maxLength 0, or at least 1
         * @param maxAge {@code null}, or at least one millisecond
         * @throws IllegalArgumentException when a bound is out of range
         */
        public Retention {
            if (maxLength < 0) {
                throw new IllegalArgumentException("maxLength must not be negative, was " + maxLength);
            }
            if (maxAge != null && maxAge.toMillis() < 1) {
                throw new IllegalArgumentException("maxAge must be at least 1 ms, was " + maxAge);
            }
        }

        /** @return a retention that keeps everything */
        public static Retention unbounded() {
            return UNBOUNDED;
        }

        /**
         * @param entries the most entries kept, about
         * @return a retention by length
         */
        public static Retention maxLength(long entries) {
            return new Retention(entries, null);
        }

        /**
         * @param age the oldest entry's age kept, about
         * @return a retention by age
         */
        public static Retention maxAge(Duration age) {
            return new Retention(0, java.util.Objects.requireNonNull(age, "age"));
        }
    }

    /**
     * What one claim found.
     *
     * @param entries the entries now pending for the claiming consumer, with their delivery counts (the claim counted)
     * @param next where the next claim continues; {@code "0-0"} once the scan went through the whole pending list
     * @param deleted ids that were pending but are no longer in the stream (trimmed); they are removed from the
     *                pending list by the claim
     */
    record Claimed(List<Entry> entries, String next, List<String> deleted) {

        /**
         * Checks and copies.
         *
         * @param entries the entries now pending for the claiming consumer
         * @param next where the next claim continues
         * @param deleted ids no longer in the stream
         * @throws NullPointerException when a component is null
         */
        public Claimed {
            entries = List.copyOf(entries);
            Objects.requireNonNull(next, "next");
            deleted = List.copyOf(deleted);
        }
    }

    /**
     * What the log reports about a group on a stream, for health, metrics and tests.
     *
     * @param pending entries delivered and not yet acknowledged (the {@code XPENDING} count)
     * @param consumers the consumers the group knows, by name, with how many entries each has pending
     * @param lag entries added and not yet delivered to the group, or -1 when the log cannot tell
     */
    record GroupState(long pending, Map<String, Long> consumers, long lag) {

        /**
         * Copies the consumers.
         *
         * @param pending entries delivered and not yet acknowledged
         * @param consumers the consumers with their pending counts
         * @param lag entries not yet delivered to the group, or -1
         */
        public GroupState {
            consumers = Map.copyOf(consumers);
        }
    }

    /**
     * Thrown (as the failure of a stage) when the stream or the consumer group does not exist, such as after
     * the stream was deleted, a Redis restart without persistence, or a failover to a replica that had not
     * received the group: Redis's {@code NOGROUP}. Herald creates the group again and reports it.
     */
    final class NoGroupException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        /**
         * @param message what the log said
         */
        public NoGroupException(String message) {
            super(message);
        }
    }

    /**
     * Appends an entry, trimming the stream to the retention in the same command.
     *
     * @param stream the stream's name
     * @param payload the message's plain JSON, stored in the field {@code payload}
     * @param headers further fields, stored after the payload; usually empty
     * @param retention how much of the stream to keep
     * @return a stage that completes with the entry's id once the log stored it
     */
    CompletionStage<String> append(String stream, byte[] payload, Map<String, String> headers, Retention retention);

    /**
     * Creates a consumer group that starts at the beginning of the stream (so a new group reads what the
     * stream still holds), creating an empty stream when there is none. A group that exists already is left
     * as it is, and the stage completes normally.
     *
     * @param stream the stream's name
     * @param group the group's name
     * @return a stage that completes once the group exists
     */
    CompletionStage<Void> createGroup(String stream, String group);

    /**
     * Opens what one consumer of a group reads with. On Redis a blocking read holds a connection, so each
     * reader has its own and never stalls publishing or other readers.
     *
     * @param group the group's name
     * @param consumer the consumer's name within the group
     * @return the reader; close it when the consumer stops
     */
    Reader reader(String group, String consumer);

    /**
     * Acknowledges entries: they leave the group's pending list.
     *
     * @param stream the stream's name
     * @param group the group
     * @param ids the entries' ids
     * @return a stage that completes with how many were pending and are acknowledged now
     */
    CompletionStage<Long> ack(String stream, String group, List<String> ids);

    /**
     * Claims entries pending in the group for at least {@code minIdle}, whichever consumer they were delivered
     * to, for {@code consumer} ({@code XAUTOCLAIM}); each claimed entry's delivery count goes up by one.
     *
     * @param stream the stream's name
     * @param group the group
     * @param consumer the consumer that takes them
     * @param minIdle how long an entry must have been pending without being delivered again
     * @param start where to continue scanning the pending list; {@code "0-0"} from its beginning
     * @param count the most entries to claim
     * @return a stage that completes with what was claimed
     */
    CompletionStage<Claimed> claim(String stream, String group, String consumer, Duration minIdle, String start, int count);

    /**
     * Finds the existing streams whose names match a Redis glob, for subscriptions to a template channel's
     * every value.
     *
     * @param glob the pattern over stream names, as Redis's {@code SCAN MATCH} reads it
     * @return a stage that completes with the names, sorted
     */
    CompletionStage<List<String>> streams(String glob);

    /**
     * Reports a group's state.
     *
     * @param stream the stream's name
     * @param group the group
     * @return a stage that completes with the state; it fails with {@link NoGroupException} when there is no such group
     */
    CompletionStage<GroupState> group(String stream, String group);

    /**
     * Removes a consumer from a group ({@code XGROUP DELCONSUMER}); what it still had pending is no longer
     * pending for anyone, so Herald calls this only for a consumer with nothing pending.
     *
     * @param stream the stream's name
     * @param group the group
     * @param consumer the consumer
     * @return a stage that completes with how many entries it had pending
     */
    CompletionStage<Long> removeConsumer(String stream, String group, String consumer);

    /**
     * What one consumer reads with.
     */
    interface Reader extends AutoCloseable {

        /**
         * Reads entries never delivered to the group ({@code XREADGROUP ... STREAMS s... >}), across one or more
         * streams, waiting up to {@code block} for the first one.
         *
         * @param streams the streams' names
         * @param count the most entries per stream
         * @param block how long to wait when none is there; {@link Duration#ZERO} for not at all
         * @return a stage that completes with the entries, each with {@code deliveries} 1, or an empty list when
         *         none arrived in time; it fails with {@link NoGroupException} when a stream or the group is missing
         */
        CompletionStage<List<Entry>> readNew(List<String> streams, int count, Duration block);

        /**
         * Reads this consumer's own pending entries after {@code afterId}, as after a restart under the same name
         * ({@code XREADGROUP ... STREAMS s afterId}), with their delivery counts.
         *
         * @param stream the stream's name
         * @param afterId the id to read after; {@code "0-0"} from the start
         * @param count the most entries
         * @return a stage that completes with the entries, empty once there are no more
         */
        CompletionStage<List<Entry>> readPending(String stream, String afterId, int count);

        /** Closes the reader; a read in progress fails, and nothing it had read is acknowledged. */
        @Override
        void close();
    }
}
