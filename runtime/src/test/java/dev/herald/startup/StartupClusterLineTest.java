package dev.herald.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.testing.RedisCluster;
import dev.herald.testing.RedisClusterExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code Herald.fromEnvironment()} reads {@code REDIS_CLUSTER_URL} (comma-separated seeds), says so in its INFO
 * line, and refuses {@code REDIS_URL} and {@code REDIS_CLUSTER_URL} set together. Each case runs
 * {@link StartupMain} in a JVM of its own, since only a new process has an environment of its own.
 */
@ExtendWith(RedisClusterExtension.class)
class StartupClusterLineTest {

    private record Run(int exitCode, String output) {
    }

    private static Run run(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StartupMain.class.getName()).redirectErrorStream(true);
        builder.environment().remove("REDIS_URL");
        builder.environment().remove("REDIS_CLUSTER_URL");
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child JVM ended");
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    @Test
    void onAClusterTheLineNamesTheSeeds(RedisCluster cluster) throws Exception {
        List<String> seeds = cluster.seedUris().subList(0, 2);
        Run run = run(Map.of("REDIS_CLUSTER_URL", String.join(",", seeds)));
        assertEquals(0, run.exitCode(), run.output());
        List<String> lines = run.output().lines().filter(line -> line.contains("Herald started")).toList();
        assertEquals(1, lines.size(), run.output());
        String hostPorts = seeds.stream().map(seed -> seed.replaceFirst("^redis://", "")).reduce((a, b) -> a + "," + b)
                .orElseThrow();
        assertTrue(lines.get(0).contains("INFO"), lines.get(0));
        assertTrue(lines.get(0).contains("Herald started, Redis Cluster at " + hostPorts), lines.get(0));
    }

    @Test
    void bothVariablesSetFailLoudly(RedisCluster cluster) throws Exception {
        Run run = run(Map.of("REDIS_URL", "redis://127.0.0.1:6379", "REDIS_CLUSTER_URL", cluster.seedUris().get(0)));
        assertNotEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("both REDIS_URL and REDIS_CLUSTER_URL are set"), run.output());
        assertTrue(run.output().lines().noneMatch(line -> line.contains("Herald started")), run.output());
    }
}
