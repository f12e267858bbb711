package dev.herald.internal;

import java.util.Map;

/**
 * The meters and observations of one declared channel. A publish and a handler call each bracket their work
 * with a start and an end; the token the start returns (an observation, or null) goes back to the end. Called
 * only when {@link #active()}, so that with {@link #NONE} a message costs one final field read.
 */
public interface ChannelProbe {

    /** Measures nothing. */
    ChannelProbe NONE = new ChannelProbe() {
        @Override
        public boolean active() {
            return false;
        }

        @Override
        public Object publishing(String channel, String messageId, Map<String, String> trace) {
            return null;
        }

        @Override
        public void published(Object publishing, Throwable failure) {
        }

        @Override
        public Object processing(String channel, String messageId, Map<String, String> trace) {
            return null;
        }

        @Override
        public void processed(Object processing, long startNanos, Throwable failure) {
        }

        @Override
        public void delivered() {
        }

        @Override
        public void retried() {
        }

        @Override
        public void failed(Throwable failure) {
        }

        @Override
        public void undecodable() {
        }

        @Override
        public void dropped(long count) {
        }

        @Override
        public void deadLettered() {
        }
    };

    /** @return whether anything is measured; false only for {@link #NONE} */
    boolean active();

    /**
     * A publish starts (before its payload is encoded).
     *
     * @param channel the concrete channel, prefix included, as sent
     * @param messageId the correlation id of a request, or null
     * @param trace where the trace context is written for the consumer (a request envelope's fields), or null
     *     when the message has no room for it
     * @return what {@link #published} needs, or null
     */
    Object publishing(String channel, String messageId, Map<String, String> trace);

    /**
     * A publish ended.
     *
     * @param publishing what {@link #publishing} returned
     * @param failure null when the transport accepted it; a {@link dev.herald.PublishFailedException} when it
     *     was not sent (refused); anything else when it failed or its outcome is unknown
     */
    void published(Object publishing, Throwable failure);

    /**
     * A handler call starts, on the handler's thread.
     *
     * @param channel the concrete channel the message came on
     * @param messageId the correlation id of a request, or null
     * @param trace the trace context the message carried, or null
     * @return what {@link #processed} needs, or null
     */
    Object processing(String channel, String messageId, Map<String, String> trace);

    /**
     * A handler call ended, on the same thread.
     *
     * @param processing what {@link #processing} returned
     * @param startNanos {@link System#nanoTime()} before the call
     * @param failure what it threw, or null
     */
    void processed(Object processing, long startNanos, Throwable failure);

    /** A message decoded and handed to a subscription's handler. */
    void delivered();

    /** A handler call failed and is tried again. */
    void retried();

    /**
     * A message whose handler failed for good: retries used up, or a responder that failed.
     *
     * @param failure why
     */
    void failed(Throwable failure);

    /** A message that did not decode. */
    void undecodable();

    /**
     * Messages a full buffer did not take.
     *
     * @param count how many
     */
    void dropped(long count);

    /** A message kept as a dead letter. */
    void deadLettered();

    /** A durable channel's entry delivered again: claimed from another consumer, or re-read after a lost read. */
    default void redelivered() {
    }

    /**
     * Entries of a durable channel claimed from another consumer of the group (idle longer than the claim idle time).
     *
     * @param count how many
     */
    default void claimed(int count) {
    }

    /**
     * What Redis last reported about a group on one stream of a durable channel, for the channel's gauges.
     *
     * @param group the consumer group
     * @param stream the stream
     * @param pending entries delivered to the group and not acknowledged ({@code XPENDING}'s count)
     * @param lag entries not yet delivered to the group, or -1 when the log cannot tell
     */
    default void groupState(String group, String stream, long pending, long lag) {
    }
}
