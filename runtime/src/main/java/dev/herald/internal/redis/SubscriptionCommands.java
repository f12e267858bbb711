package dev.herald.internal.redis;

import java.util.concurrent.CompletionStage;

/** Sends the pub/sub commands of the connection a {@link SubscriptionReconciler} keeps in line. */
public interface SubscriptionCommands {

    /**
     * Sends {@code SUBSCRIBE}, {@code UNSUBSCRIBE}, {@code PSUBSCRIBE} or {@code PUNSUBSCRIBE} for some names.
     * The server's per-name acknowledgements must be passed to {@link SubscriptionReconciler#acknowledged}; the
     * stage is only read for a failure (an error reply, a timeout, a connection that refused the write).
     *
     * @param pattern whether the names are patterns
     * @param subscribe whether to subscribe (or unsubscribe)
     * @param names one or more names
     * @return the command's stage
     */
    CompletionStage<?> send(boolean pattern, boolean subscribe, String[] names);

    /**
     * Says how a command's failure is to be read.
     *
     * @param failure what the stage of {@link #send} failed with, unwrapped
     * @return what it means for the names of the command
     */
    CommandFailure classify(Throwable failure);
}
