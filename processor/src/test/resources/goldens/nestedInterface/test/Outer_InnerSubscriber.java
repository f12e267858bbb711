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
 * Subscribes typed handlers to the channels of {@link Outer.Inner}.
 * Handlers run on Herald's threads, one message at a time per subscription, in publish order.
 * Thread-safe.
 */
@Generated("dev.herald.processor.HeraldProcessor")
public final class Outer_InnerSubscriber {
    private final SubscriptionGroup subscriptions = new SubscriptionGroup();

    private final TypedChannel<Outer.Ping> pingChannel;

    /**
     * Creates a subscriber with the Herald's buffer, overflow and retry settings.
     *
     * @param herald the Herald to subscribe on
     */
    public Outer_InnerSubscriber(Herald herald) {
        this(herald, SubscriptionOptions.inherit());
    }

    /**
     * Creates a subscriber whose subscriptions use {@code options}; binds each channel's codec once.
     *
     * @param herald the Herald to subscribe on
     * @param options buffer, overflow and retry settings; unset values are the Herald's
     */
    public Outer_InnerSubscriber(Herald herald, SubscriptionOptions options) {
        Objects.requireNonNull(herald, "herald");
        Objects.requireNonNull(options, "options");
        this.pingChannel = herald.channel(Outer_InnerBinding.PING).withOptions(options);
    }

    /**
     * Subscribes a handler to {@code outer:ping}; returns once Redis acknowledged the SUBSCRIBE.
     *
     * @param handler receives each {@link Outer.Ping} published on the channel
     * @return the subscription
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription ping(MessageHandler<? super Outer.Ping> handler) {
        return this.subscriptions.add(this.pingChannel.subscribe(handler));
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
