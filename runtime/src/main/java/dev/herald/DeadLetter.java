package dev.herald;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * A message no handler could take: it did not decode, or its handler still failed after every retry.
 * Kept per channel, on Redis in a stream ({@code herald:dead-letters:<channel>}), in memory in a list,
 * at most 10,000 per channel (oldest dropped); read and replay them with {@link Herald#deadLetters()}.
 *
 * @param id the entry's id in its store (a stream id on Redis)
 * @param channel the channel it arrived on, as sent to Redis (prefix included)
 * @param payload the raw payload
 * @param error what failed, as {@code ExceptionClass: message}
 * @param attempts how many times the handler was tried; 0 when the payload did not decode
 * @param time when it was dead-lettered
 */
public record DeadLetter(String id, String channel, byte[] payload, String error, int attempts, Instant time) {

    /**
     * Creates a dead letter.
     *
     * @param id the entry's id in its store, or {@code null} before it is stored
     * @param channel the channel it arrived on, prefix included
     * @param payload the raw payload
     * @param error what failed
     * @param attempts how many times the handler was tried
     * @param time when it was dead-lettered
     * @throws NullPointerException when a component other than {@code id} is null
     */
    public DeadLetter {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(time, "time");
    }

    /** @return the payload as UTF-8 text */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DeadLetter[" + id + " on '" + channel + "' after " + attempts + " attempt(s): " + error + "]";
    }
}
