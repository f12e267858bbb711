package dev.herald.observation;

import static dev.herald.observation.HeraldObservation.HighCardinalityKeys.HERALD_CHANNEL;
import static dev.herald.observation.HeraldObservation.LowCardinalityKeys.MESSAGING_DESTINATION_NAME;
import static dev.herald.observation.HeraldObservation.LowCardinalityKeys.MESSAGING_OPERATION_NAME;
import static dev.herald.observation.HeraldObservation.LowCardinalityKeys.MESSAGING_OPERATION_TYPE;
import static dev.herald.observation.HeraldObservation.LowCardinalityKeys.MESSAGING_SYSTEM;

import io.micrometer.common.KeyValues;
import java.util.Objects;

/**
 * What every observation of one declared channel shares: its low-cardinality key values and contextual names,
 * made once. Herald makes one per declared channel and hands it to each {@link HeraldPublishContext} and
 * {@link HeraldProcessContext} of that channel, so that the default conventions answer with these instead of
 * making key values per message. Immutable and thread-safe.
 */
public final class HeraldChannelKeys {

    private final String declaredChannel;
    private final String system;
    private final KeyValues publishLowCardinality;
    private final KeyValues requestLowCardinality;
    private final KeyValues processLowCardinality;
    private final String publishName;
    private final String requestName;
    private final String processName;
    /** The first concrete channel seen and its key value: for a plain channel, the only one there is. */
    private volatile ChannelKeyValue first;

    /**
     * @param declaredChannel the channel, template or pattern as declared, without the prefix
     * @param system {@code redis} or {@code herald}
     * @throws NullPointerException when either is null
     */
    public HeraldChannelKeys(String declaredChannel, String system) {
        this.declaredChannel = Objects.requireNonNull(declaredChannel, "declaredChannel");
        this.system = Objects.requireNonNull(system, "system");
        this.publishLowCardinality = sendKeys("publish");
        this.requestLowCardinality = sendKeys("request");
        this.processLowCardinality = KeyValues.of(MESSAGING_SYSTEM.withValue(system),
                MESSAGING_OPERATION_TYPE.withValue("process"), MESSAGING_OPERATION_NAME.withValue("process"),
                MESSAGING_DESTINATION_NAME.withValue(declaredChannel));
        this.publishName = "publish " + declaredChannel;
        this.requestName = "request " + declaredChannel;
        this.processName = "process " + declaredChannel;
    }

    private KeyValues sendKeys(String operation) {
        return KeyValues.of(MESSAGING_SYSTEM.withValue(system), MESSAGING_OPERATION_TYPE.withValue("send"),
                MESSAGING_OPERATION_NAME.withValue(operation), MESSAGING_DESTINATION_NAME.withValue(declaredChannel));
    }

    /** @return the channel, template or pattern as declared, without the prefix */
    public String declaredChannel() {
        return declaredChannel;
    }

    /** @return {@code redis}, or {@code herald} in memory and on an application's transport */
    public String system() {
        return system;
    }

    KeyValues sendLowCardinality(String operation) {
        return switch (operation) {
            case "publish" -> publishLowCardinality;
            case "request" -> requestLowCardinality;
            default -> sendKeys(operation);
        };
    }

    KeyValues processLowCardinality() {
        return processLowCardinality;
    }

    String sendName(String operation) {
        return switch (operation) {
            case "publish" -> publishName;
            case "request" -> requestName;
            default -> operation + " " + declaredChannel;
        };
    }

    String processName() {
        return processName;
    }

    /**
     * @param channel a concrete channel of this declared channel
     * @return {@code herald.channel} with that value: made once for the first channel seen (a plain channel has
     *     only that one), and each time for the other concrete channels of a template or pattern
     */
    KeyValues channelKeyValues(String channel) {
        ChannelKeyValue seen = first;
        if (seen != null) {
            return seen.channel.equals(channel) ? seen.keyValues : KeyValues.of(HERALD_CHANNEL.withValue(channel));
        }
        seen = new ChannelKeyValue(channel, KeyValues.of(HERALD_CHANNEL.withValue(channel)));
        first = seen;
        return seen.keyValues;
    }

    @Override
    public String toString() {
        return "HeraldChannelKeys[" + declaredChannel + ", " + system + "]";
    }

    private record ChannelKeyValue(String channel, KeyValues keyValues) {
    }
}
