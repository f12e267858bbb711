package test;

import dev.herald.Herald;
import dev.herald.HeraldException;
import dev.herald.MessageHandler;
import dev.herald.Subscription;
import dev.herald.SubscriptionGroup;
import dev.herald.SubscriptionOptions;
import dev.herald.TemplateChannel;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import javax.annotation.processing.Generated;

/**
 * Subscribes typed handlers to the channels of {@link Notifications}.
 * Handlers run on Herald's threads, one message at a time per subscription, in publish order.
 * Thread-safe.
 */
@Generated("dev.herald.processor.HeraldProcessor")
public final class NotificationsSubscriber {
    private final SubscriptionGroup subscriptions = new SubscriptionGroup();

    private final TemplateChannel<Notification> notificationChannel;

    private final TemplateChannel<Event> userEventChannel;

    private final TemplateChannel<Event> levelChannel;

    /**
     * Creates a subscriber with the Herald's buffer, overflow and retry settings.
     *
     * @param herald the Herald to subscribe on
     */
    public NotificationsSubscriber(Herald herald) {
        this(herald, SubscriptionOptions.inherit());
    }

    /**
     * Creates a subscriber whose subscriptions use {@code options}; binds each channel's codec once.
     *
     * @param herald the Herald to subscribe on
     * @param options buffer, overflow and retry settings; unset values are the Herald's
     */
    public NotificationsSubscriber(Herald herald, SubscriptionOptions options) {
        Objects.requireNonNull(herald, "herald");
        Objects.requireNonNull(options, "options");
        this.notificationChannel = herald.template(NotificationsBinding.NOTIFICATION).withOptions(options);
        this.userEventChannel = herald.template(NotificationsBinding.USER_EVENT).withOptions(options);
        this.levelChannel = herald.template(NotificationsBinding.LEVEL).withOptions(options);
    }

    /**
     * Subscribes a handler to one channel of {@code notifications:{userId}};
     * returns once Redis acknowledged the SUBSCRIBE.
     *
     * @param userId the value of {@code {userId}}
     * @param handler receives each {@link Notification} published on the channel
     * @return the subscription
     * @throws IllegalArgumentException when a value is empty or holds a character that would change
     *     the channel's meaning
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription notification(String userId, MessageHandler<? super Notification> handler) {
        return this.subscriptions.add(this.notificationChannel.subscribe(handler, userId));
    }

    /**
     * Subscribes a handler to every channel of {@code notifications:{userId}} with one PSUBSCRIBE;
     * returns once Redis acknowledged it. The handler receives the placeholder values of
     * each message's channel, typed. A channel whose values do not parse goes to the error
     * handler.
     *
     * @param handler receives each message with its channel's values
     * @return the subscription
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription notificationAny(NotificationHandler handler) {
        return this.subscriptions.add(this.notificationChannel.subscribeAll((values, message) ->
                handler.onMessage(values.string(0), message)));
    }

    /**
     * Subscribes a handler to one channel of {@code tenant:{tenantId}:user:{userId}:events};
     * returns once Redis acknowledged the SUBSCRIBE.
     *
     * @param tenantId the value of {@code {tenantId}}
     * @param userId the value of {@code {userId}}
     * @param handler receives each {@link Event} published on the channel
     * @return the subscription
     * @throws IllegalArgumentException when a value is empty or holds a character that would change
     *     the channel's meaning
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription userEvent(UUID tenantId, int userId,
            MessageHandler<? super Event> handler) {
        return this.subscriptions.add(this.userEventChannel.subscribe(handler, tenantId, userId));
    }

    /**
     * Subscribes a handler to every channel of {@code tenant:{tenantId}:user:{userId}:events} with one PSUBSCRIBE;
     * returns once Redis acknowledged it. The handler receives the placeholder values of
     * each message's channel, typed. A channel whose values do not parse goes to the error
     * handler.
     *
     * @param handler receives each message with its channel's values
     * @return the subscription
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription userEventAny(UserEventHandler handler) {
        return this.subscriptions.add(this.userEventChannel.subscribeAll((values, message) ->
                handler.onMessage(values.asUuid(0), values.asInt(1), message)));
    }

    /**
     * Subscribes a handler to one channel of {@code levels:{level}};
     * returns once Redis acknowledged the SUBSCRIBE.
     *
     * @param level the value of {@code {level}}
     * @param handler receives each {@link Event} published on the channel
     * @return the subscription
     * @throws IllegalArgumentException when a value is empty or holds a character that would change
     *     the channel's meaning
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription level(Level level, MessageHandler<? super Event> handler) {
        return this.subscriptions.add(this.levelChannel.subscribe(handler, level));
    }

    /**
     * Subscribes a handler to every channel of {@code levels:{level}} with one PSUBSCRIBE;
     * returns once Redis acknowledged it. The handler receives the placeholder values of
     * each message's channel, typed. A channel whose values do not parse goes to the error
     * handler.
     *
     * @param handler receives each message with its channel's values
     * @return the subscription
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription levelAny(LevelHandler handler) {
        return this.subscriptions.add(this.levelChannel.subscribeAll((values, message) ->
                handler.onMessage(message, values.asEnum(0, Level.class))));
    }

    /**
     * Ends every subscription this subscriber made.
     *
     * @return a stage that completes when Redis acknowledged the resulting UNSUBSCRIBEs
     */
    public CompletionStage<Void> unsubscribeAll() {
        return this.subscriptions.unsubscribeAll();
    }

    /**
     * Receives the messages of every channel of {@code notifications:{userId}},
     * with its placeholder values typed.
     */
    @FunctionalInterface
    public interface NotificationHandler {
        /**
         * Handles one message of a channel of {@code notifications:{userId}}.
         *
         * @param userId the value of {@code {userId}} in the channel
         * @param n the decoded payload
         * @throws Exception anything; it goes to the error handler and the subscription lives on
         */
        void onMessage(String userId, Notification n) throws Exception;
    }

    /**
     * Receives the messages of every channel of {@code tenant:{tenantId}:user:{userId}:events},
     * with its placeholder values typed.
     */
    @FunctionalInterface
    public interface UserEventHandler {
        /**
         * Handles one message of a channel of {@code tenant:{tenantId}:user:{userId}:events}.
         *
         * @param tenantId the value of {@code {tenantId}} in the channel
         * @param userId the value of {@code {userId}} in the channel
         * @param e the decoded payload
         * @throws Exception anything; it goes to the error handler and the subscription lives on
         */
        void onMessage(UUID tenantId, int userId, Event e) throws Exception;
    }

    /**
     * Receives the messages of every channel of {@code levels:{level}},
     * with its placeholder values typed.
     */
    @FunctionalInterface
    public interface LevelHandler {
        /**
         * Handles one message of a channel of {@code levels:{level}}.
         *
         * @param e the decoded payload
         * @param level the value of {@code {level}} in the channel
         * @throws Exception anything; it goes to the error handler and the subscription lives on
         */
        void onMessage(Event e, Level level) throws Exception;
    }
}
