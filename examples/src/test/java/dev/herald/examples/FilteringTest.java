package dev.herald.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** One subscriber skips suspended accounts and routes the rest by type, in publish order. */
class FilteringTest extends ExampleTestSupport {

    @Override
    String name() {
        return "filtering";
    }

    @Override
    void checkOutput(List<String> lines) {
        assertEquals(List.of(
                "routed    USER_CREATED of u-1 -> onboarding: sent welcome email",
                "skipped   USER_UPDATED of u-2 (SUSPENDED)",
                "routed    USER_UPDATED of u-1 -> profiles: refreshed cached profile",
                "routed    PASSWORD_RESET of u-3 -> security: logged out other sessions"), lines);
    }
}
