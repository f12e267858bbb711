package dev.herald.internal.redis;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The subscription command in flight: what it does, and the names whose acknowledgement it still waits for.
 *
 * @param pattern whether its names are patterns
 * @param subscribe whether it subscribes (or unsubscribes)
 * @param pending its names not acknowledged yet; guarded by the reconciler's lock
 * @param names its names in the order sent
 */
record InFlightCommand(boolean pattern, boolean subscribe, Set<PubSubName> pending, String[] names) {

    /**
     * Sends the command.
     *
     * @param commands what sends it on the connection
     * @return the command's stage, failed when sending threw
     */
    CompletionStage<?> sendWith(SubscriptionCommands commands) {
        try {
            return commands.send(pattern, subscribe, names);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Counts one acknowledgement.
     *
     * @param name the name acknowledged
     * @param pattern whether it is a pattern
     * @param subscribed whether the reply says subscribed
     * @return whether that was this command's last outstanding name
     */
    boolean acknowledge(PubSubName name, boolean pattern, boolean subscribed) {
        return this.pattern == pattern && this.subscribe == subscribed && pending.remove(name) && pending.isEmpty();
    }
}
