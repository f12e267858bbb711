package dev.herald.binding;

import dev.herald.ChannelDescriptor;
import dev.herald.Herald;
import dev.herald.Subscription;
import java.util.List;

/**
 * What the processor generates for each channel interface, registered as a service in
 * {@code META-INF/services/dev.herald.binding.HeraldBinding}, so the runtime finds it without guessing
 * class names or reading annotations.
 *
 * @param <T> the channel interface
 */
public interface HeraldBinding<T> {

    /** @return the channel interface this binding serves */
    Class<T> channelInterface();

    /** @return the channels the interface declares, in declaration order */
    List<ChannelDescriptor<?>> channels();

    /**
     * Subscribes an implementation to every channel of the interface.
     *
     * @param herald the Herald to subscribe on
     * @param implementation receives each message through its declaring method
     * @return one subscription covering every channel
     */
    Subscription listen(Herald herald, T implementation);
}
