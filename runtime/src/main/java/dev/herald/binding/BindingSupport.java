package dev.herald.binding;

import dev.herald.Herald;
import dev.herald.MessageHandler;
import dev.herald.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** Helpers for generated bindings. */
public final class BindingSupport {

    private BindingSupport() {
    }

    /**
     * Waits for the stage a listener's {@code CompletionStage} method returned, so the next message of the
     * subscription waits for it and a failure is reported like a thrown exception.
     *
     * @param stage the listener's stage; {@code null} is reported as a failure
     * @throws Exception the stage's failure
     */
    public static void await(CompletionStage<?> stage) throws Exception {
        // the one implementation is the public API's: a handler that waits for the stage it is given
        MessageHandler.<Object>awaiting(ignored -> stage).onMessage(stage);
    }

    /**
     * The subscriptions a generated {@code listen} has made so far, written as plain statements (one
     * {@code add} per channel) rather than a list of lambdas, which javac attributes far faster. Each is
     * made without waiting, so their SUBSCRIBE commands are merged into a few, and {@link #all(Herald)}
     * waits for all of them at once:
     *
     * <pre>{@code
     * BindingSupport.Subscriptions made = new BindingSupport.Subscriptions(herald);
     * try {
     *     made.add(herald.channel(ORDER_CREATED).subscribeAsync(implementation::orderCreated));
     * } catch (RuntimeException | Error e) {
     *     made.undo(e);
     *     throw e;
     * }
     * return made.all(herald);
     * }</pre>
     */
    public static final class Subscriptions {

        private final List<Subscription> made = new ArrayList<>();
        private final List<CompletionStage<Subscription>> pending = new ArrayList<>();
        private final Runnable release;

        /** Starts with none. */
        public Subscriptions() {
            this.release = () -> { };
        }

        /**
         * Starts with none, and holds back the Herald's SUBSCRIBE commands until {@link #all(Herald)} or
         * {@link #undo}, so that every subscription added goes out in as few commands as can carry them.
         *
         * @param herald the Herald the subscriptions are made with
         */
        public Subscriptions(Herald herald) {
            this.release = herald instanceof SubscriptionBatching batching ? batching.holdSubscribes() : () -> { };
        }

        /**
         * @param subscription one more subscription of the listener
         */
        public void add(Subscription subscription) {
            made.add(Objects.requireNonNull(subscription, "subscription"));
        }

        /**
         * @param subscription one more subscription of the listener, not yet acknowledged
         */
        public void add(CompletionStage<Subscription> subscription) {
            pending.add(Objects.requireNonNull(subscription, "subscription"));
        }

        /**
         * Ends every subscription made so far, after one failed, so a failed {@code listen} leaves nothing
         * subscribed; a failure to end one is added to {@code failure} as suppressed.
         *
         * @param failure why {@code listen} failed; the caller rethrows it
         */
        public void undo(Throwable failure) {
            release.run();
            for (Subscription subscription : made) {
                try {
                    subscription.unsubscribe();
                } catch (RuntimeException undo) {
                    failure.addSuppressed(undo);
                }
            }
            made.clear();
            pending.forEach(stage -> stage.thenAccept(Subscription::unsubscribe)); // also when acknowledged later
            pending.clear();
        }

        /**
         * @return one subscription covering every one made
         */
        public Subscription all() {
            return Subscription.all(made); // a copy
        }

        /**
         * Waits until Redis acknowledged every subscription added, up to the Herald's command timeout.
         *
         * @param herald the Herald they were made with
         * @return one subscription covering every one made
         * @throws dev.herald.HeraldException when one failed or was not acknowledged in time; then none stays
         */
        public Subscription all(Herald herald) {
            release.run();
            if (pending.isEmpty()) {
                return all();
            }
            Subscription acknowledged;
            try {
                acknowledged = herald.awaitSubscribed(pending);
            } catch (RuntimeException | Error e) {
                pending.clear(); // awaitSubscribed ended them
                undo(e);
                throw e;
            }
            pending.clear();
            made.add(acknowledged);
            return all();
        }
    }
}
