package dev.herald;

/**
 * Reported as {@link HeraldError.Kind#OVERFLOW} when a subscription's buffer was full: with
 * {@link OverflowPolicy#FAIL} the subscription was ended; with the drop policies {@link #count()} messages
 * were dropped since the previous report. The counts of a subscription's reports add up to its
 * {@link Subscription#dropped()}: while it drops, a report comes at least once a second, and one more
 * about a second after it stopped.
 */
public class SubscriptionOverflowException extends HeraldException {

    private static final long serialVersionUID = 1L;

    /** How many messages this report is about, at least 1. */
    private final long count;

    /**
     * Creates a report of one message.
     *
     * @param message what overflowed, naming the channel
     */
    public SubscriptionOverflowException(String message) {
        this(message, 1);
    }

    /**
     * Creates a report.
     *
     * @param message what overflowed, naming the channel
     * @param count how many messages were dropped or not handled since the subscription's previous report
     */
    public SubscriptionOverflowException(String message, long count) {
        super(message);
        this.count = count;
    }

    /**
     * How many messages this report is about: dropped since the previous report of the subscription, or,
     * with {@link OverflowPolicy#FAIL}, left unhandled when it ended.
     *
     * @return the count, at least 1
     */
    public long count() {
        return count;
    }
}
