package dev.herald.metrics;

import dev.herald.HeraldBuilder;

/** The meters in memory. */
class InMemoryMetricsTest extends MetricsContract {

    @Override
    protected HeraldBuilder onTransport(HeraldBuilder builder) {
        return builder;
    }
}
