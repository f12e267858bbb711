package dev.herald;

import java.time.Duration;

/**
 * Observes the connection under the subscriptions: when it drops, when it is back, and when every
 * subscription is live on the server again. Redis pub/sub does not keep messages: whatever was published
 * during the outage is gone, and {@code outage} says how long that window was. Called on a Herald thread,
 * never on Lettuce's event loop.
 */
public interface ConnectionListener {

    /**
     * A Herald built with {@link HeraldBuilder#connectInBackground(boolean) connectInBackground(true)}
     * reached Redis for the first time: publishes work from now on, and the subscriptions made while it
     * was connecting are being sent to Redis (each {@code subscribeAsync} stage completes when Redis
     * acknowledged it). Called once; never for a Herald whose {@code build()} connected.
     *
     * @param waited how long after {@code build()} the connection was made
     */
    default void onConnected(Duration waited) {
    }

    /**
     * The connection carrying the subscriptions dropped; Herald reconnects by itself. Not called while a
     * Herald that {@linkplain HeraldBuilder#connectInBackground(boolean) connects in the background}
     * has not reached Redis yet.
     */
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
