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
 * The channels of {@link AuditLog}, for the runtime: found through
 * {@code META-INF/services/dev.herald.binding.HeraldBinding}, used by
 * {@code herald.listen(AuditLog.class, implementation)} and by the generated publisher and subscriber.
 */
@Generated("dev.herald.processor.HeraldProcessor")
public final class AuditLogBinding implements HeraldBinding<AuditLog> {
    /**
     * Channel {@code audit:entry} of {@link AuditLog#entry}.
     */
    public static final ChannelDescriptor<String> ENTRY = ChannelDescriptor.of("audit:entry",
            PayloadType.of(String.class), AuditLog.class, "entry");

    /**
     * Channel {@code audit:count} of {@link AuditLog#count}.
     */
    public static final ChannelDescriptor<Integer> COUNT = ChannelDescriptor.of("audit:count",
            PayloadType.of(Integer.class), AuditLog.class, "count");

    /**
     * Creates the binding; called by {@link ServiceLoader}.
     */
    public AuditLogBinding() {
    }

    @Override
    public Class<AuditLog> channelInterface() {
        return AuditLog.class;
    }

    @Override
    public List<ChannelDescriptor<?>> channels() {
        return List.of(
                ENTRY,
                COUNT);
    }

    @Override
    public Subscription listen(Herald herald, AuditLog implementation) {
        Objects.requireNonNull(herald, "herald");
        Objects.requireNonNull(implementation, "implementation");
        BindingSupport.Subscriptions made = new BindingSupport.Subscriptions(herald);
        try {
            made.add(herald.channel(ENTRY).subscribeAsync(implementation::entry));
            made.add(herald.channel(COUNT).subscribeAsync(message ->
                    BindingSupport.await(implementation.count(message))));
        } catch (RuntimeException | Error e) {
            made.undo(e);
            throw e;
        }
        return made.all(herald);
    }

    @Override
    public AuditLog publisher(Herald herald) {
        return new AuditLogPublisher(herald);
    }
}
