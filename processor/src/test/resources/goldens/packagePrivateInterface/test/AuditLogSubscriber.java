package test;

import dev.herald.Herald;
import dev.herald.MessageHandler;
import dev.herald.Subscription;
import dev.herald.SubscriptionGroup;
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
     * Creates a subscriber; binds each channel's codec once.
     *
     * @param herald the Herald to subscribe on
     */
    public AuditLogSubscriber(Herald herald) {
        Objects.requireNonNull(herald, "herald");
        this.entryChannel = herald.channel(AuditLogBinding.ENTRY);
        this.countChannel = herald.channel(AuditLogBinding.COUNT);
    }

    /**
     * Subscribes a handler to {@code audit:entry}; returns once Redis acknowledged the SUBSCRIBE.
     *
     * @param handler receives each {@link String} published on the channel
     * @return the subscription
     * @throws dev.herald.HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription entry(MessageHandler<? super String> handler) {
        return this.subscriptions.add(this.entryChannel.subscribe(handler));
    }

    /**
     * Subscribes a handler to {@code audit:count}; returns once Redis acknowledged the SUBSCRIBE.
     *
     * @param handler receives each {@link Integer} published on the channel
     * @return the subscription
     * @throws dev.herald.HeraldException when Redis refused the subscription or did not acknowledge it in time
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
