package dev.herald.examples.filtering;

import dev.herald.annotation.Channel;

/**
 * One broad channel of every account event. (The seed calls it {@code events:all}; that name belongs to
 * the fan-out example with another payload, and Herald refuses one channel with two payload types in one
 * build: {@code [HeraldChannelConflict]}.)
 */
public interface AccountEvents {

    /**
     * An account event.
     *
     * @param event the event
     */
    @Channel("users:events")
    void accountEvent(AccountEvent event);
}
