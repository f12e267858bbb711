package test;

import dev.herald.Herald;
import dev.herald.HeraldException;
import dev.herald.MessageHandler;
import dev.herald.Subscription;
import dev.herald.SubscriptionGroup;
import dev.herald.SubscriptionOptions;
import dev.herald.TypedChannel;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import javax.annotation.processing.Generated;

/**
 * Subscribes typed handlers to the channels of {@link AuditLog}.
 * Handlers run on Herald's threads, one message at a time per subscription, in publish order.
 * Thread-safe.
 */
@Generated("dev.herald.processor.HeraldProcessor")
final class AuditLogSubscriber {
    private final SubscriptionGroup subscriptions = new SubscriptionGroup();

    private final TypedChannel<String> entryChannel;

    private final TypedChannel<Integer> countChannel;

    /**
     * Creates a subscriber with the Herald's buffer, overflow and retry settings.
     *
     * @param herald the Herald to subscribe on
     */
    public AuditLogSubscriber(Herald herald) {
        this(herald, SubscriptionOptions.inherit());
    }

    /**
     * Creates a subscriber whose subscriptions use {@code options}; binds each channel's codec once.
     *
     * @param herald the Herald to subscribe on
     * @param options buffer, overflow and retry settings; unset values are the Herald's
     */
    public AuditLogSubscriber(Herald herald, SubscriptionOptions options) {
        Objects.requireNonNull(herald, "herald");
        Objects.requireNonNull(options, "options");
        this.entryChannel = herald.channel(AuditLogBinding.ENTRY).withOptions(options);
        this.countChannel = herald.channel(AuditLogBinding.COUNT).withOptions(options);
    }

    /**
     * Subscribes a handler to {@code audit:entry}; returns once Redis acknowledged the SUBSCRIBE.
     *
     * @param handler receives each {@link String} published on the channel
     * @return the subscription
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription entry(MessageHandler<? super String> handler) {
        return this.subscriptions.add(this.entryChannel.subscribe(handler));
    }

    /**
     * Subscribes a handler to {@code audit:count}; returns once Redis acknowledged the SUBSCRIBE.
     *
     * @param handler receives each {@link Integer} published on the channel
     * @return the subscription
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription count(MessageHandler<? super Integer> handler) {
        return this.subscriptions.add(this.countChannel.subscribe(handler));
    }

    /**
     * Ends every subscription this subscriber made.
     *
     * @return a stage that completes when Redis acknowledged the resulting UNSUBSCRIBEs
     */
    public CompletionStage<Void> unsubscribeAll() {
        return this.subscriptions.unsubscribeAll();
    }
}
