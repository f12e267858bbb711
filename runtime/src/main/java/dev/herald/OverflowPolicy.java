package dev.herald;

/**
 * What a subscription does with a message that arrives while its buffer is full. Every dropped message
 * is counted ({@link Subscription#dropped()}) and reported to the {@link ErrorHandler} as
 * {@link HeraldError.Kind#OVERFLOW}, at most once a second per subscription.
 */
public enum OverflowPolicy {
    /** Keep the buffered messages and drop the one that arrived. The default. */
    DROP_NEWEST,
    /** Drop the oldest buffered message to make room for the one that arrived. */
    DROP_OLDEST
}
