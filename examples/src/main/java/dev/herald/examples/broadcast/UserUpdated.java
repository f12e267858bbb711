package dev.herald.examples.broadcast;

import java.time.Instant;
import java.util.Map;

/**
 * Published when a user's profile changed; the seed's {@code user:updated} message.
 *
 * @param userId the user
 * @param changes the fields that changed, with their new values
 * @param timestamp when it changed
 */
public record UserUpdated(String userId, Map<String, String> changes, Instant timestamp) {
}
