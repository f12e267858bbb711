package dev.herald;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * The subscriptions one generated subscriber made, so that {@code unsubscribeAll()} can end them.
 * Thread-safe.
 */
public final class SubscriptionGroup {

    private final List<Subscription> subscriptions = new ArrayList<>();
    /** The size at which {@link #add} next prunes ended subscriptions: pruning stays amortized O(1) per add. */
    private int pruneAt = 16;

    /** Creates an empty group. */
    public SubscriptionGroup() {
    }

    /**
     * Adds a subscription. Subscriptions that already ended are pruned now and then (each time the group
     * doubled since the last pruning), so adding stays cheap however many the group holds.
     *
     * @param subscription the subscription
     * @return {@code subscription}
     */
    public synchronized Subscription add(Subscription subscription) {
        if (subscriptions.size() >= pruneAt) {
            subscriptions.removeIf(s -> !s.isActive());
            pruneAt = Math.max(16, subscriptions.size() * 2);
        }
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
            unsubscribe(); // every UNSUBSCRIBE on its way at once; then each member's own bounded wait
            members.forEach(Subscription::close);
        }

        @Override
        public String toString() {
            return "Subscription" + members;
        }
    }
}
