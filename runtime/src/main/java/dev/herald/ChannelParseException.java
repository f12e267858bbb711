package dev.herald;

/**
 * A received channel name that does not fit its template: extra segments, a bad number, an unknown
 * enum name. Reported to the {@link ErrorHandler} as {@link HeraldError.Kind#DECODE}; the subscription
 * lives on.
 */
public class ChannelParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what does not fit, naming the channel
     */
    public ChannelParseException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what does not fit, naming the channel
     * @param cause the parse failure
     */
    public ChannelParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
