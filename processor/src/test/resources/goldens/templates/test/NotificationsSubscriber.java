package test;

import dev.herald.Herald;
import dev.herald.HeraldException;
import dev.herald.MessageHandler;
import dev.herald.Subscription;
import dev.herald.SubscriptionOptions;
import dev.herald.binding.GeneratedSubscriber;
import java.util.UUID;

/**
 * Subscribes typed handlers to the channels of {@link Notifications}. Handlers run on Herald's threads, one
 * message at a time per subscription, in publish order. Thread-safe.
 */
@javax.annotation.processing.Generated("dev.herald.processor.HeraldProcessor")
public final class NotificationsSubscriber extends GeneratedSubscriber {
    /**
     * Creates a subscriber with the Herald's buffer, overflow and retry settings.
     * @param herald the Herald to subscribe on
     */
    public NotificationsSubscriber(Herald herald) {
        super(herald, SubscriptionOptions.inherit());
    }

    /**
     * Creates a subscriber whose subscriptions use {@code options}.
     * @param herald the Herald to subscribe on
     * @param options buffer, overflow and retry settings; unset values are the Herald's
     */
    public NotificationsSubscriber(Herald herald, SubscriptionOptions options) {
        super(herald, options);
    }

    /**
     * {@return the subscription of a handler to one channel of {@code notifications:{userId}}, once Redis acknowledged
     * the SUBSCRIBE}
     * @param userId the value of {@code {userId}}
     * @param handler receives each {@link Notification} published on the channel
     * @throws IllegalArgumentException when a value is empty or would change the channel's meaning
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription notification(String userId, MessageHandler<? super Notification> handler) {
        return add(template(NotificationsBinding.NOTIFICATION).subscribe(handler, userId));
    }

    /**
     * {@return the subscription of a handler to every channel of {@code notifications:{userId}}, with one PSUBSCRIBE
     * that Redis acknowledged} The handler receives the placeholder values of each message's channel, typed; a channel
     * whose values do not parse goes to the error handler.
     * @param handler receives each message with its channel's values
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription notificationAny(NotificationHandler handler) {
        return add(template(NotificationsBinding.NOTIFICATION).subscribeAll((values, message) ->
                handler.onMessage(values.string(0), message)));
    }

    /**
     * {@return the subscription of a handler to one channel of {@code tenant:{tenantId}:user:{userId}:events}, once
     * Redis acknowledged the SUBSCRIBE}
     * @param tenantId the value of {@code {tenantId}}
     * @param userId the value of {@code {userId}}
     * @param handler receives each {@link Event} published on the channel
     * @throws IllegalArgumentException when a value is empty or would change the channel's meaning
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription userEvent(UUID tenantId, int userId,
            MessageHandler<? super Event> handler) {
        return add(template(NotificationsBinding.USER_EVENT).subscribe(handler, tenantId, userId));
    }

    /**
     * {@return the subscription of a handler to every channel of {@code tenant:{tenantId}:user:{userId}:events}, with
     * one PSUBSCRIBE that Redis acknowledged} The handler receives the placeholder values of each message's channel,
     * typed; a channel whose values do not parse goes to the error handler.
     * @param handler receives each message with its channel's values
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription userEventAny(UserEventHandler handler) {
        return add(template(NotificationsBinding.USER_EVENT).subscribeAll((values, message) ->
                handler.onMessage(values.asUuid(0), values.asInt(1), message)));
    }

    /**
     * {@return the subscription of a handler to one channel of {@code levels:{level}}, once Redis acknowledged the
     * SUBSCRIBE}
     * @param level the value of {@code {level}}
     * @param handler receives each {@link Event} published on the channel
     * @throws IllegalArgumentException when a value is empty or would change the channel's meaning
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription level(Level level, MessageHandler<? super Event> handler) {
        return add(template(NotificationsBinding.LEVEL).subscribe(handler, level));
    }

    /**
     * {@return the subscription of a handler to every channel of {@code levels:{level}}, with one PSUBSCRIBE that Redis
     * acknowledged} The handler receives the placeholder values of each message's channel, typed; a channel whose
     * values do not parse goes to the error handler.
     * @param handler receives each message with its channel's values
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription levelAny(LevelHandler handler) {
        return add(template(NotificationsBinding.LEVEL).subscribeAll((values, message) ->
                handler.onMessage(message, values.asEnum(0, Level.class))));
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
