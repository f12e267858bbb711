package dev.herald;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A generated subscriber's group and {@link Subscription#all}: issue 17.9 (a group does not rescan every member
 * on each add), ending every member once, and what a subscription covering several reports.
 */
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

    /** A member that counts how it is ended and acknowledges its UNSUBSCRIBE when the test says. */
    private static final class Member implements Subscription {
        private final String name;
        private final int buffered;
        private final long dropped;
        final CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        final AtomicInteger unsubscribes = new AtomicInteger();
        final AtomicInteger closes = new AtomicInteger();

        Member(String name, int buffered, long dropped) {
            this.name = name;
            this.buffered = buffered;
            this.dropped = dropped;
        }

        @Override
        public String channel() {
            return name;
        }

        @Override
        public boolean isActive() {
            return unsubscribes.get() == 0;
        }

        @Override
        public long dropped() {
            return dropped;
        }

        @Override
        public int buffered() {
            return buffered;
        }

        @Override
        public CompletionStage<Void> unsubscribe() {
            unsubscribes.incrementAndGet();
            return acknowledged;
        }

        @Override
        public void close() {
            closes.incrementAndGet();
            unsubscribe();
        }

        @Override
        public String toString() {
            return "Member[" + name + "]";
        }
    }

    @Test
    void unsubscribeAllEndsEachMemberOnceAndCompletesWhenEveryOneIsAcknowledged() {
        SubscriptionGroup group = new SubscriptionGroup();
        Member a = new Member("a", 0, 0);
        Member b = new Member("b", 0, 0);
        group.add(a);
        group.add(b);
        CompletableFuture<Void> ended = group.unsubscribeAll().toCompletableFuture();
        assertEquals(1, a.unsubscribes.get());
        assertEquals(1, b.unsubscribes.get());
        a.acknowledged.complete(null);
        assertFalse(ended.isDone(), "b's UNSUBSCRIBE is not acknowledged yet");
        b.acknowledged.complete(null);
        assertTrue(ended.isDone());
        group.unsubscribeAll().toCompletableFuture().join();
        assertEquals(1, a.unsubscribes.get(), "the group let go of what it ended");
        assertEquals(1, b.unsubscribes.get());
    }

    @Test
    void aSubscriptionOfSeveralSumsTheirCountsAndClosesEachOne() {
        Member a = new Member("a", 2, 4);
        Member b = new Member("b", 3, 5);
        Subscription all = Subscription.all(List.of(a, b));
        assertEquals(5, all.buffered());
        assertEquals(9, all.dropped());
        assertEquals("a, b", all.channel());
        assertEquals("Subscription[Member[a], Member[b]]", all.toString());
        all.close();
        assertEquals(1, a.closes.get(), "each member's own close waits for its acknowledgement");
        assertEquals(1, b.closes.get());
        assertFalse(all.isActive());
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
