package dev.herald;

import java.util.concurrent.CompletionStage;

/**
 * A {@link MessageHandler} whose work completes asynchronously; see {@link MessageHandler#awaiting}.
 *
 * @param <T> the payload type
 */
@FunctionalInterface
public interface AsyncMessageHandler<T> {

    /**
     * Starts handling one message.
     *
     * @param message the decoded payload; never {@code null}
     * @return a stage that completes when the message is handled; never {@code null}
     * @throws Exception anything; it is reported to the error handler
     */
    CompletionStage<?> onMessage(T message) throws Exception;
}
