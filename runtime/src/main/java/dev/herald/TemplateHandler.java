package dev.herald;

/**
 * Receives the messages of every channel of a template, with the placeholder values of each; generated
 * subscribers adapt it to a handler with typed parameters.
 *
 * @param <T> the payload type
 */
@FunctionalInterface
public interface TemplateHandler<T> {

    /**
     * Handles one message.
     *
     * @param values the placeholder values of the channel it was published on
     * @param message the decoded payload; never {@code null}
     * @throws Exception anything; a {@link ChannelParseException} is reported as a decode failure, anything
     *     else as a handler failure, and the subscription lives on
     */
    void onMessage(ChannelValues values, T message) throws Exception;
}
