package dev.herald.binding;

/**
 * A {@link dev.herald.Herald} that can send many subscriptions in few commands: while a hold is open, the
 * subscriptions asked for wait and then go out together. {@link BindingSupport.Subscriptions} uses it so that
 * a generated {@code listen} subscribes every channel of an interface at once.
 */
public interface SubscriptionBatching {

    /**
     * Holds back SUBSCRIBE and UNSUBSCRIBE commands until the returned action runs.
     *
     * @return releases the hold; running it more than once does nothing
     */
    Runnable holdSubscribes();
}
