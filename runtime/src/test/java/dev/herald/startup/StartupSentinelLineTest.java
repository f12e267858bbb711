package dev.herald.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.testing.RedisClusterExtension;
import dev.herald.testing.RedisSentinel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code Herald.fromEnvironment()} with {@code REDIS_URL=redis-sentinel://...#mymaster} connects through the
 * Sentinels and says so in its INFO line, and a password in that URI is never printed. Each case runs
 * {@link StartupMain} in a JVM of its own, since only a new process has an environment of its own.
 */
@ExtendWith(RedisClusterExtension.class)
class StartupSentinelLineTest {

    private record Run(int exitCode, String output) {
    }

    private static Run run(String redisUrl) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StartupMain.class.getName()).redirectErrorStream(true);
        builder.environment().remove("REDIS_CLUSTER_URL");
        builder.environment().put("REDIS_URL", redisUrl);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child JVM ended");
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static String hostPorts(RedisSentinel setup) {
        return setup.sentinels().stream().map(s -> s.host() + ":" + s.port()).reduce((a, b) -> a + "," + b)
                .orElseThrow();
    }

    @Test
    void theLineNamesTheSentinelsAndTheMaster(RedisSentinel setup) throws Exception {
        Run run = run(setup.sentinelUri());
        assertEquals(0, run.exitCode(), run.output());
        List<String> lines = run.output().lines().filter(line -> line.contains("Herald started")).toList();
        assertEquals(1, lines.size(), run.output());
        assertTrue(lines.get(0).contains("INFO"), lines.get(0));
        assertTrue(lines.get(0).contains("Herald started, Redis via Sentinel " + hostPorts(setup) + " master mymaster"),
                lines.get(0));
    }

    @Test
    void aPasswordIsNeverPrinted(RedisSentinel setup) throws Exception {
        // the servers' default user has no password, and so takes any: the start succeeds
        Run run = run(setup.sentinelUri().replace("redis-sentinel://", "redis-sentinel://:hush-4f9a2c@"));
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("Herald started, Redis via Sentinel " + hostPorts(setup) + " master mymaster"),
                run.output());
        assertFalse(run.output().contains("hush-4f9a2c"), run.output());
    }
}
