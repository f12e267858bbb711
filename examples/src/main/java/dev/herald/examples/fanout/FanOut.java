package dev.herald.examples.fanout;

import dev.herald.Herald;
import dev.herald.examples.fanout.UserEvent.Type;
import java.io.PrintStream;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The seed's fan-out: one user event is published to a general channel, to the user's own channel
 * and, for profile changes, to a feature channel. Each consumer subscribes to exactly the slice it needs
 * instead of filtering everything.
 */
public final class FanOut {

    private final Herald herald;
    private final PrintStream out;

    /**
     * @param herald where the services talk
     * @param out where the trace goes
     */
    public FanOut(Herald herald, PrintStream out) {
        this.herald = herald;
        this.out = out;
    }

    /**
     * Publishes three events and waits until every consumer got its slice.
     *
     * @return {@code true} when the audit log got 3 events, u-1's session 2 and the profile cache 2
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean run() throws InterruptedException {
        CountDownLatch delivered = new CountDownLatch(3 + 2 + 2);
        UserEventChannelsSubscriber subscriber = new UserEventChannelsSubscriber(herald);
        subscriber.all(event -> received("audit-log    ", event, delivered));
        subscriber.user("u-1", event -> received("u-1 session  ", event, delivered));
        subscriber.profile(event -> received("profile-cache", event, delivered));

        UserEventChannels channels = new UserEventChannelsPublisher(herald);
        publishUserEvent(channels, new UserEvent(Type.SIGNED_IN, "u-1", Instant.now()));
        publishUserEvent(channels, new UserEvent(Type.PROFILE_UPDATED, "u-1", Instant.now()));
        publishUserEvent(channels, new UserEvent(Type.PROFILE_UPDATED, "u-2", Instant.now()));
        return delivered.await(10, TimeUnit.SECONDS);
    }

    /** The one place that decides who hears about an event; consumers never see the routing. */
    private static void publishUserEvent(UserEventChannels channels, UserEvent event) {
        channels.all(event);
        channels.user(event.userId(), event);
        if (event.type() == Type.PROFILE_UPDATED) {
            channels.profile(event);
        }
    }

    private void received(String consumer, UserEvent event, CountDownLatch delivered) {
        out.println(consumer + " got " + event.type() + " of " + event.userId());
        delivered.countDown();
    }
}
