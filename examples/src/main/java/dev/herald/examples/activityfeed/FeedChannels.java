package dev.herald.examples.activityfeed;

import dev.herald.annotation.Channel;

/**
 * A feed per user and one global feed. Mind the overlap: a pattern subscription to every user feed
 * ({@code userFeedAny}, {@code PSUBSCRIBE feed:*}) would also receive {@code feed:global}, with
 * "global" as the user id.
 */
public interface FeedChannels {

    /**
     * An activity in one user's feed.
     *
     * @param userId fills {@code {userId}}
     * @param activity the activity
     */
    @Channel("feed:{userId}")
    void userFeed(String userId, Activity activity);

    /**
     * An activity in the global feed.
     *
     * @param activity the activity
     */
    @Channel("feed:global")
    void globalFeed(Activity activity);
}
