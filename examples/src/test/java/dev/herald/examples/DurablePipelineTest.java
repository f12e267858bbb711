package dev.herald.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.examples.durableorders.DurableOrderPipeline;
import dev.herald.testing.RedisCluster;
import dev.herald.testing.RedisClusterExtension;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The durable order pipeline: the orders placed while the shipping service is stopped are shipped once it starts
 * again, and every order is confirmed, in memory, on Redis and on a Redis Cluster.
 */
@ExtendWith({RedisServerExtension.class, RedisClusterExtension.class})
class DurablePipelineTest {

    @Test
    void inMemory() throws Exception {
        try (Herald herald = Herald.inMemory()) {
            checkTrace(herald);
        }
    }

    @Test
    void onRedis(RedisServer redis) throws Exception {
        String prefix = "durable-example-" + UUID.randomUUID().toString().substring(0, 8) + ":";
        try (Herald herald = Herald.builder().redis(redis.uri()).channelPrefix(prefix).build()) {
            checkTrace(herald);
        }
        String stream = "herald:stream:" + prefix + "order:accepted";
        assertEquals("9", redis.command("XLEN", stream), "every order is in the stream");
        String groups = redis.command("XINFO", "GROUPS", stream);
        assertTrue(groups.contains("shipping"), groups);
    }

    @Test
    void onRedisCluster(RedisCluster cluster) throws Exception {
        try (Herald herald = Herald.builder().redisCluster(cluster.seedUris().toArray(String[]::new))
                .channelPrefix("durable-example-" + UUID.randomUUID().toString().substring(0, 8) + ":").build()) {
            checkTrace(herald);
        }
    }

    private static void checkTrace(Herald herald) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean done = new DurableOrderPipeline(herald, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(9);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        String trace = String.join("\n", lines);
        assertTrue(done, "not every order was confirmed:\n" + trace);
        int stopped = index(lines, "shipping --", "stopped");
        int started = index(lines, "shipping --", "started again");
        assertTrue(stopped >= 0 && started > stopped, trace);
        for (int order = 4; order <= 6; order++) {
            String id = "200" + order;
            int placed = index(lines, "api      -> order:accepted", "order " + id);
            int shipped = index(lines, "shipping <- order:accepted", "order " + id + ":");
            assertTrue(placed > stopped && placed < started, "order " + id + " was placed while shipping was down\n" + trace);
            assertTrue(shipped > started, "order " + id + " was shipped after the restart\n" + trace);
        }
        for (int order = 1; order <= 9; order++) {
            assertEquals(1, count(lines, "confirmation sent for order 200" + order), "order 200" + order + "\n" + trace);
        }
        assertTrue(lines.get(lines.size() - 1).contains("9 of 9 orders confirmed"), trace);
    }

    private static int index(List<String> lines, String start, String contains) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(start) && lines.get(i).contains(contains)) {
                return i;
            }
        }
        return -1;
    }

    private static long count(List<String> lines, String contains) {
        return lines.stream().filter(line -> line.contains(contains)).count();
    }
}
