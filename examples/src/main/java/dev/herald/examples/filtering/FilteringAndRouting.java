package dev.herald.examples.filtering;

import dev.herald.Herald;
import dev.herald.examples.filtering.AccountEvent.Status;
import dev.herald.examples.filtering.AccountEvent.Type;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The seed's filtering and routing: one subscriber on a broad channel drops what it does not care about
 * (suspended accounts) and routes the rest by type. One channel instead of one per criterion; the
 * payload's enums make the switch exhaustive, so a new event type is a compile error here, not a
 * silently ignored message.
 */
public final class FilteringAndRouting {

    private final Herald herald;
    private final PrintStream out;

    /**
     * @param herald where the services talk
     * @param out where the trace goes
     */
    public FilteringAndRouting(Herald herald, PrintStream out) {
        this.herald = herald;
        this.out = out;
    }

    /**
     * Publishes four events, one of them for a suspended account, and waits until all were seen.
     *
     * @return {@code true} when the subscriber saw every event in time
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean run() throws InterruptedException {
        CountDownLatch seen = new CountDownLatch(4);
        new AccountEventsSubscriber(herald).accountEvent(event -> {
            try {
                route(event);
            } finally {
                seen.countDown();
            }
        });

        AccountEvents events = new AccountEventsPublisher(herald);
        events.accountEvent(new AccountEvent(Type.USER_CREATED, "u-1", Status.ACTIVE));
        events.accountEvent(new AccountEvent(Type.USER_UPDATED, "u-2", Status.SUSPENDED));
        events.accountEvent(new AccountEvent(Type.USER_UPDATED, "u-1", Status.ACTIVE));
        events.accountEvent(new AccountEvent(Type.PASSWORD_RESET, "u-3", Status.ACTIVE));
        return seen.await(10, TimeUnit.SECONDS);
    }

    private void route(AccountEvent event) {
        if (event.userStatus() != Status.ACTIVE) {
            out.println("skipped   " + event.type() + " of " + event.userId() + " (" + event.userStatus() + ")");
            return;
        }
        String handledBy = switch (event.type()) {
            case USER_CREATED -> "onboarding: sent welcome email";
            case USER_UPDATED -> "profiles: refreshed cached profile";
            case PASSWORD_RESET -> "security: logged out other sessions";
        };
        out.println("routed    " + event.type() + " of " + event.userId() + " -> " + handledBy);
    }
}
