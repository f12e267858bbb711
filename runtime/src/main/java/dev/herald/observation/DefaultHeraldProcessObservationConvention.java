package dev.herald.observation;

import static dev.herald.observation.HeraldObservation.HighCardinalityKeys.HERALD_CHANNEL;
import static dev.herald.observation.HeraldObservation.HighCardinalityKeys.MESSAGING_MESSAGE_ID;
import static dev.herald.observation.HeraldObservation.LowCardinalityKeys.MESSAGING_DESTINATION_NAME;
import static dev.herald.observation.HeraldObservation.LowCardinalityKeys.MESSAGING_OPERATION_NAME;
import static dev.herald.observation.HeraldObservation.LowCardinalityKeys.MESSAGING_OPERATION_TYPE;
import static dev.herald.observation.HeraldObservation.LowCardinalityKeys.MESSAGING_SYSTEM;

import io.micrometer.common.KeyValues;

/**
 * The {@code herald.process} observation as Herald names it: contextual name {@code process <declared channel>},
 * low-cardinality {@code messaging.system}, {@code messaging.operation.type=process},
 * {@code messaging.operation.name=process} and {@code messaging.destination.name} (the subscription's declared
 * channel, template or pattern); high-cardinality {@code herald.channel} (the concrete channel) and, for a request,
 * {@code messaging.message.id}.
 */
public class DefaultHeraldProcessObservationConvention implements HeraldProcessObservationConvention {

    /** The one instance Herald uses. */
    public static final DefaultHeraldProcessObservationConvention INSTANCE = new DefaultHeraldProcessObservationConvention();

    /** For subclasses; Herald uses {@link #INSTANCE}. */
    public DefaultHeraldProcessObservationConvention() {
    }

    @Override
    public String getName() {
        return HeraldObservation.PROCESS.getName();
    }

    @Override
    public String getContextualName(HeraldProcessContext context) {
        return "process " + context.declaredChannel();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(HeraldProcessContext context) {
        return KeyValues.of(MESSAGING_SYSTEM.withValue(context.system()), MESSAGING_OPERATION_TYPE.withValue("process"),
                MESSAGING_OPERATION_NAME.withValue("process"),
                MESSAGING_DESTINATION_NAME.withValue(context.declaredChannel()));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(HeraldProcessContext context) {
        KeyValues values = KeyValues.of(HERALD_CHANNEL.withValue(context.channel()));
        return context.messageId() == null ? values : values.and(MESSAGING_MESSAGE_ID.withValue(context.messageId()));
    }
}
