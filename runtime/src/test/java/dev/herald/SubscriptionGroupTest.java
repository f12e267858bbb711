package dev.herald;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Issue 17.9: a generated subscriber's group does not rescan every member on each add. */
class SubscriptionGroupTest {

    private static final class Counted implements Subscription {
        private final AtomicLong checks;
        private volatile boolean active = true;

        Counted(AtomicLong checks) {
            this.checks = checks;
        }

        @Override
        public String channel() {
            return "c";
        }

        @Override
        public boolean isActive() {
            checks.incrementAndGet();
            return active;
        }

        @Override
        public long dropped() {
            return 0;
        }

        @Override
        public int buffered() {
            return 0;
        }

        @Override
        public CompletionStage<Void> unsubscribe() {
            active = false;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            unsubscribe();
        }
    }

    @Test
    void addingTenThousandChecksEachMemberAFewTimesNotOncePerAdd() {
        AtomicLong checks = new AtomicLong();
        SubscriptionGroup group = new SubscriptionGroup();
        for (int i = 0; i < 10_000; i++) {
            group.add(new Counted(checks));
        }
        // a rescan per add would be 50 million checks
        assertTrue(checks.get() < 50_000, checks + " isActive() calls");
        assertEquals(10_000, group.size());
    }

    @Test
    void endedMembersAreStillPrunedAsTheGroupGrows() {
        AtomicLong checks = new AtomicLong();
        SubscriptionGroup group = new SubscriptionGroup();
        for (int i = 0; i < 1_000; i++) {
            group.add(new Counted(checks)).unsubscribe();
        }
        assertEquals(0, group.size());
        group.unsubscribeAll();
        assertEquals(0, group.size());
    }
}
