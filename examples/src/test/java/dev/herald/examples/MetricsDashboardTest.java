package dev.herald.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.examples.dashboard.OrderPipelineDashboard;
import dev.herald.testing.RedisCluster;
import dev.herald.testing.RedisClusterExtension;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics dashboard (issue 15, point 6), in memory, on Redis and on a Redis Cluster: a short run of the order pipeline under load,
 * whose sampled meters show traffic on both channels, the handler timer's p99, a buffer that fills while analytics
 * is slow, and the confirmation service's retries, failures and dead letters; and the image drawn of them.
 */
@ExtendWith({RedisServerExtension.class, RedisClusterExtension.class})
class MetricsDashboardTest {

    @Test
    void inMemory(@TempDir Path dir) throws Exception {
        MeterRegistry meters = OrderPipelineDashboard.withHandlerPercentiles(new SimpleMeterRegistry());
        try (Herald herald = Herald.builder().meterRegistry(meters).build()) {
            check(herald, meters, dir.resolve("dashboard.png"));
        }
    }

    @Test
    void onRedis(RedisServer redis, @TempDir Path dir) throws Exception {
        MeterRegistry meters = OrderPipelineDashboard.withHandlerPercentiles(new SimpleMeterRegistry());
        try (Herald herald = Herald.builder().redis(redis.uri()).channelPrefix("dashboard-test:").meterRegistry(meters)
                .build()) {
            check(herald, meters, dir.resolve("dashboard.png"));
        }
    }

    @Test
    void onRedisCluster(RedisCluster cluster, @TempDir Path dir) throws Exception {
        MeterRegistry meters = OrderPipelineDashboard.withHandlerPercentiles(new SimpleMeterRegistry());
        try (Herald herald = Herald.builder().redisCluster(cluster.seedUris().toArray(String[]::new))
                .channelPrefix("dashboard-test:").meterRegistry(meters).build()) {
            check(herald, meters, dir.resolve("dashboard.png"));
        }
    }

    @Test
    void theRunnerGivesTheExampleARegistryAndWritesTheImage(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("from-runner.png");
        String before = System.getProperty("dashboard");
        System.setProperty("dashboard", png.toString());
        System.setProperty("dashboard.seconds", "1");
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int code = Examples.run("metrics-dashboard", null, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String output = bytes.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, output);
            assertTrue(output.contains("dashboard written to " + png.toAbsolutePath()), output);
            assertTrue(ImageIO.read(png.toFile()) != null, "not an image");
        } finally {
            if (before == null) {
                System.clearProperty("dashboard");
            } else {
                System.setProperty("dashboard", before);
            }
            System.clearProperty("dashboard.seconds");
        }
    }

    private static void check(Herald herald, MeterRegistry meters, Path png) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OrderPipelineDashboard.Result result = new OrderPipelineDashboard(herald, meters,
                new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(Duration.ofMillis(1600), "under test", png);

        assertTrue(result.complete(), "not every order was confirmed or given up: " + result);
        assertTrue(result.published() > 1_000, "published " + result.published());
        assertEquals(result.published() / 100, result.givenUp(), "one order in a hundred is given up");
        List<Map<String, Double>> samples = result.samples().stream().map(s -> s.values()).toList();
        assertTrue(samples.size() >= 10, "sampled every 100 ms: " + samples.size());
        assertTrue(max(samples, "published/s order:created") > 1_000, "the busy phases publish 2,000 orders a second");
        assertTrue(max(samples, "delivered/s order:created") > 1_000);
        assertTrue(max(samples, "delivered/s order:shipping:calculated") > 500);
        assertTrue(max(samples, "handler p99 ms order:created") > 0.5, "analytics parks 0.9 ms while slow");
        assertTrue(max(samples, "buffered") > 0, "analytics falls behind while slow");
        Map<String, Double> last = samples.get(samples.size() - 1);
        assertEquals(result.givenUp(), last.get("dead letters"), 0.0, "every order given up is a dead letter");
        assertEquals(result.givenUp(), last.get("failures"), 0.0);
        assertTrue(last.get("retries") >= 2.0 * result.givenUp() + result.published() / 100 - 1, "retries " + last);
        assertEquals(0.0, last.get("buffered"), "the buffers drained");

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1400, image.getWidth());
        assertEquals(900, image.getHeight());
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("dashboard written to"));
    }

    private static double max(List<Map<String, Double>> samples, String series) {
        return samples.stream().mapToDouble(values -> values.getOrDefault(series, 0.0)).max().orElse(0);
    }
}
