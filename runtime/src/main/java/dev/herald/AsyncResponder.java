package dev.herald;

import java.util.concurrent.CompletionStage;

/**
 * Answers the requests of a request-reply channel asynchronously: the reply is sent when the returned
 * stage completes, and the handler thread is free meanwhile.
 *
 * @param <T> the request payload type
 * @param <R> the reply payload type
 */
@FunctionalInterface
public interface AsyncResponder<T, R> {
    /**
     * Starts answering one request.
     *
     * @param request the decoded request payload; never {@code null}
     * @return a stage completed with the reply; never {@code null}. A stage that fails, like an exception
     *     thrown here, fails the requester's stage with a {@link RemoteHandlerException}
     * @throws Exception anything; see {@link Responder#respond}
     */
    CompletionStage<R> respond(T request) throws Exception;
}
