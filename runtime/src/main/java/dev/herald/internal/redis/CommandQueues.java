package dev.herald.internal.redis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The names waiting for their next subscription command, one first-in-first-out queue per command
 * (SUBSCRIBE, UNSUBSCRIBE, PSUBSCRIBE, PUNSUBSCRIBE): a name waits in at most one, the one its wanted state
 * needs, and leaves it in the next batch of that command. Guarded by the {@link SubscriptionReconciler}'s lock.
 */
final class CommandQueues {

    /** Insertion-ordered, so first in, first out; indexed by {@link #index(boolean, boolean)}. */
    private final List<LinkedHashSet<PubSubName>> queues = List.of(
            new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());

    private static int index(boolean pattern, boolean subscribe) {
        return (pattern ? 2 : 0) + (subscribe ? 1 : 0);
    }

    /** @return whether the queue of that index holds names to subscribe */
    static boolean subscribes(int index) {
        return (index & 1) == 1;
    }

    /** Puts a name in the queue for the command its wanted state needs, taking it out of any other. */
    void enqueue(PubSubName name, NameState state) {
        int target = index(name.pattern(), state.wanted);
        if (state.queuedIn == target) {
            return;
        }
        remove(name, state);
        queues.get(target).add(name);
        state.queuedIn = target;
    }

    /** Takes a name out of the queue it waits in, if any. */
    void remove(PubSubName name, NameState state) {
        if (state.queuedIn != NameState.NOT_QUEUED) {
            queues.get(state.queuedIn).remove(name);
            state.queuedIn = NameState.NOT_QUEUED;
        }
    }

    /** Empties every queue; the names' states are reset by the caller. */
    void clear() {
        for (LinkedHashSet<PubSubName> queue : queues) {
            queue.clear();
        }
    }

    /**
     * Takes the next command's names out of the first queue that has any, marking each as sent.
     *
     * @param batchSize the most names in one command
     * @param states the state of each queued name
     * @return the command, or null when no name waits
     */
    InFlightCommand next(int batchSize, Function<PubSubName, NameState> states) {
        int next = NameState.NOT_QUEUED;
        for (int q = 0; q < queues.size(); q++) {
            if (!queues.get(q).isEmpty()) {
                next = q;
                break;
            }
        }
        if (next == NameState.NOT_QUEUED) {
            return null;
        }
        boolean subscribe = subscribes(next);
        Set<PubSubName> batch = new HashSet<>();
        List<String> names = new ArrayList<>(Math.min(batchSize, queues.get(next).size()));
        for (Iterator<PubSubName> it = queues.get(next).iterator(); it.hasNext() && names.size() < batchSize; ) {
            PubSubName name = it.next();
            it.remove();
            NameState state = states.apply(name);
            state.queuedIn = NameState.NOT_QUEUED;
            state.sent(subscribe);
            batch.add(name);
            names.add(name.name());
        }
        return new InFlightCommand(next >= 2, subscribe, batch, names.toArray(new String[0]));
    }
}
