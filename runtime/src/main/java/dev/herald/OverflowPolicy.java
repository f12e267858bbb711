package dev.herald;

/**
 * What a subscription does with a message that arrives while its buffer is full. Every dropped message
 * is counted ({@link Subscription#dropped()}) and reported to the {@link ErrorHandler} as
 * {@link HeraldError.Kind#OVERFLOW}, at most once a second per subscription for the dropping policies.
 * None of them blocks: a full subscription never stalls Redis's connection or the other subscriptions.
 */
public enum OverflowPolicy {
    /** Keep the buffered messages and drop the one that arrived. The default. */
    DROP_NEWEST,
    /** Drop the oldest buffered message to make room for the one that arrived. */
    DROP_OLDEST,
    /**
     * Fail loudly: end the subscription (the handler receives nothing more, the last one to leave a channel
     * sends UNSUBSCRIBE) and report a {@link SubscriptionOverflowException}, like Redis drops a client
     * whose output buffer is full. For consumers that must see every message or none.
     */
    FAIL
}
