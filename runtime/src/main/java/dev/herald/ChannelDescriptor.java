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

    private ChannelDescriptor(String name, PayloadType<T> payloadType, Class<?> declaringInterface, String methodName) {
        this.name = Objects.requireNonNull(name, "name");
        this.payloadType = Objects.requireNonNull(payloadType, "payloadType");
        this.declaringInterface = Objects.requireNonNull(declaringInterface, "declaringInterface");
        this.methodName = Objects.requireNonNull(methodName, "methodName");
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
        return new ChannelDescriptor<>(name, payloadType, declaringInterface, methodName);
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

    @Override
    public String toString() {
        return "\"" + name + "\" (" + payloadType + ") declared by " + declaringInterface.getName() + "." + methodName + "(...)";
    }
}
