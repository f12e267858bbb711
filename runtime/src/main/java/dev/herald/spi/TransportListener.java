package dev.herald.spi;

/** Receives what a {@link Transport} gets from the server. Must return quickly: it may run on an I/O thread. */
public interface TransportListener {

    /**
     * A message arrived on a subscribed channel.
     *
     * @param channel the full channel name
     * @param payload the bytes as received
     */
    void onMessage(String channel, byte[] payload);

    /**
     * A message arrived on a channel that matches a subscribed pattern.
     *
     * @param pattern the full pattern, as subscribed
     * @param channel the full channel name the message was published on
     * @param payload the bytes as received
     */
    void onPatternMessage(String pattern, String channel, byte[] payload);

    /**
     * A transport that started before it could reach its server made its first connection: publishes
     * work from now on. Not called by a transport that is connected when it is made.
     */
    default void onConnected() {
    }

    /** The connection carrying the subscriptions dropped. */
    default void onConnectionLost() {
    }

    /** The connection carrying the subscriptions is back (the transport may already be re-subscribing). */
    default void onConnectionRestored() {
    }

    /**
     * After {@link #onConnectionRestored()}: the server acknowledged every wanted channel and pattern again,
     * and holds nothing else.
     *
     * @param channels how many channels are wanted
     * @param patterns how many patterns are wanted
     */
    default void onResubscribed(int channels, int patterns) {
    }
}
