package dev.herald.internal.redis;

import java.util.Set;
import java.util.function.BiConsumer;

/**
 * After a reconnect, waits for the server to acknowledge every name the {@link SubscriptionReconciler} sent
 * again (or for the name to be settled otherwise: no longer wanted), and only then says that the connection is
 * re-subscribed, with the number of channels and patterns wanted at that moment. Guarded by the reconciler's lock.
 */
final class ResubscriptionWatch {

    private final NameStates table;
    private final BiConsumer<Integer, Integer> resubscribed;
    /** The names whose acknowledgement completes the re-subscription; null when no reconnect is being watched. */
    private Set<PubSubName> pending;

    /**
     * @param table where the wanted counts are read
     * @param resubscribed told the wanted channels and patterns; called under the reconciler's lock, must hand over
     *     at once
     */
    ResubscriptionWatch(NameStates table, BiConsumer<Integer, Integer> resubscribed) {
        this.table = table;
        this.resubscribed = resubscribed;
    }

    /** Watches a re-subscription of these names; with none, it is complete at once. */
    void begin(Set<PubSubName> names) {
        pending = names;
        checkDone();
    }

    /** The name is where it is wanted on the server now, or no longer wanted. */
    void settled(PubSubName name) {
        if (pending != null && pending.remove(name)) {
            checkDone();
        }
    }

    /** The connection went down again before the re-subscription completed: nothing is told. */
    void cancel() {
        pending = null;
    }

    private void checkDone() {
        if (pending != null && pending.isEmpty()) {
            pending = null;
            resubscribed.accept(table.wantedChannels(), table.wantedPatterns());
        }
    }
}
