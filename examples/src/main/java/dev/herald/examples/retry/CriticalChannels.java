package dev.herald.examples.retry;

import dev.herald.annotation.Channel;

/** Critical work, and where its final failures are reported. */
public interface CriticalChannels {

    /**
     * Work that must be done.
     *
     * @param event the work
     */
    @Channel("critical:events")
    void criticalEvent(CriticalEvent event);

    /**
     * Work that could not be done, for alerting or a dead-letter store.
     *
     * @param failure what failed
     */
    @Channel("errors:critical")
    void failed(ProcessingFailed failure);
}
