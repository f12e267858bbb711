package dev.herald.internal.redis;

/** How a subscription command failed, for the {@link SubscriptionReconciler} to decide what follows. */
public enum CommandFailure {
    /** The server answered with an error: the command did nothing. */
    REFUSED,
    /** No answer in time: the server may still execute it. */
    TIMED_OUT,
    /** The connection did not take the command: a reconnect follows, and a full reconcile with it. */
    NOT_SENT
}
