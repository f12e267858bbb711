package dev.herald.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.testing.RedisServer;
import java.util.List;

/** Per-user channels: pushes reach only connected users, the pattern store gets every one. */
class NotificationsTest extends ExampleTestSupport {

    @Override
    String name() {
        return "notifications";
    }

    @Override
    void checkOutput(List<String> lines) {
        List<String> pushes = lines.stream().filter(line -> line.startsWith("websocket  pushed")).toList();
        assertEquals(List.of("websocket  pushed to u-1: Your order shipped",
                "websocket  pushed to u-1: Your order was delivered",
                "websocket  pushed to u-2: Alan replied to your comment"),
                pushes.stream().sorted().toList(), show(lines));
        assertTrue(indexOf(lines, "u-1: Your order shipped") < indexOf(lines, "u-1: Your order was delivered"),
                "one subscription gets its messages in publish order:\n" + show(lines));

        assertEquals(5, count(lines, "store      saved for "), show(lines));
        assertEquals(1, count(lines, "store      saved for u-3: Welcome back"), "offline users' notifications are stored");
        assertEquals(1, count(lines, "store      saved for u-2: Your password was changed"), show(lines));
        assertTrue(indexOf(lines, "websocket  u-2 disconnected") < indexOf(lines, "u-2: Your password was changed"),
                show(lines));
        assertEquals(9, lines.size(), show(lines));
    }

    @Override
    void checkRedis(RedisServer redis, String prefix) {
        // disconnecting really unsubscribed from Redis
        assertEquals(0, redis.numsub(prefix + "notifications:u-2"));
        assertEquals(0, redis.numsub(prefix + "notifications:u-1"));
    }
}
