package dev.herald.metrics;

import dev.herald.HeraldBuilder;

/** The observations in memory. */
class InMemoryObservationTest extends ObservationContract {

    @Override
    protected HeraldBuilder onTransport(HeraldBuilder builder) {
        return builder;
    }

    @Override
    protected String system() {
        return "herald";
    }
}
