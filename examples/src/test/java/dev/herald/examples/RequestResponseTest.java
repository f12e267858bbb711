package dev.herald.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.testing.RedisServer;
import java.util.List;

/** Typed request-reply: replies, a timeout, and a request with no responder failing at once. */
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
                "a slow answer: no answer within 100 ms",
                "price of book after the data service stopped: no responder"), lines);
    }

    @Override
    void checkRedis(RedisServer redis, String prefix) {
        // the requester listens on one reply channel of its own, never one SUBSCRIBE per request
        assertEquals(List.of(), redis.pubsubChannels(prefix + "response:*"));
    }
}
