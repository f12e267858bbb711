package dev.herald.observation;

import static dev.herald.observation.HeraldObservation.HighCardinalityKeys.HERALD_CHANNEL;
import static dev.herald.observation.HeraldObservation.HighCardinalityKeys.MESSAGING_MESSAGE_ID;
import static dev.herald.observation.HeraldObservation.LowCardinalityKeys.MESSAGING_DESTINATION_NAME;
import static dev.herald.observation.HeraldObservation.LowCardinalityKeys.MESSAGING_OPERATION_NAME;
import static dev.herald.observation.HeraldObservation.LowCardinalityKeys.MESSAGING_OPERATION_TYPE;
import static dev.herald.observation.HeraldObservation.LowCardinalityKeys.MESSAGING_SYSTEM;

import io.micrometer.common.KeyValues;

/**
 * The {@code herald.publish} observation as Herald names it: contextual name {@code publish <declared channel>},
 * low-cardinality {@code messaging.system}, {@code messaging.operation.type=send},
 * {@code messaging.operation.name} ({@code publish} or {@code request}) and {@code messaging.destination.name} (the
 * declared channel); high-cardinality {@code herald.channel} (the concrete channel) and, for a request,
 * {@code messaging.message.id}.
 */
public class DefaultHeraldPublishObservationConvention implements HeraldPublishObservationConvention {

    /** The one instance Herald uses. */
    public static final DefaultHeraldPublishObservationConvention INSTANCE = new DefaultHeraldPublishObservationConvention();

    /** For subclasses; Herald uses {@link #INSTANCE}. */
    public DefaultHeraldPublishObservationConvention() {
    }

    @Override
    public String getName() {
        return HeraldObservation.PUBLISH.getName();
    }

    @Override
    public String getContextualName(HeraldPublishContext context) {
        return context.operation() + " " + context.declaredChannel();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(HeraldPublishContext context) {
        return KeyValues.of(MESSAGING_SYSTEM.withValue(context.system()), MESSAGING_OPERATION_TYPE.withValue("send"),
                MESSAGING_OPERATION_NAME.withValue(context.operation()),
                MESSAGING_DESTINATION_NAME.withValue(context.declaredChannel()));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(HeraldPublishContext context) {
        KeyValues values = KeyValues.of(HERALD_CHANNEL.withValue(context.channel()));
        return context.messageId() == null ? values : values.and(MESSAGING_MESSAGE_ID.withValue(context.messageId()));
    }
}
