package dev.herald.spi;

import dev.herald.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Helpers for generated bindings. */
public final class BindingSupport {

    private BindingSupport() {
    }

    /**
     * Makes each subscription in turn; if one fails, the ones already made are ended before the failure
     * is rethrown, so a failed {@code listen} leaves nothing subscribed.
     *
     * @param steps each makes one subscription
     * @return one subscription covering all of them
     */
    @SafeVarargs
    public static Subscription subscribeAll(Supplier<Subscription>... steps) {
        List<Subscription> made = new ArrayList<>(steps.length);
        try {
            for (Supplier<Subscription> step : steps) {
                made.add(step.get());
            }
        } catch (RuntimeException | Error e) {
            for (Subscription subscription : made) {
                try {
                    subscription.unsubscribe();
                } catch (RuntimeException undo) {
                    e.addSuppressed(undo);
                }
            }
            throw e;
        }
        return Subscription.all(made);
    }
}
