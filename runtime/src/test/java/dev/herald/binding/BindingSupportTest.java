package dev.herald.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.HeraldException;
import dev.herald.PayloadType;
import dev.herald.Subscription;
import dev.herald.internal.memory.InMemoryTransport;
import dev.herald.spi.DeadLetterStore;
import dev.herald.spi.Transport;
import dev.herald.spi.TransportHealth;
import dev.herald.spi.TransportListener;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * What a generated {@code listen} relies on: its SUBSCRIBE commands go out together, a failure part-way leaves
 * nothing subscribed, and a listener's stage is waited for.
 */
class BindingSupportTest {

    /** A subscription that records whether it was ended, and can refuse to end. */
    private static final class Recorded implements Subscription {
        private final String channel;
        private final boolean refuses;
        private boolean active = true;
        private int ends;

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
            ends++;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            unsubscribe();
        }

        @Override
        public String toString() {
            return "Recorded[" + channel + "]";
        }
    }

    /**
     * An in-memory transport that batches like Redis's: while a hold is open, SUBSCRIBE commands wait, and they
     * go out (and are acknowledged) once the last hold is released.
     */
    private static final class HoldingTransport implements Transport {
        private final InMemoryTransport inner = new InMemoryTransport();
        private final List<Runnable> held = new ArrayList<>();
        private int holds;

        synchronized boolean holding() {
            return holds > 0;
        }

        @Override
        public synchronized Runnable holdSubscribes() {
            holds++;
            AtomicBoolean released = new AtomicBoolean();
            return () -> {
                if (released.compareAndSet(false, true)) {
                    release();
                }
            };
        }

        private void release() {
            List<Runnable> due;
            synchronized (this) {
                holds--;
                if (holds > 0) {
                    return;
                }
                due = new ArrayList<>(held);
                held.clear();
            }
            due.forEach(Runnable::run);
        }

        @Override
        public CompletionStage<Void> subscribe(String channel) {
            synchronized (this) {
                if (holds > 0) {
                    CompletableFuture<Void> sent = new CompletableFuture<>();
                    held.add(() -> inner.subscribe(channel).whenComplete((done, failure) -> {
                        if (failure == null) {
                            sent.complete(done);
                        } else {
                            sent.completeExceptionally(failure);
                        }
                    }));
                    return sent;
                }
            }
            return inner.subscribe(channel);
        }

        @Override
        public void start(TransportListener listener) {
            inner.start(listener);
        }

        @Override
        public CompletionStage<Long> publish(String channel, byte[] payload) {
            return inner.publish(channel, payload);
        }

        @Override
        public CompletionStage<Void> unsubscribe(String channel) {
            return inner.unsubscribe(channel);
        }

        @Override
        public CompletionStage<Void> psubscribe(String pattern) {
            return inner.psubscribe(pattern);
        }

        @Override
        public CompletionStage<Void> punsubscribe(String pattern) {
            return inner.punsubscribe(pattern);
        }

        @Override
        public CompletionStage<String> ping() {
            return inner.ping();
        }

        @Override
        public CompletionStage<TransportHealth> health(Collection<String> channels) {
            return inner.health(channels);
        }

        @Override
        public DeadLetterStore deadLetters() {
            return inner.deadLetters();
        }

        @Override
        public boolean isIoThread() {
            return inner.isIoThread();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    private static Herald holding(HoldingTransport transport) {
        return Herald.builder().transport(transport).commandTimeout(Duration.ofSeconds(5)).build();
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

    @Test
    void subscribesWaitForAllAndThenGoOutTogether() throws Exception {
        HoldingTransport transport = new HoldingTransport();
        try (Herald herald = holding(transport)) {
            BindingSupport.Subscriptions made = new BindingSupport.Subscriptions(herald);
            assertTrue(transport.holding(), "a listen holds the Herald's SUBSCRIBE commands back");
            CountDownLatch received = new CountDownLatch(1);
            CompletionStage<Subscription> a = herald.channel("held:a", PayloadType.of(String.class))
                    .subscribeAsync(message -> received.countDown());
            made.add(a);
            assertFalse(a.toCompletableFuture().isDone(), "held until all(herald)");
            Subscription all = made.all(herald);
            assertFalse(transport.holding(), "all(herald) released the hold");
            assertEquals("held:a", all.channel());
            herald.publish("held:a", "hello").toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertTrue(received.await(10, TimeUnit.SECONDS), "the held subscription receives once released");
        }
    }

    @Test
    void undoReleasesTheHoldAndForgetsEverythingMade() {
        HoldingTransport transport = new HoldingTransport();
        try (Herald herald = holding(transport)) {
            BindingSupport.Subscriptions made = new BindingSupport.Subscriptions(herald);
            Recorded a = new Recorded("a", false);
            Recorded acknowledged = new Recorded("acknowledged", false);
            made.add(a);
            made.add(CompletableFuture.completedFuture(acknowledged));
            made.undo(new RuntimeException("the next subscribe failed"));
            assertFalse(transport.holding(), "undo released the hold");
            assertFalse(acknowledged.isActive());
            assertEquals("", made.all().channel(), "what was undone is not part of the listen any more");
            assertEquals("", made.all(herald).channel());
            assertEquals(1, a.ends);
            assertEquals(1, acknowledged.ends);
        }
    }

    @Test
    void allWithNothingPendingCoversWhatWasMadeAndAskingAgainGivesTheSame() {
        try (Herald herald = Herald.inMemory()) {
            BindingSupport.Subscriptions made = new BindingSupport.Subscriptions(herald);
            made.add(new Recorded("a", false));
            assertEquals("a", made.all(herald).channel());
            BindingSupport.Subscriptions both = new BindingSupport.Subscriptions(herald);
            both.add(new Recorded("b", false));
            both.add(CompletableFuture.completedFuture(new Recorded("c", false)));
            assertEquals("b, c", both.all(herald).channel());
            assertEquals("b, c", both.all(herald).channel(), "what was acknowledged is waited for once");
        }
    }

    @Test
    void aFailedSubscriptionEndsWhatWasMadeBeforeItAndEachOneOnce() {
        try (Herald herald = Herald.inMemory()) {
            BindingSupport.Subscriptions made = new BindingSupport.Subscriptions(herald);
            Recorded subscribed = new Recorded("subscribed", false);
            Recorded acknowledged = new Recorded("acknowledged", false);
            made.add(subscribed);
            made.add(CompletableFuture.completedFuture(acknowledged));
            made.add(CompletableFuture.failedFuture(new IllegalStateException("NOPERM")));
            assertThrows(HeraldException.class, () -> made.all(herald));
            assertFalse(subscribed.isActive(), "one made before the failure is ended too");
            assertEquals(1, subscribed.ends);
            assertEquals(1, acknowledged.ends, "ended once, not again by the undo");
        }
    }

    @Test
    void awaitWaitsForTheStageAndThrowsItsFailure() throws Exception {
        BindingSupport.await(CompletableFuture.completedFuture("done"));
        IOException failure = new IOException("disk full");
        assertSame(failure, assertThrows(IOException.class,
                () -> BindingSupport.await(CompletableFuture.failedFuture(failure))));
        NullPointerException none = assertThrows(NullPointerException.class, () -> BindingSupport.await(null));
        assertEquals("the handler returned null instead of a CompletionStage", none.getMessage());
        CompletableFuture<String> later = new CompletableFuture<>();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                BindingSupport.await(later);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        assertThrows(TimeoutException.class, () -> waiting.get(200, TimeUnit.MILLISECONDS), "waits for the stage");
        later.complete("done");
        waiting.get(10, TimeUnit.SECONDS);
    }
}
