package dev.herald;

/**
 * Answers the requests of a request-reply channel; its return value is the reply.
 *
 * @param <T> the request payload type
 * @param <R> the reply payload type
 */
@FunctionalInterface
public interface Responder<T, R> {
    /**
     * Answers one request.
     *
     * @param request the decoded request payload; never {@code null}
     * @return the reply; never {@code null}
     * @throws Exception anything: the requester's stage fails with a {@link RemoteHandlerException} carrying
     *     its type and message (never its stack), and the error handler hears of it
     */
    R respond(T request) throws Exception;
}
