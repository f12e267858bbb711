package dev.herald;

/**
 * A publish that was written to Redis but got no answer: no reply within the
 * {@link HeraldBuilder#commandTimeout(java.time.Duration) command timeout}, or the connection closed before
 * the reply came. Redis may or may not have delivered it; subscribers may still receive it later (after a
 * {@code CLIENT PAUSE}, for example). Publishing it again may deliver it twice.
 *
 * @see PublishFailedException
 */
public class PublishOutcomeUnknownException extends HeraldException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what happened, naming the channel
     * @param cause the underlying failure, such as Lettuce's command timeout
     */
    public PublishOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
