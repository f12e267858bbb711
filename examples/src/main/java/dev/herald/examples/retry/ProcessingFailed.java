package dev.herald.examples.retry;

/**
 * Published when a critical event could not be processed after every retry; the seed's error event.
 *
 * @param eventId the event that failed
 * @param attempts how often it was tried
 * @param error the last failure
 */
public record ProcessingFailed(String eventId, int attempts, String error) {
}
