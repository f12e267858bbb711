package dev.herald.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names a {@code herald.publish} observation and its keys. Give one of your own to
 * {@link dev.herald.HeraldBuilder#publishObservationConvention}, or register a
 * {@link io.micrometer.observation.GlobalObservationConvention} for {@link HeraldPublishContext} on the registry;
 * {@link DefaultHeraldPublishObservationConvention} is the one used otherwise, and can be extended.
 */
public interface HeraldPublishObservationConvention extends ObservationConvention<HeraldPublishContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof HeraldPublishContext;
    }
}
