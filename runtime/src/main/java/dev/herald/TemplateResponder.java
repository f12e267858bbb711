package dev.herald;

import java.util.concurrent.CompletionStage;

/**
 * Answers the requests of every channel of a request-reply template, with the placeholder values of each;
 * what {@code herald.listen} subscribes for a template request-reply method.
 *
 * @param <T> the request payload type
 * @param <R> the reply payload type
 */
@FunctionalInterface
public interface TemplateResponder<T, R> {
    /**
     * Starts answering one request.
     *
     * @param values the placeholder values of the channel the request was sent on
     * @param request the decoded request payload; never {@code null}
     * @return a stage completed with the reply; never {@code null}
     * @throws Exception anything; see {@link Responder#respond}
     */
    CompletionStage<R> respond(ChannelValues values, T request) throws Exception;
}
