package dev.herald.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** The global feed keeps the newest 100, newest first; u-1's live feed gets only u-1's activities. */
class ActivityFeedTest extends ExampleTestSupport {

    @Override
    String name() {
        return "activity-feed";
    }

    @Override
    void checkOutput(List<String> lines) {
        assertEquals(List.of(
                "global feed keeps 100 of 120 activities, newest first:",
                "  u-3 posted #120",
                "  u-2 posted #119",
                "  u-1 posted #118",
                "  ... oldest kept: u-3 posted #21",
                "u-1's live feed received 40 activities"), lines);
    }
}
