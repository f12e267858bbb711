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
 * The channels of {@link Outer.Inner}, for the runtime: found through
 * {@code META-INF/services/dev.herald.binding.HeraldBinding}, used by
 * {@code herald.listen(Outer.Inner.class, implementation)} and by the generated publisher and subscriber.
 */
@Generated("dev.herald.processor.HeraldProcessor")
public final class Outer_InnerBinding implements HeraldBinding<Outer.Inner> {
    /**
     * Channel {@code outer:ping} of {@link Outer.Inner#ping}.
     */
    public static final ChannelDescriptor<Outer.Ping> PING = ChannelDescriptor.of("outer:ping",
            PayloadType.of(Outer.Ping.class), Outer.Inner.class, "ping");

    /**
     * Creates the binding; called by {@link ServiceLoader}.
     */
    public Outer_InnerBinding() {
    }

    @Override
    public Class<Outer.Inner> channelInterface() {
        return Outer.Inner.class;
    }

    @Override
    public List<ChannelDescriptor<?>> channels() {
        return List.of(
                PING);
    }

    @Override
    public Subscription listen(Herald herald, Outer.Inner implementation) {
        Objects.requireNonNull(herald, "herald");
        Objects.requireNonNull(implementation, "implementation");
        BindingSupport.Subscriptions made = new BindingSupport.Subscriptions(herald);
        try {
            made.add(herald.channel(PING).subscribeAsync(implementation::ping));
        } catch (RuntimeException | Error e) {
            made.undo(e);
            throw e;
        }
        return made.all(herald);
    }

    @Override
    public Outer.Inner publisher(Herald herald) {
        return new Outer_InnerPublisher(herald);
    }
}
