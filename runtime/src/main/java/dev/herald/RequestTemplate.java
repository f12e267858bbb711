package dev.herald;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * A request-reply channel template such as {@code price:{region}:quote}: sends requests to, and serves,
 * the concrete channels its placeholder values name. Made by {@link Herald#requestTemplate(RequestDescriptor)};
 * immutable and thread-safe. Values are checked like those of a {@link TemplateChannel}.
 *
 * @param <T> the request payload type
 * @param <R> the reply payload type
 */
public interface RequestTemplate<T, R> {
    /** @return the template */
    ChannelTemplate template();

    /**
     * Returns this template with another reply timeout for its requests.
     *
     * @param timeout how long a request waits for its reply; positive
     * @return a template that differs from this one only in its timeout
     */
    RequestTemplate<T, R> withTimeout(Duration timeout);

    /**
     * Returns this template with other subscription settings for the responders it subscribes. A retry policy
     * does not apply to a responder: it is never retried, its failure is the reply.
     *
     * @param options buffer and overflow settings; unset values are this template's
     * @return a template that differs from this one only in its responders' options
     */
    RequestTemplate<T, R> withOptions(SubscriptionOptions options);

    /**
     * Sends a request to the channel the values name; never blocks.
     *
     * @param request the request payload; not {@code null}
     * @param values one value per placeholder, in the template's order
     * @return see {@link RequestChannel#request}
     * @throws IllegalArgumentException naming the placeholder, when a value cannot form a channel segment
     */
    CompletionStage<R> request(T request, Object... values);

    /**
     * Serves the requests of the channel the values name; returns once Redis acknowledged the SUBSCRIBE.
     *
     * @param responder see {@link RequestChannel#respond}
     * @param values one value per placeholder, in the template's order
     * @return the subscription
     * @throws IllegalArgumentException naming the placeholder, when a value cannot form a channel segment
     */
    Subscription respond(Responder<? super T, ? extends R> responder, Object... values);

    /**
     * Serves the requests of the channel the values name with an asynchronous responder.
     *
     * @param responder see {@link RequestChannel#respondAsync}
     * @param values one value per placeholder, in the template's order
     * @return the subscription
     * @throws IllegalArgumentException naming the placeholder, when a value cannot form a channel segment
     */
    Subscription respondAsync(AsyncResponder<? super T, ? extends R> responder, Object... values);

    /**
     * Serves the requests of every channel of the template (a pattern subscription), without waiting for
     * the PSUBSCRIBE; what generated bindings use. Refused on a transport without pattern subscriptions.
     *
     * @param responder answers each request, with the placeholder values of its channel
     * @return a stage completed with the subscription once Redis acknowledged the PSUBSCRIBE
     */
    CompletionStage<Subscription> subscribeResponderAll(TemplateResponder<? super T, ? extends R> responder);
}
