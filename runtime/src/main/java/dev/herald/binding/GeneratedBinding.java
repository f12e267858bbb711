package dev.herald.binding;

import dev.herald.ChannelDescriptor;
import dev.herald.Herald;
import dev.herald.PayloadType;
import dev.herald.Subscription;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The base class of every generated {@code XBinding}: it holds the channel interface, its channels and how to
 * make its publisher, and runs {@link #listen}, so that the generated class has only its channel constants,
 * a constructor and the one statement per channel that subscribes an implementation's method:
 *
 * <pre>{@code
 * public static final ChannelDescriptor<OrderCreated> ORDER_CREATED = channel(
 *         "order:created", OrderCreated.class, OrderEvents.class, "orderCreated");
 *
 * public OrderEventsBinding() {
 *     super(OrderEvents.class, OrderEventsPublisher::new, ORDER_CREATED);
 * }
 *
 * protected void listen(BindingSupport.Subscriptions made, Herald herald, OrderEvents listener) {
 *     made.add(herald.channel(ORDER_CREATED).subscribeAsync(listener::orderCreated));
 * }
 * }</pre>
 *
 * @param <T> the channel interface
 */
public abstract class GeneratedBinding<T> implements HeraldBinding<T> {

    private final Class<T> channelInterface;
    private final Function<Herald, ? extends T> publisher;
    private final List<ChannelDescriptor<?>> channels;

    /**
     * @param channelInterface the channel interface
     * @param publisher makes the generated publisher, {@code OrderEventsPublisher::new}
     * @param channels the channels the interface declares, in declaration order (a request-reply channel's
     *     {@code channel()})
     */
    protected GeneratedBinding(Class<T> channelInterface, Function<Herald, ? extends T> publisher,
            ChannelDescriptor<?>... channels) {
        this.channelInterface = Objects.requireNonNull(channelInterface, "channelInterface");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.channels = List.of(channels);
    }

    /**
     * {@link ChannelDescriptor#of}, for a payload type that is a class.
     *
     * @param name the channel name or template
     * @param payloadType the payload class
     * @param channelInterface the interface that declares the channel
     * @param method the name of the method that declares it
     * @param <P> the payload type
     * @return the descriptor
     */
    protected static <P> ChannelDescriptor<P> channel(String name, Class<P> payloadType, Class<?> channelInterface,
            String method) {
        return ChannelDescriptor.of(name, PayloadType.of(payloadType), channelInterface, method);
    }

    /**
     * {@link ChannelDescriptor#of}, for any payload type ({@code new PayloadType<List<Item>>() {}}).
     *
     * @param name the channel name or template
     * @param payloadType the payload type
     * @param channelInterface the interface that declares the channel
     * @param method the name of the method that declares it
     * @param <P> the payload type
     * @return the descriptor
     */
    protected static <P> ChannelDescriptor<P> channel(String name, PayloadType<P> payloadType,
            Class<?> channelInterface, String method) {
        return ChannelDescriptor.of(name, payloadType, channelInterface, method);
    }

    /**
     * {@link ChannelDescriptor#durable}, for a payload type that is a class.
     *
     * @param name the channel name or template
     * @param payloadType the payload class
     * @param channelInterface the interface that declares the channel
     * @param method the name of the method that declares it
     * @param <P> the payload type
     * @return the descriptor of a durable channel
     */
    protected static <P> ChannelDescriptor<P> durable(String name, Class<P> payloadType, Class<?> channelInterface,
            String method) {
        return ChannelDescriptor.durable(name, PayloadType.of(payloadType), channelInterface, method);
    }

    /**
     * {@link ChannelDescriptor#durable}, for any payload type ({@code new PayloadType<List<Item>>() {}}).
     *
     * @param name the channel name or template
     * @param payloadType the payload type
     * @param channelInterface the interface that declares the channel
     * @param method the name of the method that declares it
     * @param <P> the payload type
     * @return the descriptor of a durable channel
     */
    protected static <P> ChannelDescriptor<P> durable(String name, PayloadType<P> payloadType,
            Class<?> channelInterface, String method) {
        return ChannelDescriptor.durable(name, payloadType, channelInterface, method);
    }

    /**
     * {@link BindingSupport#await}: what a listener's {@code CompletionStage} method returned, awaited so that
     * the next message waits for it and its failure is reported like a thrown exception.
     *
     * @param stage the listener's stage; {@code null} is reported as a failure
     * @throws Exception the stage's failure
     */
    protected static void await(CompletionStage<?> stage) throws Exception {
        BindingSupport.await(stage);
    }

    @Override
    public final Class<T> channelInterface() {
        return channelInterface;
    }

    @Override
    public final List<ChannelDescriptor<?>> channels() {
        return channels;
    }

    /**
     * Subscribes an implementation to every channel of the interface: each subscription is made without
     * waiting, then all are awaited at once; when one fails, none stays.
     *
     * @param herald the Herald to subscribe on
     * @param implementation receives each message through its declaring method
     * @return one subscription covering every channel
     * @throws dev.herald.HeraldException when a subscription failed or was not acknowledged in time
     */
    @Override
    public final Subscription listen(Herald herald, T implementation) {
        Objects.requireNonNull(herald, "herald");
        Objects.requireNonNull(implementation, "implementation");
        BindingSupport.Subscriptions made = new BindingSupport.Subscriptions(herald);
        try {
            listen(made, herald, implementation);
        } catch (RuntimeException | Error e) {
            made.undo(e);
            throw e;
        }
        return made.all(herald);
    }

    /**
     * What {@link #listen(Herald, Object)} runs: adds to {@code made} one subscription per channel, each made
     * without waiting ({@code subscribeAsync} and the like), that calls the listener's method.
     *
     * @param made collects the subscriptions
     * @param herald the Herald to subscribe on
     * @param listener the implementation of the interface: receives each message through its declaring method
     */
    protected abstract void listen(BindingSupport.Subscriptions made, Herald herald, T listener);

    @Override
    public final T publisher(Herald herald) {
        return publisher.apply(Objects.requireNonNull(herald, "herald"));
    }
}
