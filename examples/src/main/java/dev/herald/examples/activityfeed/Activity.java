package dev.herald.examples.activityfeed;

import java.time.Instant;

/**
 * Something a user did; the seed's feed message.
 *
 * @param userId who
 * @param action what
 * @param timestamp when
 */
public record Activity(String userId, String action, Instant timestamp) {
}
