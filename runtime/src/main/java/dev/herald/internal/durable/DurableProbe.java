package dev.herald.internal.durable;

import java.util.Map;

/**
 * What a durable channel tells the meters and observations, the durable core's view of the core's channel probe: the
 * same events as a pub/sub subscription's, with the entry's fields as the place the trace context travels in, and
 * {@link #redelivered()} for an entry delivered again (claimed from another consumer, or re-read after a lost read).
 */
public interface DurableProbe {

    /** Measures nothing. */
    DurableProbe NONE = new DurableProbe() {
    };

    /** @return whether anything is measured */
    default boolean active() {
        return false;
    }

    /**
     * An append starts.
     *
     * @param channel the concrete channel, prefix included
     * @param headers where the trace context is written, stored with the entry
     * @return what {@link #published} needs, or null
     */
    default Object publishing(String channel, Map<String, String> headers) {
        return null;
    }

    /**
     * An append ended.
     *
     * @param publishing what {@link #publishing} returned
     * @param failure null when the log stored it
     */
    default void published(Object publishing, Throwable failure) {
    }

    /**
     * A handler call starts, on the handler's thread.
     *
     * @param channel the concrete channel
     * @param headers the entry's fields besides the payload: the trace context it carried
     * @return what {@link #processed} needs, or null
     */
    default Object processing(String channel, Map<String, String> headers) {
        return null;
    }

    /**
     * A handler call ended.
     *
     * @param processing what {@link #processing} returned
     * @param startNanos {@link System#nanoTime()} before the call
     * @param failure what it threw, or null
     */
    default void processed(Object processing, long startNanos, Throwable failure) {
    }

    /** An entry decoded and handed to the handler. */
    default void delivered() {
    }

    /** An entry delivered before, delivered again. */
    default void redelivered() {
    }

    /**
     * Entries claimed from another consumer of the group.
     *
     * @param count how many
     */
    default void claimed(int count) {
    }

    /**
     * What the log last reported about the group on one stream.
     *
     * @param group the group
     * @param stream the stream
     * @param pending entries delivered and not acknowledged
     * @param lag entries not yet delivered to the group, or -1 when the log cannot tell
     */
    default void groupState(String group, String stream, long pending, long lag) {
    }

    /** A handler call failed and is tried again. */
    default void retried() {
    }

    /**
     * An entry whose handler failed for good.
     *
     * @param failure why
     */
    default void failed(Throwable failure) {
    }

    /** An entry that did not decode. */
    default void undecodable() {
    }

    /** An entry kept as a dead letter. */
    default void deadLettered() {
    }
}
