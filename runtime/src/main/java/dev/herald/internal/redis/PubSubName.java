package dev.herald.internal.redis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A channel or a pattern of one pub/sub connection: Redis keeps the two apart, so {@code a*} as a channel and
 * {@code a*} as a pattern are two names.
 *
 * @param name the channel or pattern as sent
 * @param pattern whether it is a pattern
 */
record PubSubName(String name, boolean pattern) {

    static List<PubSubName> all(Collection<String> names, boolean pattern) {
        List<PubSubName> result = new ArrayList<>(names.size());
        for (String name : names) {
            result.add(new PubSubName(name, pattern));
        }
        return result;
    }
}
