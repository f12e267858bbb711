package test;

import dev.herald.ChannelDescriptor;
import dev.herald.Herald;
import dev.herald.binding.BindingSupport;
import dev.herald.binding.GeneratedBinding;

/** The channels of {@link Outer.Inner}, for the runtime (found as a service) and the generated classes. */
@javax.annotation.processing.Generated("dev.herald.processor.HeraldProcessor")
public final class Outer_InnerBinding extends GeneratedBinding<Outer.Inner> {
    /** Channel {@code outer:ping} of {@link Outer.Inner#ping}. */
    public static final ChannelDescriptor<Outer.Ping> PING = channel("outer:ping", Outer.Ping.class,
            Outer.Inner.class, "ping");

    /** Creates the binding; called by {@link java.util.ServiceLoader}. */
    public Outer_InnerBinding() {
        super(Outer.Inner.class, Outer_InnerPublisher::new, PING);
    }

    @Override
    protected void listen(BindingSupport.Subscriptions made, Herald herald, Outer.Inner listener) {
        made.add(herald.channel(PING).subscribeAsync(listener::ping));
    }
}
