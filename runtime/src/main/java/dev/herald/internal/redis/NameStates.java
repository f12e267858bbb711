package dev.herald.internal.redis;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Per channel and per pattern of one pub/sub connection, what is wanted and what the server acknowledged (a
 * {@link NameState} each), and how many channels and patterns are wanted. A name is kept only while there is
 * something to know of it. Guarded by the {@link SubscriptionReconciler}'s lock.
 */
final class NameStates {

    private final Map<PubSubName, NameState> states = new HashMap<>();
    private int wantedChannels;
    private int wantedPatterns;

    /** @return the state of the name, or null when nothing is known of it */
    NameState get(PubSubName name) {
        return states.get(name);
    }

    /** @return the state of the name, a new one when nothing was known of it */
    NameState getOrAdd(PubSubName name) {
        return states.computeIfAbsent(name, n -> new NameState());
    }

    /** Marks the name wanted, counting it; nothing changes when it was wanted already. */
    void want(PubSubName name, NameState state) {
        if (!state.wanted) {
            state.wanted = true;
            count(name, 1);
        }
    }

    /**
     * Marks the name not wanted, counting it out.
     *
     * @return whether it was wanted
     */
    boolean unwant(PubSubName name, NameState state) {
        if (!state.wanted) {
            return false;
        }
        state.wanted = false;
        count(name, -1);
        return true;
    }

    private void count(PubSubName name, int delta) {
        if (name.pattern()) {
            wantedPatterns += delta;
        } else {
            wantedChannels += delta;
        }
    }

    int wantedChannels() {
        return wantedChannels;
    }

    int wantedPatterns() {
        return wantedPatterns;
    }

    /** Forgets the name when nothing about it needs remembering. */
    void forgetIfIdle(PubSubName name, NameState state) {
        if (state.idle()) {
            states.remove(name);
        }
    }

    /** Hands every name and its state to the action, then forgets those left idle. */
    void forEachThenForgetIdle(BiConsumer<PubSubName, NameState> action) {
        states.forEach(action);
        for (Iterator<NameState> it = states.values().iterator(); it.hasNext(); ) {
            if (it.next().idle()) {
                it.remove();
            }
        }
    }

    /** Hands every state to the action. */
    void forEach(BiConsumer<PubSubName, NameState> action) {
        states.forEach(action);
    }
}
