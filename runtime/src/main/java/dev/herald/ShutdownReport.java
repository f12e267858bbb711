package dev.herald;

import java.time.Duration;

/**
 * What {@link Herald#shutdown(Duration)} did.
 *
 * @param unhandled buffered messages dropped without being handled
 * @param handlersInterrupted whether handlers were still running at the deadline and were interrupted
 * @param took how long the shutdown took
 */
public record ShutdownReport(int unhandled, boolean handlersInterrupted, Duration took) {
}
