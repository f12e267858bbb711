package dev.herald.internal.durable;

import java.util.concurrent.atomic.AtomicBoolean;

/** A failure that is reported once when it starts, and whose end is noticed, however often it repeats meanwhile. */
final class Trouble {

    private final AtomicBoolean on = new AtomicBoolean();

    /** @return true when this is the first failure since the last success: report it */
    boolean started() {
        return on.compareAndSet(false, true);
    }

    /** @return true when it was failing until now: tell that it recovered */
    boolean ended() {
        return on.get() && on.compareAndSet(true, false);
    }
}
