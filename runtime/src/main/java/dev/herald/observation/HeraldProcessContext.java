package dev.herald.observation;

import io.micrometer.observation.transport.ReceiverContext;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@code herald.process} observation knows of the message its handler takes. Its carrier holds the trace
 * context the message brought: a request's envelope fields ({@code traceparent}, {@code tracestate}), so that a
 * tracing handler continues the requester's trace; a plain message brings none ({@code null}).
 */
public final class HeraldProcessContext extends ReceiverContext<Map<String, String>> {

    private final String declaredChannel;
    private final String channel;
    private final String system;
    private final String messageId;

    /**
     * @param declaredChannel the declared channel, template or pattern of the subscription, without the prefix
     * @param channel the concrete channel the message came on
     * @param system {@code redis} or {@code herald}
     * @param messageId a request's correlation id, or null
     * @param carrier the trace context the message carried, or null
     */
    public HeraldProcessContext(String declaredChannel, String channel, String system, String messageId,
            Map<String, String> carrier) {
        super((fields, key) -> fields == null ? null : fields.get(key));
        this.declaredChannel = Objects.requireNonNull(declaredChannel, "declaredChannel");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.system = Objects.requireNonNull(system, "system");
        this.messageId = messageId;
        if (carrier != null) {
            setCarrier(carrier);
        }
    }

    /** @return the subscription's channel, template or pattern as declared, without the prefix */
    public String declaredChannel() {
        return declaredChannel;
    }

    /** @return the concrete channel the message came on (prefix included) */
    public String channel() {
        return channel;
    }

    /** @return {@code redis}, or {@code herald} in memory and on an application's transport */
    public String system() {
        return system;
    }

    /** @return a request's correlation id, or null */
    public String messageId() {
        return messageId;
    }
}
