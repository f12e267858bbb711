package dev.herald;

/**
 * What this Herald's requests came to since it started; see {@link Herald#requestCounts()}.
 *
 * @param sent requests published
 * @param answered requests completed by a reply
 * @param timedOut requests failed by {@link RequestTimeoutException}
 * @param noResponder requests failed by {@link NoResponderException}
 * @param remoteFailures requests failed by {@link RemoteHandlerException}
 * @param lateReplies replies that arrived for no pending request (after its timeout, a second responder's
 *     reply, or after the request failed otherwise); dropped
 * @param pending requests waiting for their reply now
 */
public record RequestCounts(long sent, long answered, long timedOut, long noResponder, long remoteFailures,
        long lateReplies, int pending) {
}
