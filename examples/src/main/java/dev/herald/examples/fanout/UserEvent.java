package dev.herald.examples.fanout;

import java.time.Instant;

/**
 * Something a user did.
 *
 * @param type what happened
 * @param userId who did it
 * @param timestamp when
 */
public record UserEvent(Type type, String userId, Instant timestamp) {

    /** The kinds of user event. */
    public enum Type {
        /** The user signed in. */
        SIGNED_IN,
        /** The user changed their profile. */
        PROFILE_UPDATED
    }
}
