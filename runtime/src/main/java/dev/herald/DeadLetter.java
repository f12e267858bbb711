package dev.herald;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A message a subscription could not take: it did not decode, or its handler still failed after every
 * retry. Letters are kept per declared name (a channel, a channel template such as
 * {@code notifications:{userId}}, or a pattern), on Redis in a stream ({@code herald:dead-letters:<name>}),
 * in memory in a list, bounded in number, age and payload size (see
 * {@link HeraldBuilder#deadLetterLimit(int)}); read and replay them with {@link Herald#deadLetters()}.
 * A payload larger than {@link HeraldBuilder#deadLetterMaxPayloadBytes(int)} is kept cut to that size,
 * with the full {@link #size()} and {@link #sha256()}: such a letter is {@link #truncated()} and is never
 * replayed.
 *
 * @param id the entry's id in its store (a stream id on Redis), or {@code null} before it is stored
 * @param channel the concrete channel it arrived on, as sent to Redis (prefix included)
 * @param payload the payload as it arrived, or its first bytes when {@link #truncated()}
 * @param error what failed, as {@code ExceptionClass: message}
 * @param attempts how many times the handler was tried; 0 when the payload did not decode
 * @param time when it was dead-lettered
 * @param subscription the subscription that failed, prefix included: its channel (for a template,
 *     the concrete one, e.g. {@code notifications:u-42}), or {@code pattern } and the pattern
 *     (e.g. {@code pattern notifications:*})
 * @param size the size in bytes of the full payload as it arrived
 * @param sha256 the SHA-256 of the full payload as it arrived, in lower-case hex
 */
public record DeadLetter(String id, String channel, byte[] payload, String error, int attempts, Instant time,
        String subscription, int size, String sha256) {

    /**
     * Creates a dead letter.
     *
     * @param id the entry's id in its store, or {@code null} before it is stored
     * @param channel the channel it arrived on, prefix included
     * @param payload the payload, or its first bytes
     * @param error what failed
     * @param attempts how many times the handler was tried
     * @param time when it was dead-lettered
     * @param subscription the subscription that failed
     * @param size the full payload's size, at least {@code payload.length}
     * @param sha256 the full payload's SHA-256 in hex
     * @throws NullPointerException when a component other than {@code id} is null
     * @throws IllegalArgumentException when {@code size} is smaller than the payload kept
     */
    public DeadLetter {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(sha256, "sha256");
        if (size < payload.length) {
            throw new IllegalArgumentException("size " + size + " is smaller than the " + payload.length + " bytes kept");
        }
    }

    /**
     * Makes a letter not yet stored, keeping at most {@code maxPayloadBytes} of the payload; the full
     * payload's size and SHA-256 are kept either way.
     *
     * @param channel the channel it arrived on, prefix included
     * @param subscription the subscription that failed
     * @param payload the full payload as it arrived
     * @param maxPayloadBytes how much of the payload to keep, at least 0
     * @param error what failed
     * @param attempts how many times the handler was tried
     * @param time when it was dead-lettered
     * @return the letter, with a {@code null} id
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when {@code maxPayloadBytes} is negative
     */
    public static DeadLetter of(String channel, String subscription, byte[] payload, int maxPayloadBytes, String error,
            int attempts, Instant time) {
        Objects.requireNonNull(payload, "payload");
        if (maxPayloadBytes < 0) {
            throw new IllegalArgumentException("maxPayloadBytes must not be negative, was " + maxPayloadBytes);
        }
        byte[] kept = payload.length <= maxPayloadBytes ? payload : Arrays.copyOf(payload, maxPayloadBytes);
        return new DeadLetter(null, channel, kept, error, attempts, time, subscription, payload.length, sha256Of(payload));
    }

    /**
     * The SHA-256 of some bytes, as kept in {@link #sha256()}.
     *
     * @param bytes the bytes
     * @return the hash in lower-case hex
     */
    public static String sha256Of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** @return whether only the first bytes of the payload were kept; such a letter cannot be replayed */
    public boolean truncated() {
        return payload.length < size;
    }

    /** @return the payload (or what was kept of it) as UTF-8 text */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DeadLetter[" + id + " on '" + channel + "' by " + subscription + " after " + attempts + " attempt(s)"
                + (truncated() ? ", " + payload.length + " of " + size + " bytes kept" : "") + ": " + error + "]";
    }
}
