package dev.herald.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names a {@code herald.process} observation and its keys. Give one of your own to
 * {@link dev.herald.HeraldBuilder#processObservationConvention}, or register a
 * {@link io.micrometer.observation.GlobalObservationConvention} for {@link HeraldProcessContext} on the registry;
 * {@link DefaultHeraldProcessObservationConvention} is the one used otherwise, and can be extended.
 */
public interface HeraldProcessObservationConvention extends ObservationConvention<HeraldProcessContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof HeraldProcessContext;
    }
}
