package dev.herald.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Where a transport keeps dead letters: one stream per declared name (a channel, a channel template
 * such as {@code notifications:{userId}}, or a pattern, prefix included), bounded in entries and in age.
 * Payloads arrive already cut to the configured size; a store keeps the letter's fields as given.
 */
public interface DeadLetterStore {

    /**
     * A dead letter as a store keeps it; Herald shows it to the application as a {@code dev.herald.DeadLetter}
     * with the same components.
     *
     * @param id the entry's id in the store, or {@code null} before it is stored
     * @param channel the concrete channel it arrived on, prefix included
     * @param payload the payload as it arrived, or its first bytes when it was larger than the limit
     * @param error what failed, as {@code ExceptionClass: message}
     * @param attempts how many times the handler was tried; 0 when the payload did not decode
     * @param time when it was dead-lettered
     * @param subscription the subscription that failed: its channel, or {@code pattern } and the pattern
     * @param size the size in bytes of the full payload
     * @param sha256 the SHA-256 of the full payload, in lower-case hex
     */
    record Letter(String id, String channel, byte[] payload, String error, int attempts, Instant time,
            String subscription, int size, String sha256) {

        /**
         * The same letter with the id the store gave it.
         *
         * @param storedAs the id
         * @return a copy with that id
         */
        public Letter withId(String storedAs) {
            return new Letter(storedAs, channel, payload, error, attempts, time, subscription, size, sha256);
        }
    }

    /**
     * How much one stream may hold.
     *
     * @param maxEntries the most letters kept per stream; older ones are dropped first
     * @param retention how long a letter is kept; a stream nothing was appended to for this long disappears
     */
    record Bounds(int maxEntries, Duration retention) {

        /**
         * Checks the bounds.
         *
         * @param maxEntries at least 1
         * @param retention positive, at least one millisecond
         * @throws IllegalArgumentException when a bound is out of range
         * @throws NullPointerException when {@code retention} is null
         */
        public Bounds {
            Objects.requireNonNull(retention, "retention");
            if (maxEntries < 1) {
                throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
            }
            if (retention.toMillis() < 1) {
                throw new IllegalArgumentException("retention must be at least 1 ms, was " + retention);
            }
        }
    }

    /**
     * Appends a dead letter to a stream, then applies the bounds to that stream.
     *
     * @param name the stream: the subscription's declared name, prefix included
     * @param letter the letter; its id is assigned by the store
     * @param bounds what the stream may hold
     * @return a stage that completes when it is stored
     */
    CompletionStage<Void> append(String name, Letter letter, Bounds bounds);

    /**
     * Reads the oldest letters of a stream.
     *
     * @param name the stream: a declared name, prefix included
     * @param max at most this many
     * @return the letters, oldest first; empty when there is no such stream
     */
    CompletionStage<List<Letter>> read(String name, int max);

    /**
     * Deletes letters.
     *
     * @param name the stream: a declared name, prefix included
     * @param ids their ids
     * @return how many were deleted
     */
    CompletionStage<Long> delete(String name, List<String> ids);
}
