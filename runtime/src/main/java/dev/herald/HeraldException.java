package dev.herald;

/**
 * A failure of Herald or of the transport under it: a refused or timed-out SUBSCRIBE, a payload that
 * cannot be encoded, a connection that cannot be made.
 */
public class HeraldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what went wrong, naming the channel where there is one
     */
    public HeraldException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message what went wrong, naming the channel where there is one
     * @param cause the underlying failure
     */
    public HeraldException(String message, Throwable cause) {
        super(message, cause);
    }
}
