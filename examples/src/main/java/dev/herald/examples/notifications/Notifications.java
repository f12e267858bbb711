package dev.herald.examples.notifications;

import dev.herald.annotation.Channel;

/** One channel per user: {@code notifications:u-1}, {@code notifications:u-2}, ... */
public interface Notifications {

    /**
     * A notification for one user.
     *
     * @param userId fills {@code {userId}}; a value holding {@code :}, {@code *} or whitespace is refused
     * @param notification the notification
     */
    @Channel("notifications:{userId}")
    void notification(String userId, Notification notification);
}
