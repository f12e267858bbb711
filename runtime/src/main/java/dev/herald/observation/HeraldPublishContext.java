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

    private final HeraldChannelKeys keys;
    private final String channel;
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
        this(new HeraldChannelKeys(declaredChannel, system), channel, operation, messageId, carrier);
    }

    /**
     * A context that shares its declared channel's key values, as Herald makes them: no key values of its own.
     *
     * @param keys the declared channel's, made once per channel
     * @param channel the concrete channel, as sent
     * @param operation {@code publish} or {@code request}
     * @param messageId a request's correlation id, or null
     * @param carrier where the trace context goes, or null when the message has no room for it
     */
    public HeraldPublishContext(HeraldChannelKeys keys, String channel, String operation, String messageId,
            Map<String, String> carrier) {
        super((fields, key, value) -> {
            if (fields != null) {
                fields.put(key, value);
            }
        });
        this.keys = Objects.requireNonNull(keys, "keys");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.messageId = messageId;
        if (carrier != null) {
            setCarrier(carrier);
        }
    }

    /** @return the channel as declared, without the prefix: a template in its {@code {placeholder}} form */
    public String declaredChannel() {
        return keys.declaredChannel();
    }

    /** @return the concrete channel, as sent (prefix and template values included) */
    public String channel() {
        return channel;
    }

    /** @return {@code redis}, or {@code herald} in memory and on an application's transport */
    public String system() {
        return keys.system();
    }

    /** @return {@code publish}, or {@code request} for a request's publish */
    public String operation() {
        return operation;
    }

    /** @return the key values this context shares with every other of its declared channel */
    public HeraldChannelKeys keys() {
        return keys;
    }

    /** @return a request's correlation id, or null */
    public String messageId() {
        return messageId;
    }
}
