package dev.herald;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
     * The default: one SLF4J warning per failure, naming the channel and a short excerpt of the payload
     * (logger {@code dev.herald.ErrorHandler}); a handler's own exception is logged with its stack trace.
     *
     * @return the logging error handler
     */
    static ErrorHandler logging() {
        return LoggingErrorHandler.INSTANCE;
    }
}

/** The default {@link ErrorHandler}. */
final class LoggingErrorHandler implements ErrorHandler {

    static final LoggingErrorHandler INSTANCE = new LoggingErrorHandler();

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    private LoggingErrorHandler() {
    }

    @Override
    public void onError(HeraldError error) {
        if (error.kind() == HeraldError.Kind.HANDLER) {
            LOG.warn("Herald: {}", error, error.cause());
        } else {
            LOG.warn("Herald: {}", error);
        }
    }
}
