package dev.herald;

import java.util.Objects;

/**
 * A request-reply channel as the processor saw it: a {@code CompletionStage<R>} method of a channel
 * interface. Generated bindings hold one per such method; {@link Herald#requests(RequestDescriptor)} and
 * {@link Herald#requestTemplate(RequestDescriptor)} turn it into something that sends requests and serves them.
 *
 * @param <T> the request payload type
 * @param <R> the reply payload type
 */
public final class RequestDescriptor<T, R> {
    private final ChannelDescriptor<T> channel;
    private final PayloadType<R> replyType;

    private RequestDescriptor(ChannelDescriptor<T> channel, PayloadType<R> replyType) {
        this.channel = channel;
        this.replyType = Objects.requireNonNull(replyType, "replyType");
    }

    /**
     * Describes a request-reply channel.
     *
     * @param name the channel name or template as declared, without the prefix
     * @param requestType the request payload's type
     * @param replyType the reply payload's type
     * @param declaringInterface the channel interface that declares it
     * @param methodName the method that declares it
     * @param <T> the request payload type
     * @param <R> the reply payload type
     * @return the descriptor
     */
    public static <T, R> RequestDescriptor<T, R> of(String name, PayloadType<T> requestType, PayloadType<R> replyType,
            Class<?> declaringInterface, String methodName) {
        return new RequestDescriptor<>(ChannelDescriptor.of(name, requestType, declaringInterface, methodName), replyType);
    }

    /** @return the request channel: its name, the request's type and the declaring method */
    public ChannelDescriptor<T> channel() {
        return channel;
    }

    /** @return the channel name or template as declared, without the prefix */
    public String name() {
        return channel.name();
    }

    /** @return the request payload's type */
    public PayloadType<T> requestType() {
        return channel.payloadType();
    }

    /** @return the reply payload's type */
    public PayloadType<R> replyType() {
        return replyType;
    }

    @Override
    public String toString() {
        return channel + " replying " + replyType;
    }
}
