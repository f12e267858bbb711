package dev.herald;

/**
 * Receives every failure Herald cannot hand back to a caller: a handler that threw, a payload that did
 * not decode, a fire-and-forget publish that failed, messages dropped by a full buffer.
 *
 * <p>The subscription concerned keeps receiving after each report. An error handler runs on a Herald
 * thread, never on Lettuce's event loop; what it throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface ErrorHandler {

    /**
     * Handles one failure.
     *
     * @param error what failed, on which channel, with the payload where there is one
     */
    void onError(HeraldError error);

    /**
     * The default: SLF4J warnings (logger {@code dev.herald.ErrorHandler}) that stay readable when failures
     * come in bursts, for example every publish while Redis is down. A failure is logged at once, naming the
     * channel and a short excerpt of the payload (a handler's own exception with its stack trace), when the
     * last line is a second old; the failures that follow within that second are counted, per kind and
     * channel, and summed up in one line a second later. Every failure is in exactly one line.
     *
     * @return a new logging error handler; each keeps its own counts
     */
    static ErrorHandler logging() {
        return new LoggingErrorHandler();
    }
}
