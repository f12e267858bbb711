package dev.herald;

/**
 * Reported when a subscription with {@link OverflowPolicy#FAIL} overflowed and was ended.
 */
public class SubscriptionOverflowException extends HeraldException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what overflowed, naming the channel
     */
    public SubscriptionOverflowException(String message) {
        super(message);
    }
}
