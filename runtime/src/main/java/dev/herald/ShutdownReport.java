package dev.herald;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Herald#shutdown(Duration)} did.
 *
 * @param unhandled buffered messages dropped without being handled
 * @param handlersInterrupted whether handlers were still running at the deadline and were interrupted
 * @param took how long the shutdown took
 * @param stillRunning the handlers still running when shutdown gave up on them (they ignored the interrupt),
 *     each as its channel and thread, such as {@code 'orders' on herald-1-handler-3}; empty when every
 *     handler ended. Their threads are daemon threads: they do not keep the JVM alive
 */
public record ShutdownReport(int unhandled, boolean handlersInterrupted, Duration took, List<String> stillRunning) {

    /**
     * Creates a report.
     *
     * @param unhandled buffered messages dropped without being handled
     * @param handlersInterrupted whether handlers were still running at the deadline and were interrupted
     * @param took how long the shutdown took
     * @param stillRunning the handlers still running when shutdown gave up on them
     * @throws NullPointerException when {@code took} or {@code stillRunning} is null
     */
    public ShutdownReport {
        Objects.requireNonNull(took, "took");
        stillRunning = List.copyOf(stillRunning);
    }

    /**
     * Creates a report in which every handler ended.
     *
     * @param unhandled buffered messages dropped without being handled
     * @param handlersInterrupted whether handlers were still running at the deadline and were interrupted
     * @param took how long the shutdown took
     */
    public ShutdownReport(int unhandled, boolean handlersInterrupted, Duration took) {
        this(unhandled, handlersInterrupted, took, List.of());
    }
}
