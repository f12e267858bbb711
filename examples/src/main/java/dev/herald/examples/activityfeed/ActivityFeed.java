package dev.herald.examples.activityfeed;

import dev.herald.Herald;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The seed's activity feed: each activity goes to its user's feed and to the global feed. A subscriber
 * keeps the newest 100 global activities in memory (the seed keeps them in the store), so reading the
 * feed never queries the database.
 */
public final class ActivityFeed {

    private static final int FEED_SIZE = 100;
    private static final List<String> USERS = List.of("u-1", "u-2", "u-3");

    private final Deque<Activity> globalFeed = new ArrayDeque<>(); // newest first; guarded by itself
    private final Herald herald;
    private final PrintStream out;

    /**
     * @param herald where the services talk
     * @param out where the trace goes
     */
    public ActivityFeed(Herald herald, PrintStream out) {
        this.herald = herald;
        this.out = out;
    }

    /**
     * Records 120 activities of three users and reads the feeds.
     *
     * @return {@code true} when every activity arrived in time and the global feed kept the newest 100
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean run() throws InterruptedException {
        int recorded = 120;
        CountDownLatch cached = new CountDownLatch(recorded);
        CountDownLatch liveForU1 = new CountDownLatch(recorded / USERS.size()); // every third activity is u-1's
        FeedChannelsSubscriber subscriber = new FeedChannelsSubscriber(herald);
        subscriber.globalFeed(activity -> {
            synchronized (globalFeed) {
                globalFeed.addFirst(activity);
                if (globalFeed.size() > FEED_SIZE) {
                    globalFeed.removeLast();
                }
            }
            cached.countDown();
        });
        // u-1 has the app open: their own feed updates live.
        subscriber.userFeed("u-1", activity -> liveForU1.countDown());

        FeedChannels feeds = new FeedChannelsPublisher(herald);
        for (int i = 1; i <= recorded; i++) {
            recordActivity(feeds, new Activity(USERS.get((i - 1) % USERS.size()), "posted #" + i, Instant.now()));
        }
        boolean done = cached.await(10, TimeUnit.SECONDS) && liveForU1.await(10, TimeUnit.SECONDS);
        synchronized (globalFeed) {
            out.println("global feed keeps " + globalFeed.size() + " of " + recorded + " activities, newest first:");
            globalFeed.stream().limit(3).forEach(a -> out.println("  " + a.userId() + " " + a.action()));
            out.println("  ... oldest kept: " + globalFeed.getLast().userId() + " " + globalFeed.getLast().action());
            done &= globalFeed.size() == FEED_SIZE && globalFeed.getLast().action().equals("posted #21");
        }
        out.println("u-1's live feed received " + (recorded / USERS.size() - liveForU1.getCount()) + " activities");
        return done;
    }

    /** The seed's recordActivity: saving it to the database is left out. */
    private static void recordActivity(FeedChannels feeds, Activity activity) {
        feeds.userFeed(activity.userId(), activity);
        feeds.globalFeed(activity);
    }
}
