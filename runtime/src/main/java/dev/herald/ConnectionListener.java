package dev.herald;

import java.time.Duration;

/**
 * Observes the connection under the subscriptions: when it drops, when it is back, and when every
 * subscription is live on the server again. Redis pub/sub does not keep messages: whatever was published
 * during the outage is gone, and {@code outage} says how long that window was. Called on a Herald thread,
 * never on Lettuce's event loop.
 */
public interface ConnectionListener {

    /** The connection carrying the subscriptions dropped; Herald reconnects by itself. */
    default void onDisconnected() {
    }

    /**
     * The connection is back.
     *
     * @param outage how long it was down
     */
    default void onReconnected(Duration outage) {
    }

    /**
     * Every channel and pattern Herald holds was subscribed again and Redis acknowledged it.
     *
     * @param outage how long the subscriptions were down: messages published meanwhile were missed
     * @param channels how many channels were subscribed again
     * @param patterns how many patterns were subscribed again
     */
    default void onResubscribed(Duration outage, int channels, int patterns) {
    }
}
