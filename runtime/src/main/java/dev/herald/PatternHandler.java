package dev.herald;

/**
 * Receives the decoded messages of a pattern subscription, with the channel each was published on.
 *
 * @param <T> the payload type
 */
@FunctionalInterface
public interface PatternHandler<T> {

    /**
     * Handles one message.
     *
     * @param channel the channel it was published on, without the configured prefix
     * @param message the decoded payload; never {@code null}
     * @throws Exception anything; it is reported to the error handler and the subscription lives on
     */
    void onMessage(String channel, T message) throws Exception;
}
