package dev.herald.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.testing.RedisServer;
import java.util.List;

/** Replies find their request by correlation id; an unanswered request times out. */
class RequestResponseTest extends ExampleTestSupport {

    @Override
    String name() {
        return "request-response";
    }

    @Override
    void checkOutput(List<String> lines) {
        assertEquals(List.of(
                "price of book: 12.50",
                "price of lamp: 24.00",
                "price of book after the data service stopped: no answer within 100 ms"), lines);
    }

    @Override
    void checkRedis(RedisServer redis, String prefix) {
        // the requester listens with one pattern, never one SUBSCRIBE per request
        assertEquals(List.of(), redis.pubsubChannels(prefix + "response:*"));
    }
}
