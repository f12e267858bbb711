package dev.herald.examples.broadcast;

import dev.herald.Herald;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The seed's event broadcasting: the users API publishes {@code user:updated} once, and three
 * independent subscribers react to it. The API knows none of them; adding a fourth changes no API code.
 */
public final class UserUpdateBroadcast {

    private final Herald herald;
    private final PrintStream out;

    /**
     * @param herald where the services talk
     * @param out where the trace goes
     */
    public UserUpdateBroadcast(Herald herald, PrintStream out) {
        this.herald = herald;
        this.out = out;
    }

    /**
     * Updates two users and waits until every subscriber saw both updates.
     *
     * @return {@code true} when all three subscribers handled both updates in time
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean run() throws InterruptedException {
        CountDownLatch handled = new CountDownLatch(2 * 3);
        UserEventsSubscriber subscriber = new UserEventsSubscriber(herald);

        // Three subscriptions to one channel share one Redis SUBSCRIBE, yet each has its own thread and
        // buffer: a slow search index does not hold back the notifications.
        subscriber.userUpdated(event -> {
            out.println("search-index  reindexed " + event.userId() + " " + event.changes().keySet());
            handled.countDown();
        });
        subscriber.userUpdated(event -> {
            out.println("notifications told " + event.userId() + ": Your profile was updated");
            handled.countDown();
        });
        subscriber.userUpdated(event -> {
            out.println("analytics     tracked user_updated for " + event.userId());
            handled.countDown();
        });

        UserEvents api = new UserEventsPublisher(herald);
        updateUser(api, "u-1", Map.of("displayName", "Ada"));
        updateUser(api, "u-2", Map.of("email", "grace@example.com"));
        return handled.await(10, TimeUnit.SECONDS);
    }

    /** The API's update action: save the user (omitted), then broadcast what changed. */
    private void updateUser(UserEvents api, String userId, Map<String, String> changes) {
        api.userUpdated(new UserUpdated(userId, changes, Instant.now()));
        out.println("api           published user:updated for " + userId);
    }
}
