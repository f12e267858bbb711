package dev.herald.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Which transport a Herald runs on is said once, at INFO, when it starts; a {@code REDIS_URL} that is set
 * but is no Redis URI fails loudly instead of falling back to memory. Each case runs {@link StartupMain} in
 * a JVM of its own, since only a new process has an environment of its own.
 */
@ExtendWith(RedisServerExtension.class)
class StartupLineTest {

    private record Run(int exitCode, String output) {
    }

    private static Run run(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StartupMain.class.getName()).redirectErrorStream(true);
        builder.environment().remove("REDIS_URL");
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child JVM ended");
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static List<String> startLines(Run run) {
        return run.output().lines().filter(line -> line.contains("Herald started")).toList();
    }

    @Test
    void withoutRedisUrlTheLineSaysInMemory() throws Exception {
        Run run = run(Map.of("REDIS_ULR", "redis://127.0.0.1:6379")); // misspelt: not read, and the line says so
        assertEquals(0, run.exitCode(), run.output());
        List<String> lines = startLines(run);
        assertEquals(1, lines.size(), run.output());
        assertTrue(lines.get(0).contains("INFO"), lines.get(0));
        assertTrue(lines.get(0).contains("Herald started, in memory, no channel prefix"), lines.get(0));
    }

    @Test
    void onRedisTheLineNamesHostAndPortAndNeverThePassword(RedisServer redis) throws Exception {
        // a user of its own with a password, so the URL holds one and the shared server's default user is untouched
        redis.command("ACL", "SETUSER", "startup-line", "on", ">not-the-password", "~*", "&*", "+@all");
        try {
            Run run = run(Map.of("REDIS_URL", "redis://startup-line:not-the-password@" + redis.host() + ":" + redis.port()));
            assertEquals(0, run.exitCode(), run.output());
            List<String> lines = startLines(run);
            assertEquals(1, lines.size(), run.output());
            assertTrue(lines.get(0).contains("Herald started, Redis at " + redis.host() + ":" + redis.port()), lines.get(0));
            assertFalse(run.output().contains("not-the-password"), run.output());
        } finally {
            redis.command("ACL", "DELUSER", "startup-line");
        }
    }

    @Test
    void aRedisUrlThatIsSetButUnparsableFailsLoudly() throws Exception {
        Run run = run(Map.of("REDIS_URL", "localhost:6379"));
        assertNotEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("REDIS_URL is set but is not a Redis URI"), run.output());
        assertTrue(startLines(run).isEmpty(), run.output());
    }

    @Test
    void theBuilderRunsInMemoryWithoutAUrlAndOnRedisWithOne(RedisServer redis) {
        try (Herald herald = Herald.builder().redisOrInMemory(null).build()) {
            assertTrue(herald.toString().contains("InMemory"), herald.toString());
        }
        try (Herald herald = Herald.builder().redisOrInMemory("  ").build()) {
            assertTrue(herald.toString().contains("InMemory"), herald.toString());
        }
        try (Herald herald = Herald.builder().redisOrInMemory(redis.uri()).build()) {
            assertTrue(herald.toString().contains("RedisTransport[" + redis.host() + ":" + redis.port()), herald.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> Herald.builder().redisOrInMemory("localhost:6379").build());
    }
}
