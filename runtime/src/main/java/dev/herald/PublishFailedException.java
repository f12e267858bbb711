package dev.herald;

/**
 * A publish that was not sent, so no subscriber received it: Herald was closed, the payload could not be
 * encoded or was larger than {@link HeraldBuilder#maxPayloadBytes(int) maxPayloadBytes}, too many publishes
 * were waiting to be written ({@link HeraldBuilder#maxPendingPublishes(int)},
 * {@link HeraldBuilder#maxPendingPublishBytes(long)}), the connection was down before it was written, or
 * Redis refused the command (for example {@code NOPERM}). Publishing it again cannot deliver it twice.
 *
 * @see PublishOutcomeUnknownException
 */
public class PublishFailedException extends HeraldException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what failed, naming the channel
     */
    public PublishFailedException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message what failed, naming the channel
     * @param cause the underlying failure
     */
    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
