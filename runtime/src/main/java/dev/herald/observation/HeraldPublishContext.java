package dev.herald.observation;

import io.micrometer.observation.transport.SenderContext;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@code herald.publish} observation knows of its publish. Its carrier is where a tracing handler writes
 * the trace context: a request's envelope fields ({@code traceparent}, {@code tracestate}); a plain message is its
 * payload's JSON alone, so it has no carrier ({@code null}) and its consumer's trace is not connected to it.
 */
public final class HeraldPublishContext extends SenderContext<Map<String, String>> {

    private final String declaredChannel;
    private final String channel;
    private final String system;
    private final String operation;
    private final String messageId;

    /**
     * @param declaredChannel the channel as declared, without the prefix
     * @param channel the concrete channel, as sent
     * @param system {@code redis} or {@code herald}
     * @param operation {@code publish} or {@code request}
     * @param messageId a request's correlation id, or null
     * @param carrier where the trace context goes, or null when the message has no room for it
     */
    public HeraldPublishContext(String declaredChannel, String channel, String system, String operation,
            String messageId, Map<String, String> carrier) {
        super((fields, key, value) -> {
            if (fields != null) {
                fields.put(key, value);
            }
        });
        this.declaredChannel = Objects.requireNonNull(declaredChannel, "declaredChannel");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.system = Objects.requireNonNull(system, "system");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.messageId = messageId;
        if (carrier != null) {
            setCarrier(carrier);
        }
    }

    /** @return the channel as declared, without the prefix: a template in its {@code {placeholder}} form */
    public String declaredChannel() {
        return declaredChannel;
    }

    /** @return the concrete channel, as sent (prefix and template values included) */
    public String channel() {
        return channel;
    }

    /** @return {@code redis}, or {@code herald} in memory and on an application's transport */
    public String system() {
        return system;
    }

    /** @return {@code publish}, or {@code request} for a request's publish */
    public String operation() {
        return operation;
    }

    /** @return a request's correlation id, or null */
    public String messageId() {
        return messageId;
    }
}
