package dev.herald;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The subscriptions one generated subscriber made, so that {@code unsubscribeAll()} can end them.
 * Thread-safe.
 */
public final class SubscriptionGroup {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final List<Subscription> subscriptions = new ArrayList<>();

    /** Creates an empty group. */
    public SubscriptionGroup() {
    }

    /**
     * Adds a subscription; subscriptions that already ended are pruned.
     *
     * @param subscription the subscription
     * @return {@code subscription}
     */
    public synchronized Subscription add(Subscription subscription) {
        subscriptions.removeIf(s -> !s.isActive());
        subscriptions.add(subscription);
        return subscription;
    }

    /** @return the number of active subscriptions in the group */
    public synchronized int size() {
        subscriptions.removeIf(s -> !s.isActive());
        return subscriptions.size();
    }

    /**
     * Ends every subscription of the group.
     *
     * @return a stage that completes when Redis acknowledged every resulting UNSUBSCRIBE
     */
    public CompletionStage<Void> unsubscribeAll() {
        List<Subscription> ending;
        synchronized (this) {
            ending = List.copyOf(subscriptions);
            subscriptions.clear();
        }
        return unsubscribeEach(ending);
    }

    static CompletionStage<Void> unsubscribeEach(List<Subscription> members) {
        CompletableFuture<?>[] acks = members.stream()
                .map(s -> s.unsubscribe().toCompletableFuture())
                .toArray(CompletableFuture<?>[]::new);
        return CompletableFuture.allOf(acks);
    }

    static void await(CompletionStage<Void> stage, String what) {
        try {
            stage.toCompletableFuture().get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new HeraldException("could not unsubscribe " + what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new HeraldException("Redis did not acknowledge the UNSUBSCRIBE of " + what + " within " + CLOSE_WAIT, e);
        }
    }

    /** The subscription {@link Subscription#all} returns. */
    static final class Composite implements Subscription {
        private final List<Subscription> members;

        Composite(List<Subscription> members) {
            this.members = members;
        }

        @Override
        public String channel() {
            return members.stream().map(Subscription::channel).collect(Collectors.joining(", "));
        }

        @Override
        public boolean isActive() {
            return members.stream().anyMatch(Subscription::isActive);
        }

        @Override
        public int buffered() {
            return members.stream().mapToInt(Subscription::buffered).sum();
        }

        @Override
        public long dropped() {
            return members.stream().mapToLong(Subscription::dropped).sum();
        }

        @Override
        public CompletionStage<Void> unsubscribe() {
            return unsubscribeEach(members);
        }

        @Override
        public void close() {
            await(unsubscribe(), channel());
        }

        @Override
        public String toString() {
            return "Subscription" + members;
        }
    }
}
