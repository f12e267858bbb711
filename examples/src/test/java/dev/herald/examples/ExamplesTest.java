package dev.herald.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The names {@code -Dexample=} accepts; the order pipeline comes first, as the default. */
class ExamplesTest {

    @Test
    void everyPatternHasAnExampleByName() {
        assertEquals(List.of("order-pipeline", "broadcast", "notifications", "fan-out", "filtering", "request-response",
                "retry", "lifecycle", "idempotency", "multi-tenant", "cache-invalidation", "activity-feed",
                "metrics-dashboard", "durable-pipeline"),
                List.copyOf(Examples.ALL.keySet()));
    }
}
