package dev.herald.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** Retries in order, then a dead letter for the event that never succeeds. */
class RetryTest extends ExampleTestSupport {

    @Override
    String name() {
        return "retry";
    }

    @Override
    void checkOutput(List<String> lines) {
        assertEquals(List.of(
                "processor pay-1 succeeded on attempt 1",
                "processor pay-2 attempt 1 failed (gateway timeout)",
                "processor pay-2 attempt 2 failed (gateway timeout)",
                "processor pay-2 succeeded on attempt 3",
                "processor pay-3 attempt 1 failed (gateway timeout)",
                "processor pay-3 attempt 2 failed (gateway timeout)",
                "processor pay-3 attempt 3 failed (gateway timeout)",
                "processor pay-3 attempt 4 failed (gateway timeout)",
                "dead letter after 4 attempts: {\"eventId\":\"pay-3\",\"action\":\"charge card\"}"), lines);
    }
}
