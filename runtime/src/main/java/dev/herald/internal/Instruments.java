package dev.herald.internal;

import java.time.Duration;

/**
 * What a Herald tells of its traffic: meters and observations per declared channel (a channel as given, a
 * template in its {@code {placeholder}} form, a pattern), and figures of the whole Herald. It is {@link #NONE}
 * unless the application gave a registry; the Micrometer implementation ({@code dev.herald.internal.metrics})
 * is the only code that names Micrometer, and it loads only then. Channels ask for their probe once, when they
 * are made, so that a message costs a field read and a call.
 */
public interface Instruments {

    /** Measures nothing: every probe is a no-op. */
    Instruments NONE = new Instruments() {
        @Override
        public ChannelProbe channel(String declared) {
            return ChannelProbe.NONE;
        }

        @Override
        public RequestProbe requests(String declared) {
            return RequestProbe.NONE;
        }

        @Override
        public void start(Figures figures) {
        }

        @Override
        public void reconnected(Duration outage) {
        }

        @Override
        public void lateReply() {
        }

        @Override
        public void close() {
        }
    };

    /**
     * @param declared the channel as declared, without the channel prefix: a template in its {@code {placeholder}}
     *     form, a pattern as given, never a value that varies per message
     * @return the probe of that channel, the same one for the same name
     */
    ChannelProbe channel(String declared);

    /**
     * @param declared the request channel as declared, without the prefix
     * @return the probe of its requests, the same one for the same name
     */
    RequestProbe requests(String declared);

    /**
     * Registers the figures of the whole Herald (gauges), read when the registry asks.
     *
     * @param figures reads them
     */
    void start(Figures figures);

    /**
     * Counts a reconnect of the subscription connection, on the transport's thread.
     *
     * @param outage how long it was down
     */
    void reconnected(Duration outage);

    /** Counts a reply that came for no waiting request (after its timeout, or a second responder's). */
    void lateReply();

    /** Removes what describes this Herald alone (its gauges) from the registry; the Herald is closed. */
    void close();

    /** The figures of one Herald, read on demand, from any thread. */
    interface Figures {
        /** @return the subscriptions held now */
        int subscriptions();

        /** @return the messages waiting in every subscription's buffer now */
        long buffered();

        /** @return how long the last outage of the subscription connection lasted; zero when there was none */
        Duration lastOutage();

        /** @return the requests waiting for their reply now */
        int pendingRequests();
    }
}
