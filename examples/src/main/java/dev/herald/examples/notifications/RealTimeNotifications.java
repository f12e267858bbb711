package dev.herald.examples.notifications;

import dev.herald.Herald;
import dev.herald.Subscription;
import java.io.PrintStream;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The seed's real-time notifications: one channel per user. A WebSocket gateway subscribes to the
 * channel of each connected user; a store saves every user's notifications through one pattern
 * subscription, with the user id handed over typed.
 */
public final class RealTimeNotifications {

    private final Herald herald;
    private final PrintStream out;

    /**
     * @param herald where the services talk
     * @param out where the trace goes
     */
    public RealTimeNotifications(Herald herald, PrintStream out) {
        this.herald = herald;
        this.out = out;
    }

    /**
     * Notifies connected and offline users, then disconnects one.
     *
     * @return {@code true} when every notification was pushed and stored in time
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean run() throws InterruptedException {
        CountDownLatch pushed = new CountDownLatch(3);
        CountDownLatch stored = new CountDownLatch(5);
        NotificationsSubscriber subscriber = new NotificationsSubscriber(herald);

        // The store: one PSUBSCRIBE notifications:* for all users, however many there are.
        subscriber.notificationAny((userId, n) -> {
            out.println("store      saved for " + userId + ": " + n.message());
            stored.countDown();
        });
        // The gateway: one SUBSCRIBE per connected user, made when they connect.
        Subscription ada = subscriber.notification("u-1", n -> push("u-1", n, pushed));
        Subscription grace = subscriber.notification("u-2", n -> push("u-2", n, pushed));

        Notifications notifications = new NotificationsPublisher(herald);
        notify(notifications, "u-1", "Your order shipped");
        notify(notifications, "u-2", "Alan replied to your comment");
        notify(notifications, "u-1", "Your order was delivered");
        notify(notifications, "u-3", "Welcome back"); // u-3 is offline: stored, pushed later

        // u-2 disconnects once their notification is pushed: close() returns after Redis acknowledged
        // the UNSUBSCRIBE, so the next one is only stored, never pushed to a socket that is gone.
        boolean allPushed = pushed.await(10, TimeUnit.SECONDS);
        grace.close();
        out.println("websocket  u-2 disconnected");
        notify(notifications, "u-2", "Your password was changed");

        boolean allStored = stored.await(10, TimeUnit.SECONDS);
        ada.close();
        return allPushed && allStored;
    }

    private void push(String userId, Notification n, CountDownLatch pushed) {
        out.println("websocket  pushed to " + userId + ": " + n.message());
        pushed.countDown();
    }

    private static void notify(Notifications notifications, String userId, String message) {
        notifications.notification(userId, new Notification(userId, message, false, Instant.now()));
    }
}
