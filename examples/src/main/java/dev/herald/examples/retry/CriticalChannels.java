package dev.herald.examples.retry;

import dev.herald.annotation.Channel;

/** Critical work: every event must be processed, or kept as a dead letter. */
public interface CriticalChannels {

    /**
     * Work that must be done.
     *
     * @param event the work
     */
    @Channel("critical:events")
    void criticalEvent(CriticalEvent event);
}
