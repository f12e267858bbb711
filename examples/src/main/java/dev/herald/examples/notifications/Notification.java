package dev.herald.examples.notifications;

import java.time.Instant;

/**
 * One notification for one user; the seed's {@code notifications:${userId}} message.
 *
 * @param userId the user it is for
 * @param message what to tell them
 * @param read whether they have read it
 * @param createdAt when it was created
 */
public record Notification(String userId, String message, boolean read, Instant createdAt) {
}
