package dev.herald.internal.durable;

import java.util.List;

/**
 * What a durable subscription reads: one concrete channel, or every channel of a template.
 *
 * @param name the subscription's channel as {@link dev.herald.Subscription#channel()} reports it, prefix included
 * @param channel the concrete channel, prefix included, or {@code null} for a template's every value
 * @param pattern the template's glob over channels, prefix included, or {@code null} for a concrete channel
 * @param deadLetters the declared name its dead letters are kept under, prefix included
 * @param probe measures it under its declared name
 */
public record DurableTarget(String name, String channel, String pattern, String deadLetters, DurableProbe probe) {

    /** @return the streams known at once: the concrete channel's, or none for a template */
    List<String> initialStreams() {
        return channel != null ? List.of(StreamNames.of(channel)) : List.of();
    }
}
