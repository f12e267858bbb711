package test;

import dev.herald.ChannelDescriptor;
import dev.herald.Herald;
import dev.herald.PayloadType;
import dev.herald.Subscription;
import dev.herald.binding.BindingSupport;
import dev.herald.binding.HeraldBinding;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import javax.annotation.processing.Generated;

/**
 * The channels of {@link Notifications}, for the runtime: found through
 * {@code META-INF/services/dev.herald.binding.HeraldBinding}, used by
 * {@code herald.listen(Notifications.class, implementation)} and by the generated publisher and subscriber.
 */
@Generated("dev.herald.processor.HeraldProcessor")
public final class NotificationsBinding implements HeraldBinding<Notifications> {
    /**
     * Channel {@code notifications:{userId}} of {@link Notifications#notification}.
     */
    public static final ChannelDescriptor<Notification> NOTIFICATION = ChannelDescriptor.of(
            "notifications:{userId}", PayloadType.of(Notification.class), Notifications.class,
            "notification");

    /**
     * Channel {@code tenant:{tenantId}:user:{userId}:events} of {@link Notifications#userEvent}.
     */
    public static final ChannelDescriptor<Event> USER_EVENT = ChannelDescriptor.of(
            "tenant:{tenantId}:user:{userId}:events", PayloadType.of(Event.class),
            Notifications.class, "userEvent");

    /**
     * Channel {@code levels:{level}} of {@link Notifications#level}.
     */
    public static final ChannelDescriptor<Event> LEVEL = ChannelDescriptor.of("levels:{level}",
            PayloadType.of(Event.class), Notifications.class, "level");

    /**
     * Creates the binding; called by {@link ServiceLoader}.
     */
    public NotificationsBinding() {
    }

    @Override
    public Class<Notifications> channelInterface() {
        return Notifications.class;
    }

    @Override
    public List<ChannelDescriptor<?>> channels() {
        return List.of(
                NOTIFICATION,
                USER_EVENT,
                LEVEL);
    }

    @Override
    public Subscription listen(Herald herald, Notifications implementation) {
        Objects.requireNonNull(herald, "herald");
        Objects.requireNonNull(implementation, "implementation");
        BindingSupport.Subscriptions made = new BindingSupport.Subscriptions(herald);
        try {
            made.add(herald.template(NOTIFICATION).subscribeAllAsync((values, message) ->
                    implementation.notification(values.string(0), message)));
            made.add(herald.template(USER_EVENT).subscribeAllAsync((values, message) ->
                    BindingSupport.await(implementation.userEvent(values.asUuid(0), values.asInt(1), message))));
            made.add(herald.template(LEVEL).subscribeAllAsync((values, message) ->
                    implementation.level(message, values.asEnum(0, Level.class))));
        } catch (RuntimeException | Error e) {
            made.undo(e);
            throw e;
        }
        return made.all(herald);
    }

    @Override
    public Notifications publisher(Herald herald) {
        return new NotificationsPublisher(herald);
    }
}
