package dev.herald.examples.cacheinvalidation;

import dev.herald.annotation.Channel;

/** Where writers tell every cache what went stale. */
public interface CacheChannels {

    /**
     * Drop these keys.
     *
     * @param event the keys
     */
    @Channel("cache:invalidate")
    void invalidate(InvalidateKeys event);
}
