package dev.herald.internal.durable;

/**
 * What a durable subscription hands each decoded message to, with the concrete channel it came from.
 *
 * @param <T> the payload type
 */
@FunctionalInterface
public interface DurableSink<T> {

    /**
     * @param channel the concrete channel, prefix included
     * @param message the decoded message
     * @throws Exception when the handler fails: the retry policy applies, then the dead letters
     */
    void accept(String channel, T message) throws Exception;
}
