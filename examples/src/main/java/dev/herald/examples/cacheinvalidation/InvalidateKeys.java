package dev.herald.examples.cacheinvalidation;

import java.util.List;

/**
 * Cache keys that no longer hold true data; the seed's {@code cache:invalidate} message.
 *
 * @param keys the keys to drop
 */
public record InvalidateKeys(List<String> keys) {
}
