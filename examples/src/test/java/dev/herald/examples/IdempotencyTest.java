package dev.herald.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** Redelivered payments are skipped; each is credited once. */
class IdempotencyTest extends ExampleTestSupport {

    @Override
    String name() {
        return "idempotency";
    }

    @Override
    void checkOutput(List<String> lines) {
        assertEquals(List.of(
                "credited  pay-1 10.00 -> balance 10.00",
                "credited  pay-2 20.00 -> balance 30.00",
                "duplicate pay-1 skipped",
                "credited  pay-3 30.00 -> balance 60.00",
                "duplicate pay-2 skipped"), lines);
    }
}
