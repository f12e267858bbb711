package dev.herald.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** Retries with growing backoff, in order, then one report for the event that never succeeds. */
class RetryTest extends ExampleTestSupport {

    @Override
    String name() {
        return "retry";
    }

    @Override
    void checkOutput(List<String> lines) {
        assertEquals(List.of(
                "processor pay-1 succeeded on attempt 1",
                "processor pay-2 attempt 1 failed (gateway timeout), retrying after 10 ms + jitter",
                "processor pay-2 attempt 2 failed (gateway timeout), retrying after 20 ms + jitter",
                "processor pay-2 succeeded on attempt 3",
                "processor pay-3 attempt 1 failed (gateway timeout), retrying after 10 ms + jitter",
                "processor pay-3 attempt 2 failed (gateway timeout), retrying after 20 ms + jitter",
                "processor pay-3 attempt 3 failed (gateway timeout), retrying after 40 ms + jitter",
                "alerting  pay-3 failed after 4 attempts: gateway timeout"), lines);
    }
}
