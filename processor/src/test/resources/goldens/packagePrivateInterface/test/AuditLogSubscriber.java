package test;

import dev.herald.Herald;
import dev.herald.HeraldException;
import dev.herald.MessageHandler;
import dev.herald.Subscription;
import dev.herald.SubscriptionOptions;
import dev.herald.binding.GeneratedSubscriber;

/**
 * Subscribes typed handlers to the channels of {@link AuditLog}. Handlers run on Herald's threads, one
 * message at a time per subscription, in publish order. Thread-safe.
 */
@javax.annotation.processing.Generated("dev.herald.processor.HeraldProcessor")
final class AuditLogSubscriber extends GeneratedSubscriber {
    /**
     * Creates a subscriber with the Herald's buffer, overflow and retry settings.
     * @param herald the Herald to subscribe on
     */
    public AuditLogSubscriber(Herald herald) {
        super(herald, SubscriptionOptions.inherit());
    }

    /**
     * Creates a subscriber whose subscriptions use {@code options}.
     * @param herald the Herald to subscribe on
     * @param options buffer, overflow and retry settings; unset values are the Herald's
     */
    public AuditLogSubscriber(Herald herald, SubscriptionOptions options) {
        super(herald, options);
    }

    /**
     * {@return the subscription of a handler to {@code audit:entry}, once Redis acknowledged the SUBSCRIBE}
     * @param handler receives each {@link String} published on the channel
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription entry(MessageHandler<? super String> handler) {
        return add(channel(AuditLogBinding.ENTRY).subscribe(handler));
    }

    /**
     * {@return the subscription of a handler to {@code audit:count}, once Redis acknowledged the SUBSCRIBE}
     * @param handler receives each {@link Integer} published on the channel
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription count(MessageHandler<? super Integer> handler) {
        return add(channel(AuditLogBinding.COUNT).subscribe(handler));
    }
}
