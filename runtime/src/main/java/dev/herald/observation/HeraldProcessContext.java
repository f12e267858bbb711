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

    private final HeraldChannelKeys keys;
    private final String channel;
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
        this(new HeraldChannelKeys(declaredChannel, system), channel, messageId, carrier);
    }

    /**
     * A context that shares its subscription's key values, as Herald makes them: no key values of its own.
     *
     * @param keys the subscription's declared channel's, made once per channel
     * @param channel the concrete channel the message came on
     * @param messageId a request's correlation id, or null
     * @param carrier the trace context the message carried, or null
     */
    public HeraldProcessContext(HeraldChannelKeys keys, String channel, String messageId, Map<String, String> carrier) {
        super((fields, key) -> fields == null ? null : fields.get(key));
        this.keys = Objects.requireNonNull(keys, "keys");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.messageId = messageId;
        if (carrier != null) {
            setCarrier(carrier);
        }
    }

    /** @return the subscription's channel, template or pattern as declared, without the prefix */
    public String declaredChannel() {
        return keys.declaredChannel();
    }

    /** @return the concrete channel the message came on (prefix included) */
    public String channel() {
        return channel;
    }

    /** @return {@code redis}, or {@code herald} in memory and on an application's transport */
    public String system() {
        return keys.system();
    }

    /** @return the key values this context shares with every other of its subscription's declared channel */
    public HeraldChannelKeys keys() {
        return keys;
    }

    /** @return a request's correlation id, or null */
    public String messageId() {
        return messageId;
    }
}
