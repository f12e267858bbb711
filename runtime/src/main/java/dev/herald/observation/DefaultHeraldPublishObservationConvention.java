package dev.herald.observation;

import static dev.herald.observation.HeraldObservation.HighCardinalityKeys.MESSAGING_MESSAGE_ID;

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
        return context.keys().sendName(context.operation());
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(HeraldPublishContext context) {
        return context.keys().sendLowCardinality(context.operation());
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(HeraldPublishContext context) {
        KeyValues values = context.keys().channelKeyValues(context.channel());
        return context.messageId() == null ? values : values.and(MESSAGING_MESSAGE_ID.withValue(context.messageId()));
    }
}
