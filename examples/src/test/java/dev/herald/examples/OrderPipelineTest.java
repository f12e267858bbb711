package dev.herald.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.examples.orders.OrderPipeline;
import dev.herald.testing.RedisCluster;
import dev.herald.testing.RedisClusterExtension;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's main example, on every transport: every order makes every hop. */
@ExtendWith({RedisServerExtension.class, RedisClusterExtension.class})
class OrderPipelineTest {

    @Test
    void inMemory() throws Exception {
        try (Herald herald = Herald.inMemory()) {
            checkTrace(herald);
        }
    }

    @Test
    void onRedis(RedisServer redis) throws Exception {
        try (Herald herald = Herald.builder().redis(redis.uri()).channelPrefix("example-test:").build()) {
            checkTrace(herald);
        }
    }

    @Test
    void onRedisCluster(RedisCluster cluster) throws Exception {
        try (Herald herald = Herald.builder().redisCluster(cluster.seedUris().toArray(String[]::new))
                .channelPrefix("example-test:").build()) {
            checkTrace(herald);
        }
    }

    private static void checkTrace(Herald herald) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean done = new OrderPipeline(herald, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(3);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

        assertTrue(done, "not every order was confirmed:\n" + String.join("\n", lines));
        for (String order : List.of("1001", "1002", "1003")) {
            assertEquals(1, count(lines, "api      -> order:created              order " + order), order);
            assertEquals(1, count(lines, "shipping <- order:created              order " + order + " for"), order);
            assertEquals(1, count(lines, "shipping -> order:shipping:calculated  order " + order + ": shipping"), order);
            assertEquals(1, count(lines, "confirm  <- order:shipping:calculated  confirmation sent for order " + order), order);
        }
        assertEquals(12, lines.size(), String.join("\n", lines));
        assertEquals(1, count(lines, "order 1001: shipping 8.34"), "shipping is 3.99 + 1.50 per kg, 2.9 kg");
    }

    private static long count(List<String> lines, String fragment) {
        return lines.stream().filter(line -> line.contains(fragment)).count();
    }
}
