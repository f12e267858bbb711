package dev.herald.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** One event to three channels: each consumer gets exactly its slice. */
class FanOutTest extends ExampleTestSupport {

    @Override
    String name() {
        return "fan-out";
    }

    @Override
    void checkOutput(List<String> lines) {
        assertEquals(3, count(lines, "audit-log     got "), "events:all gets everything:\n" + show(lines));
        assertEquals(List.of("u-1 session   got SIGNED_IN of u-1", "u-1 session   got PROFILE_UPDATED of u-1"),
                lines.stream().filter(line -> line.startsWith("u-1 session")).toList(),
                "events:user:u-1 gets only u-1's events, in order");
        assertEquals(List.of("profile-cache got PROFILE_UPDATED of u-1", "profile-cache got PROFILE_UPDATED of u-2"),
                lines.stream().filter(line -> line.startsWith("profile-cache")).toList(),
                "events:profile gets only profile updates");
        assertEquals(7, lines.size(), show(lines));
    }
}
