package dev.herald.spi;

/** Receives what a {@link Transport} gets from the server. Must return quickly: it may run on an I/O thread. */
@FunctionalInterface
public interface TransportListener {

    /**
     * One message arrived.
     *
     * @param channel the full channel name
     * @param payload the bytes as received
     */
    void onMessage(String channel, byte[] payload);
}
