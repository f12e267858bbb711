package dev.herald.examples.retry;

/**
 * A message that must be processed; the seed's {@code critical:events} message.
 *
 * @param eventId identifies it
 * @param action what to do
 */
public record CriticalEvent(String eventId, String action) {
}
