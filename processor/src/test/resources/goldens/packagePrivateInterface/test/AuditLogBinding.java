package test;

import dev.herald.ChannelDescriptor;
import dev.herald.Herald;
import dev.herald.binding.BindingSupport;
import dev.herald.binding.GeneratedBinding;

/** The channels of {@link AuditLog}, for the runtime (found as a service) and the generated classes. */
@javax.annotation.processing.Generated("dev.herald.processor.HeraldProcessor")
public final class AuditLogBinding extends GeneratedBinding<AuditLog> {
    /** Channel {@code audit:entry} of {@link AuditLog#entry}. */
    public static final ChannelDescriptor<String> ENTRY = channel("audit:entry", String.class,
            AuditLog.class, "entry");
    /** Channel {@code audit:count} of {@link AuditLog#count}. */
    public static final ChannelDescriptor<Integer> COUNT = channel("audit:count", Integer.class,
            AuditLog.class, "count");

    /** Creates the binding; called by {@link java.util.ServiceLoader}. */
    public AuditLogBinding() {
        super(AuditLog.class, AuditLogPublisher::new, ENTRY, COUNT);
    }

    @Override
    protected void listen(BindingSupport.Subscriptions made, Herald herald, AuditLog listener) {
        made.add(herald.channel(ENTRY).subscribeAsync(listener::entry));
        made.add(herald.channel(COUNT).subscribeAsync(message -> await(listener.count(message))));
    }
}
