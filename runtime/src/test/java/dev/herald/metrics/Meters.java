package dev.herald.metrics;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.time.Duration;
import java.util.List;
import java.util.function.DoubleSupplier;

/** Reads a registry's meters by name and tags; a meter that is missing fails the test. */
final class Meters {

    static final Duration WAIT = Duration.ofSeconds(Long.getLong("herald.test.waitSeconds", 20));

    private final MeterRegistry registry;

    Meters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @return a counter's count; tags as name, value, name, value, ... */
    double counter(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    /** @return how many times a timer recorded */
    long timerCount(String name, String... tags) {
        return registry.get(name).tags(tags).timer().count();
    }

    /** @return a gauge's value */
    double gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    /** Waits until the value is the one expected; the caller asserts it again if it must stay so. */
    static void awaitValue(double expected, DoubleSupplier value) {
        await().atMost(WAIT).until(() -> value.getAsDouble() == expected);
    }

    /** @return every tag value of every Herald meter */
    List<String> tagValues() {
        return registry.getMeters().stream().filter(m -> m.getId().getName().startsWith("herald."))
                .map(Meter::getId).flatMap(id -> id.getTags().stream()).map(Tag::getValue).toList();
    }
}
