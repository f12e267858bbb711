package test;

import dev.herald.ChannelDescriptor;
import dev.herald.Herald;
import dev.herald.binding.BindingSupport;
import dev.herald.binding.GeneratedBinding;

/** The channels of {@link Notifications}, for the runtime (found as a service) and the generated classes. */
@javax.annotation.processing.Generated("dev.herald.processor.HeraldProcessor")
public final class NotificationsBinding extends GeneratedBinding<Notifications> {
    /** Channel {@code notifications:{userId}} of {@link Notifications#notification}. */
    public static final ChannelDescriptor<Notification> NOTIFICATION = channel("notifications:{userId}",
            Notification.class, Notifications.class, "notification");
    /** Channel {@code tenant:{tenantId}:user:{userId}:events} of {@link Notifications#userEvent}. */
    public static final ChannelDescriptor<Event> USER_EVENT = channel("tenant:{tenantId}:user:{userId}:events",
            Event.class, Notifications.class, "userEvent");
    /** Channel {@code levels:{level}} of {@link Notifications#level}. */
    public static final ChannelDescriptor<Event> LEVEL = channel("levels:{level}", Event.class,
            Notifications.class, "level");

    /** Creates the binding; called by {@link java.util.ServiceLoader}. */
    public NotificationsBinding() {
        super(Notifications.class, NotificationsPublisher::new, NOTIFICATION, USER_EVENT, LEVEL);
    }

    @Override
    protected void listen(BindingSupport.Subscriptions made, Herald herald,
            Notifications listener) {
        made.add(herald.template(NOTIFICATION).subscribeAllAsync((values, message) ->
                listener.notification(values.string(0), message)));
        made.add(herald.template(USER_EVENT).subscribeAllAsync((values, message) ->
                await(listener.userEvent(values.asUuid(0), values.asInt(1), message))));
        made.add(herald.template(LEVEL).subscribeAllAsync((values, message) ->
                listener.level(message, values.asEnum(0, Level.class))));
    }
}
