package dev.herald.examples.broadcast;

import dev.herald.annotation.Channel;

/** What the users API announces. */
public interface UserEvents {

    /**
     * A user's profile changed.
     *
     * @param event what changed
     */
    @Channel("user:updated")
    void userUpdated(UserUpdated event);
}
