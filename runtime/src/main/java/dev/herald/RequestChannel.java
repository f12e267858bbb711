package dev.herald;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * A request-reply channel: sends typed requests and completes each with its typed reply, or serves the
 * requests with a responder. Made by {@link Herald#requests(RequestDescriptor)}; immutable and thread-safe.
 *
 * <p>Requests travel in an envelope that carries a correlation id and the requester's reply channel, the
 * payload inside it being the same plain JSON as a pub/sub message (the README documents it). A Herald
 * subscribes once, lazily, to a reply channel of its own; it never subscribes per request.
 *
 * @param <T> the request payload type
 * @param <R> the reply payload type
 */
public interface RequestChannel<T, R> {
    /** @return the full request channel name, prefix included */
    String name();

    /**
     * Returns this channel with another reply timeout for its requests.
     *
     * @param timeout how long a request waits for its reply; positive
     * @return a channel that differs from this one only in its timeout
     */
    RequestChannel<T, R> withTimeout(Duration timeout);

    /**
     * Returns this channel with other subscription settings for the responders it subscribes. A retry policy
     * does not apply to a responder: it is never retried, its failure is the reply.
     *
     * @param options buffer and overflow settings; unset values are this channel's
     * @return a channel that differs from this one only in its responders' options
     */
    RequestChannel<T, R> withOptions(SubscriptionOptions options);

    /**
     * Sends a request; never blocks. The first request of a Herald subscribes its reply channel and is published
     * once Redis acknowledged that SUBSCRIBE; later ones are published at once.
     *
     * <p>The stage completes on a Herald thread, never on Lettuce's event loop: a reply on the thread that
     * handles the reply channel, a timeout on the Herald's timer thread. A dependent action that blocks holds up
     * the replies of the other requests meanwhile; give it an executor ({@code thenApplyAsync(fn, executor)}).
     *
     * <p>{@link NoResponderException} comes from the receiver count Redis answers the PUBLISH with. On Redis
     * Cluster the request is sharded ({@code SPUBLISH}) and the count is that of the shard's node, where Herald
     * responders subscribe ({@code SSUBSCRIBE} on the slot's master), so it counts them all.
     *
     * @param request the request payload; not {@code null}
     * @return a stage completed with the first reply; it fails with {@link NoResponderException} when nobody
     *     was subscribed to the channel, {@link RequestTimeoutException} when no reply came in time,
     *     {@link RemoteHandlerException} when the responder failed, {@link PublishFailedException} when the
     *     request could not be sent, and {@link HeraldException} when the Herald closed first
     */
    CompletionStage<R> request(T request);

    /**
     * Serves the channel's requests; returns once Redis acknowledged the SUBSCRIBE.
     *
     * @param responder computes each reply on a Herald handler thread, one request at a time; when it throws, the
     *     requester's stage fails with a {@link RemoteHandlerException} and the error handler hears of it
     * @return the subscription; ending it stops serving
     * @throws HeraldException when the subscription was refused or not acknowledged in time
     */
    Subscription respond(Responder<? super T, ? extends R> responder);

    /**
     * Serves the channel's requests with a responder whose replies complete later; returns once Redis
     * acknowledged the SUBSCRIBE.
     *
     * @param responder starts each reply on a Herald handler thread; the reply is sent when its stage completes
     * @return the subscription; ending it stops serving
     * @throws HeraldException when the subscription was refused or not acknowledged in time
     */
    Subscription respondAsync(AsyncResponder<? super T, ? extends R> responder);

    /**
     * Serves the channel's requests without waiting for the SUBSCRIBE; what generated bindings use to
     * subscribe many channels at once.
     *
     * @param responder see {@link #respondAsync}
     * @return a stage completed with the subscription once Redis acknowledged the SUBSCRIBE
     */
    CompletionStage<Subscription> subscribeResponder(AsyncResponder<? super T, ? extends R> responder);
}
