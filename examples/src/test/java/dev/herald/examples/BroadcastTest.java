package dev.herald.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** One {@code user:updated}, three independent subscribers: each sees each update once. */
class BroadcastTest extends ExampleTestSupport {

    @Override
    String name() {
        return "broadcast";
    }

    @Override
    void checkOutput(List<String> lines) {
        for (String user : List.of("u-1", "u-2")) {
            assertEquals(1, count(lines, "api           published user:updated for " + user), show(lines));
            assertEquals(1, count(lines, "search-index  reindexed " + user + " ["), show(lines));
            assertEquals(1, count(lines, "notifications told " + user + ": Your profile was updated"), show(lines));
            assertEquals(1, count(lines, "analytics     tracked user_updated for " + user), show(lines));
        }
        assertEquals(1, count(lines, "reindexed u-1 [displayName]"), "the payload's map arrives intact");
        assertEquals(8, lines.size(), show(lines));
    }
}
