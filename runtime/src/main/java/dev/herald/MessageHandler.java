package dev.herald;

import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Receives the decoded messages of one subscription.
 *
 * <p>Herald calls a handler on its own handler threads, never on Lettuce's event loop, one message at a
 * time and in publish order for each subscription. A handler may block; it then delays only its own
 * subscription. Whatever it throws goes to the {@link ErrorHandler} and the subscription keeps receiving.
 *
 * @param <T> the payload type
 */
@FunctionalInterface
public interface MessageHandler<T> {

    /**
     * Handles one message.
     *
     * @param message the decoded payload; never {@code null}
     * @throws Exception anything; it is reported to the error handler and the subscription lives on
     */
    void onMessage(T message) throws Exception;

    /**
     * Adapts a handler that finishes its work asynchronously: the next message of the subscription is
     * handed over only once the returned stage completed, and a stage that fails is reported like a
     * thrown exception.
     *
     * @param handler the asynchronous handler; must not return {@code null}
     * @param <T> the payload type
     * @return a handler that waits for {@code handler}'s stage
     */
    static <T> MessageHandler<T> awaiting(AsyncMessageHandler<T> handler) {
        Objects.requireNonNull(handler, "handler");
        return message -> await(handler.onMessage(message));
    }

    /** Waits for a stage; its failure is thrown as the handler's own exception. */
    private static void await(CompletionStage<?> stage) throws Exception {
        if (stage == null) {
            throw new NullPointerException("the handler returned null instead of a CompletionStage");
        }
        try {
            stage.toCompletableFuture().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw cause instanceof Exception exception ? exception : new CompletionException(cause);
        }
    }
}
