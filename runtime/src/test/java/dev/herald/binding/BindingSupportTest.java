package dev.herald.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.HeraldException;
import dev.herald.PayloadType;
import dev.herald.Subscription;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** What a generated {@code listen} relies on: a failure part-way leaves nothing subscribed. */
class BindingSupportTest {

    /** A subscription that records whether it was ended, and can refuse to end. */
    private static final class Recorded implements Subscription {
        private final String channel;
        private final boolean refuses;
        private boolean active = true;

        Recorded(String channel, boolean refuses) {
            this.channel = channel;
            this.refuses = refuses;
        }

        @Override
        public String channel() {
            return channel;
        }

        @Override
        public boolean isActive() {
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
            if (refuses) {
                throw new IllegalStateException("cannot end " + channel);
            }
            active = false;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            unsubscribe();
        }
    }

    @Test
    void whatWasMadeIsOneSubscription() {
        BindingSupport.Subscriptions made = new BindingSupport.Subscriptions();
        Recorded a = new Recorded("a", false);
        Recorded b = new Recorded("b", false);
        made.add(a);
        made.add(b);
        Subscription all = made.all();
        assertTrue(all.isActive());
        all.unsubscribe().toCompletableFuture().join();
        assertFalse(a.isActive());
        assertFalse(b.isActive());
    }

    @Test
    void undoEndsEverythingMadeSoFarAndKeepsWhatCouldNotBeEnded() {
        BindingSupport.Subscriptions made = new BindingSupport.Subscriptions();
        Recorded a = new Recorded("a", false);
        Recorded stubborn = new Recorded("stubborn", true);
        Recorded c = new Recorded("c", false);
        List.of(a, stubborn, c).forEach(made::add);
        RuntimeException failure = new RuntimeException("the fourth subscribe failed");

        made.undo(failure);

        assertFalse(a.isActive());
        assertFalse(c.isActive(), "one that could not be ended does not stop the others");
        assertEquals(1, failure.getSuppressed().length);
        assertEquals("cannot end stubborn", failure.getSuppressed()[0].getMessage());
        assertThrows(NullPointerException.class, () -> made.add((Subscription) null));
        assertThrows(NullPointerException.class, () -> made.add((CompletionStage<Subscription>) null));
    }

    @Test
    void allWaitsForEverySubscriptionNotYetAcknowledgedAndCoversThemAll() {
        try (Herald herald = Herald.inMemory()) {
            BindingSupport.Subscriptions made = new BindingSupport.Subscriptions();
            made.add(herald.channel("listen:a", PayloadType.of(String.class)).subscribeAsync(message -> { }));
            made.add(herald.channel("listen:b", PayloadType.of(String.class)).subscribeAsync(message -> { }));
            Subscription all = made.all(herald);
            assertTrue(all.isActive());
            assertTrue(all.channel().contains("listen:a") && all.channel().contains("listen:b"), all.channel());
            all.close();
            assertFalse(all.isActive());
        }
    }

    @Test
    void undoAlsoEndsWhatIsAcknowledgedAfterIt() {
        BindingSupport.Subscriptions made = new BindingSupport.Subscriptions();
        CompletableFuture<Subscription> late = new CompletableFuture<>();
        made.add(late);
        made.undo(new RuntimeException("the next subscribe failed"));
        Recorded acknowledgedLate = new Recorded("late", false);
        late.complete(acknowledgedLate);
        assertFalse(acknowledgedLate.isActive(), "a subscription acknowledged after the failure does not stay");
    }

    @Test
    void aFailedSubscriptionEndsTheOthersAndIsThrown() {
        try (Herald herald = Herald.inMemory()) {
            BindingSupport.Subscriptions made = new BindingSupport.Subscriptions();
            Recorded fine = new Recorded("fine", false);
            made.add(CompletableFuture.completedFuture(fine));
            made.add(CompletableFuture.failedFuture(new IllegalStateException("NOPERM")));
            assertThrows(HeraldException.class, () -> made.all(herald));
            assertFalse(fine.isActive());
        }
    }
}
