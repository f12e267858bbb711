package dev.herald.examples.fanout;

import dev.herald.annotation.Channel;

/** One event, three audiences: everyone, the user, the profile feature. */
public interface UserEventChannels {

    /**
     * Every user event, for consumers that want them all (audit, metrics).
     *
     * @param event the event
     */
    @Channel("events:all")
    void all(UserEvent event);

    /**
     * The events of one user, for that user's sessions.
     *
     * @param userId fills {@code {userId}}
     * @param event the event
     */
    @Channel("events:user:{userId}")
    void user(String userId, UserEvent event);

    /**
     * Profile changes only, for the services that cache profiles.
     *
     * @param event the event
     */
    @Channel("events:profile")
    void profile(UserEvent event);
}
