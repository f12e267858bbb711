package dev.herald.internal;

import dev.herald.ConnectionListener;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what the transport says about the subscription connection into log lines, {@link ConnectionListener}
 * calls and outage figures. An outage while nothing is subscribed is not reported: a Herald that only
 * publishes never hears about a connection it does not use. Transport callbacks only note the time and
 * hand over; the listener runs on Herald's threads.
 */
final class ConnectionEvents {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultHerald.class);

    private final ConnectionListener listener;
    private final Executor executor;
    private final BooleanSupplier nothingSubscribed;
    private final BooleanSupplier closed;
    private final Instruments instruments;
    private volatile long disconnectedAt;
    /** Whether the outage under way was reported: a restore and a re-subscription are reported only if so. */
    private volatile boolean reporting;
    private final AtomicLong outages = new AtomicLong();
    private volatile Duration lastOutage = Duration.ZERO;

    /**
     * @param listener the user's listener
     * @param executor a Herald thread pool, never the transport's; the events run on it one at a time, in the
     *     order they happened
     * @param nothingSubscribed whether Herald holds no subscription now
     * @param closed whether Herald is closed
     * @param instruments counts the reconnects
     */
    ConnectionEvents(ConnectionListener listener, Executor executor, BooleanSupplier nothingSubscribed, BooleanSupplier closed,
            Instruments instruments) {
        this.listener = listener;
        this.instruments = instruments;
        this.executor = new InOrder(executor);
        this.nothingSubscribed = nothingSubscribed;
        this.closed = closed;
    }

    /** Runs on the transport's thread. */
    void lost() {
        if (closed.getAsBoolean()) {
            return;
        }
        disconnectedAt = System.nanoTime();
        reporting = !nothingSubscribed.getAsBoolean();
        if (!reporting) {
            LOG.debug("Herald: the subscription connection dropped while nothing was subscribed");
            return;
        }
        outages.incrementAndGet();
        executor.execute(() -> {
            LOG.warn("Herald: lost the subscription connection; reconnecting");
            notifyListener(ConnectionListener::onDisconnected);
        });
    }

    /** Runs on the transport's thread: the connection is back; the transport re-subscribes. */
    void restored() {
        if (closed.getAsBoolean() || disconnectedAt == 0 || !reporting) {
            return;
        }
        Duration outage = Duration.ofNanos(System.nanoTime() - disconnectedAt);
        lastOutage = outage;
        instruments.reconnected(outage);
        executor.execute(() -> {
            LOG.info("Herald: reconnected after {} ms; messages published meanwhile were missed", outage.toMillis());
            notifyListener(l -> l.onReconnected(outage));
        });
    }

    /** Runs on the transport's thread: the server acknowledged every wanted channel and pattern again. */
    void resubscribed(int channels, int patterns) {
        if (closed.getAsBoolean() || disconnectedAt == 0 || !reporting) {
            return;
        }
        reporting = false;
        Duration outage = lastOutage;
        executor.execute(() -> {
            LOG.info("Herald: {} channel(s) and {} pattern(s) subscribed again", channels, patterns);
            notifyListener(l -> l.onResubscribed(outage, channels, patterns));
        });
    }

    /** @return how many reported outages there were */
    long outages() {
        return outages.get();
    }

    /** @return how long the last reported outage lasted */
    Duration lastOutage() {
        return lastOutage;
    }

    void notifyListener(Consumer<ConnectionListener> event) {
        try {
            event.accept(listener);
        } catch (RuntimeException e) {
            LOG.warn("Herald: the connection listener threw", e);
        }
    }

    /**
     * Runs tasks one at a time in the order given, on another executor's threads: a listener hears
     * "disconnected", "reconnected" and "resubscribed" in that order, though each is handed over on its own.
     */
    private static final class InOrder implements Executor {

        private final Executor threads;
        private final java.util.ArrayDeque<Runnable> queue = new java.util.ArrayDeque<>();
        private boolean draining;

        InOrder(Executor threads) {
            this.threads = threads;
        }

        @Override
        public void execute(Runnable task) {
            synchronized (this) {
                queue.add(task);
                if (draining) {
                    return;
                }
                draining = true;
            }
            threads.execute(this::drain);
        }

        private void drain() {
            while (true) {
                Runnable next;
                synchronized (this) {
                    next = queue.poll();
                    if (next == null) {
                        draining = false;
                        return;
                    }
                }
                try {
                    next.run();
                } catch (RuntimeException e) {
                    LOG.warn("Herald: a connection event failed", e);
                }
            }
        }
    }
}
