package dev.herald.observation;

import static dev.herald.observation.HeraldObservation.HighCardinalityKeys.MESSAGING_MESSAGE_ID;

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
        return context.keys().processName();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(HeraldProcessContext context) {
        return context.keys().processLowCardinality();
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(HeraldProcessContext context) {
        KeyValues values = context.keys().channelKeyValues(context.channel());
        return context.messageId() == null ? values : values.and(MESSAGING_MESSAGE_ID.withValue(context.messageId()));
    }
}
