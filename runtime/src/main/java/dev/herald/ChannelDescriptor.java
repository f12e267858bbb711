package dev.herald;

import java.util.Objects;

/**
 * A declared channel: its name, its payload type and the interface method that declared it. The
 * processor generates one constant per {@code @Channel} method; {@link Herald#channel(ChannelDescriptor)}
 * turns it into a {@link TypedChannel} with its codec bound.
 *
 * @param <T> the payload type
 */
public final class ChannelDescriptor<T> {

    private final String name;
    private final PayloadType<T> payloadType;
    private final Class<?> declaringInterface;
    private final String methodName;
    private final boolean durable;

    private ChannelDescriptor(String name, PayloadType<T> payloadType, Class<?> declaringInterface, String methodName,
            boolean durable) {
        this.name = Objects.requireNonNull(name, "name");
        this.payloadType = Objects.requireNonNull(payloadType, "payloadType");
        this.declaringInterface = Objects.requireNonNull(declaringInterface, "declaringInterface");
        this.methodName = Objects.requireNonNull(methodName, "methodName");
        this.durable = durable;
    }

    /**
     * Describes a channel declared by a method of a channel interface.
     *
     * @param name the channel name as declared, without prefix
     * @param payloadType the payload type
     * @param declaringInterface the interface that declares the channel
     * @param methodName the declaring method
     * @param <T> the payload type
     * @return the descriptor
     */
    public static <T> ChannelDescriptor<T> of(String name, PayloadType<T> payloadType,
            Class<?> declaringInterface, String methodName) {
        return new ChannelDescriptor<>(name, payloadType, declaringInterface, methodName, false);
    }

    /**
     * Describes a durable channel ({@code @Channel(value = ..., durable = true)}): kept in a Redis stream and
     * read through consumer groups, delivered at least once.
     *
     * @param name the channel name as declared, without prefix
     * @param payloadType the payload type
     * @param declaringInterface the interface that declares the channel
     * @param methodName the declaring method
     * @param <T> the payload type
     * @return the descriptor
     */
    public static <T> ChannelDescriptor<T> durable(String name, PayloadType<T> payloadType,
            Class<?> declaringInterface, String methodName) {
        return new ChannelDescriptor<>(name, payloadType, declaringInterface, methodName, true);
    }

    /** @return the channel name as declared, without prefix */
    public String name() {
        return name;
    }

    /** @return the payload type */
    public PayloadType<T> payloadType() {
        return payloadType;
    }

    /** @return the interface that declares the channel */
    public Class<?> declaringInterface() {
        return declaringInterface;
    }

    /** @return the name of the declaring method */
    public String methodName() {
        return methodName;
    }

    /** @return {@code true} for a durable channel (a stream read through consumer groups), {@code false} for pub/sub */
    public boolean isDurable() {
        return durable;
    }

    @Override
    public String toString() {
        return (durable ? "durable " : "") + "\"" + name + "\" (" + payloadType + ") declared by " + declaringInterface.getName() + "." + methodName + "(...)";
    }
}
