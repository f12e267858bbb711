package dev.herald.internal;

/**
 * The meters of the requests of one declared request channel. Its publishes and its responders are measured by
 * its {@link #channel()} probe.
 */
public interface RequestProbe {

    /** Measures nothing. */
    RequestProbe NONE = new RequestProbe() {
        @Override
        public ChannelProbe channel() {
            return ChannelProbe.NONE;
        }

        @Override
        public void replied(long startNanos, boolean remoteError) {
        }

        @Override
        public void timedOut() {
        }

        @Override
        public void noResponder() {
        }
    };

    /** @return the probe of the request channel itself: publishes, responders */
    ChannelProbe channel();

    /**
     * A reply came.
     *
     * @param startNanos {@link System#nanoTime()} when the request was made
     * @param remoteError whether it is an error reply
     */
    void replied(long startNanos, boolean remoteError);

    /** A request timed out. */
    void timedOut();

    /** A request nobody was subscribed to. */
    void noResponder();
}
