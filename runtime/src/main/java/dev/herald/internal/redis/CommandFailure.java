package dev.herald.internal.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;

/** How a subscription command failed, for the {@link SubscriptionReconciler} to decide what follows. */
public enum CommandFailure {
    /** The server answered with an error: the command did nothing. */
    REFUSED,
    /** No answer in time: the server may still execute it. */
    TIMED_OUT,
    /** The connection did not take the command: a reconnect follows, and a full reconcile with it. */
    NOT_SENT;

    /**
     * Reads a failure as Lettuce reports it: an error reply is {@link #REFUSED}, a command timeout
     * {@link #TIMED_OUT}, anything else (the connection did not take the command) {@link #NOT_SENT}.
     *
     * @param failure what a command's stage failed with, unwrapped
     * @return what it means for the names of the command
     */
    public static CommandFailure ofLettuce(Throwable failure) {
        if (failure instanceof RedisCommandExecutionException) {
            return REFUSED;
        }
        if (failure instanceof RedisCommandTimeoutException) {
            return TIMED_OUT;
        }
        return NOT_SENT;
    }
}
