package dev.herald.examples.activityfeed;

import dev.herald.annotation.Channel;

/**
 * A feed per user and one global feed. The seed names them {@code feed:<userId>} and {@code feed:global};
 * Herald warns about that ({@code [HeraldChannelOverlap]}): a subscription to every user feed
 * ({@code PSUBSCRIBE feed:*}) would also receive the global feed, with "global" as a user id. So the user
 * feeds get a segment of their own.
 */
public interface FeedChannels {

    /**
     * An activity in one user's feed.
     *
     * @param userId fills {@code {userId}}
     * @param activity the activity
     */
    @Channel("feed:user:{userId}")
    void userFeed(String userId, Activity activity);

    /**
     * An activity in the global feed.
     *
     * @param activity the activity
     */
    @Channel("feed:global")
    void globalFeed(Activity activity);
}
