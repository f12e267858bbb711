package dev.herald.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.HeraldException;
import dev.herald.testing.RedisCluster;
import dev.herald.testing.RedisClusterExtension;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The runner behind {@code mvn ... exec:java [-Dexample=NAME]}: {@link Examples#run(String, String, PrintStream)},
 * which {@code main} calls with its argument, {@code REDIS_URL}, {@code REDIS_CLUSTER_URL} and {@code System.out},
 * then exits with.
 */
@ExtendWith({RedisServerExtension.class, RedisClusterExtension.class})
class RunnerTest {

    private static final String DEFAULT = "order-pipeline";
    private static final Pattern DONE = Pattern.compile("Done in \\d+[.,]\\d ms");

    /** What one run printed and returned. */
    private record Result(int code, List<String> lines) {
        String shown() {
            return "exit code " + code + ", output:\n" + String.join("\n", lines);
        }
    }

    private static Result run(String example, String redisUrl) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = Examples.run(example, redisUrl, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Result(code, bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void execJavaRunsTheOrderPipelineByDefault() throws IOException {
        String pom = Files.readString(Path.of(System.getProperty("basedir", "."), "pom.xml"));
        Matcher example = Pattern.compile("<example>([^<]*)</example>").matcher(pom);
        assertTrue(example.find(), "no <example> property in examples/pom.xml");
        assertEquals(DEFAULT, example.group(1).strip(), "the example exec:java runs without -Dexample");
        assertTrue(pom.contains("<mainClass>dev.herald.examples.Examples</mainClass>"), "exec:java's main class");
        assertTrue(pom.contains("<argument>${example}</argument>"), "exec:java passes -Dexample to main");
    }

    @Test
    void theDefaultRunsInMemoryThroughEveryHop() throws Exception {
        Result result = run(DEFAULT, null);

        assertEquals(0, result.code(), result.shown());
        List<String> lines = result.lines();
        assertEquals("Herald example 'order-pipeline' in memory (set REDIS_URL to run it on Redis, REDIS_CLUSTER_URL on a Redis Cluster)", lines.get(0),
                result.shown());
        assertEveryHop(result);
        assertTrue(DONE.matcher(lines.get(lines.size() - 1)).matches(), "last line is Done in N ms\n" + result.shown());
        assertEquals(1 + 12 + 1, lines.size(), "header, four hops for each of three orders, Done\n" + result.shown());
    }

    @Test
    void aBlankRedisUrlIsInMemory() throws Exception {
        Result result = run(DEFAULT, "  ");

        assertEquals(0, result.code(), result.shown());
        assertTrue(result.lines().get(0).endsWith("in memory (set REDIS_URL to run it on Redis, REDIS_CLUSTER_URL on a Redis Cluster)"), result.shown());
    }

    @Test
    void theNameIsStripped() throws Exception {
        Result result = run("  " + DEFAULT + "\n", null);

        assertEquals(0, result.code(), result.shown());
        assertEquals("Herald example 'order-pipeline' in memory (set REDIS_URL to run it on Redis, REDIS_CLUSTER_URL on a Redis Cluster)",
                result.lines().get(0), result.shown());
    }

    @Test
    void listNamesEveryExample() throws Exception {
        assertListing(run("list", null));
    }

    @Test
    void anEmptyNameLists() throws Exception {
        assertListing(run("", null));
    }

    @Test
    void noArgumentLists() throws Exception {
        // main with no argument; exec:java always passes one, -Dexample's value or the pom's default
        assertListing(run(null, null));
    }

    @Test
    void anUnknownNameFailsAndListsTheNames() throws Exception {
        Result result = run("no-such-example", null);

        assertEquals(2, result.code(), result.shown());
        assertEquals(expectedListing("No example named 'no-such-example'. Examples:"), result.lines());
    }

    @Test
    void anExampleWhoseMessagesDidNotArriveExitsWithOne() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, Examples.Example> examples = Map.of("lossy", (herald, out) -> {
            out.println("lost a message");
            return false;
        });

        int code = Examples.run(examples, "lossy", null, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        Result result = new Result(code, bytes.toString(StandardCharsets.UTF_8).lines().toList());
        assertEquals(1, result.code(), result.shown());
        assertEquals(3, result.lines().size(), result.shown());
        assertEquals("lost a message", result.lines().get(1), result.shown());
        assertTrue(result.lines().get(2).matches("FAILED: not every message arrived in \\d+[.,]\\d ms"), result.shown());
    }

    @Test
    void theDefaultRunsOnRedis(RedisServer redis) throws Exception {
        Result result = run(DEFAULT, redis.uri());

        assertEquals(0, result.code(), result.shown());
        List<String> lines = result.lines();
        assertTrue(lines.get(0).startsWith("Herald example 'order-pipeline' on Redis at redis"), result.shown());
        assertFalse(lines.get(0).contains("in memory"), result.shown());
        assertEveryHop(result);
        assertTrue(DONE.matcher(lines.get(lines.size() - 1)).matches(), "last line is Done in N ms\n" + result.shown());
    }

    @Test
    void theDefaultRunsOnARedisCluster(RedisCluster cluster) throws Exception {
        String seeds = String.join(",", cluster.seedUris());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = Examples.run(DEFAULT, null, seeds, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Result result = new Result(code, bytes.toString(StandardCharsets.UTF_8).lines().toList());

        assertEquals(0, result.code(), result.shown());
        assertEquals("Herald example 'order-pipeline' on a Redis Cluster at " + seeds, result.lines().get(0), result.shown());
        assertEveryHop(result);
        assertTrue(DONE.matcher(result.lines().get(result.lines().size() - 1)).matches(), result.shown());
    }

    @Test
    void onTheCommandLineAnExampleThatNeedsOneServerSaysSoInOneLineOnACluster(RedisCluster cluster) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Examples.runFromCommandLine("notifications", null, String.join(",", cluster.seedUris()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(Examples.NEEDS_SINGLE_SERVER, code);
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing runs");
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size(), "one line: " + lines);
        assertTrue(lines.get(0).startsWith("Herald example 'notifications' needs a single Redis server, not a Redis Cluster: "
                + "its store saves every user's notifications through one pattern subscription"), lines.get(0));
        assertTrue(lines.get(0).endsWith("unset REDIS_CLUSTER_URL and set REDIS_URL, or run it in memory"), lines.get(0));
    }

    @Test
    void onTheCommandLineBothRedisUrlAndRedisClusterUrlIsOneLine() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Examples.runFromCommandLine(DEFAULT, "redis://127.0.0.1:6379", "redis://127.0.0.1:7000",
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(3, code);
        assertEquals("Herald could not start: both REDIS_URL and REDIS_CLUSTER_URL are set: set REDIS_URL for one Redis"
                + " server or REDIS_CLUSTER_URL (comma-separated seeds) for a Redis Cluster, not both",
                err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void aClusterSeedsPasswordIsNotPrinted() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // nothing listens there once closed
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Examples.runFromCommandLine(DEFAULT, null, "redis://:s3cret@127.0.0.1:" + port + ",redis://:s3cret@127.0.0.1:" + port,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8));
        assertEquals(3, code, "nothing accepts connections there");
        assertEquals("Herald example 'order-pipeline' on a Redis Cluster at redis://***@127.0.0.1:" + port
                + ",redis://***@127.0.0.1:" + port, out.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void anUnreachableRedisThrowsAndThePasswordIsNotPrinted() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // nothing listens there once closed
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        // unreachable: main lets the exception out, so the JVM exits non-zero
        assertThrows(HeraldException.class,
                () -> Examples.run(DEFAULT, "redis://:s3cret@127.0.0.1:" + port, out));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertEquals("Herald example 'order-pipeline' on Redis at redis://***@127.0.0.1:" + port,
                printed.strip(), printed);
    }

    @Test
    void onTheCommandLineAnUnreachableRedisIsOneLineWithTheCauseAndTheFix() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // nothing listens there once closed
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Examples.runFromCommandLine("order-pipeline", "redis://:s3cret@127.0.0.1:" + port,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(3, code);
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size(), "one line, no stack trace: " + lines);
        assertTrue(lines.get(0).startsWith("Herald could not start: nothing accepts connections at 127.0.0.1:" + port
                + ": start redis-server there"), lines.get(0));
        assertTrue(!lines.get(0).contains("s3cret"), lines.get(0));
    }

    @Test
    void onTheCommandLineARedisUrlThatIsNoUriIsOneLine() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Examples.runFromCommandLine("order-pipeline", "localhost:6379", new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(3, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Herald could not start: malformed Redis URI"),
                err.toString(StandardCharsets.UTF_8));
    }

    private static void assertEveryHop(Result result) {
        for (String order : List.of("1001", "1002", "1003")) {
            for (String hop : List.of(
                    "api      -> order:created              order " + order,
                    "shipping <- order:created              order " + order + " for",
                    "shipping -> order:shipping:calculated  order " + order + ": shipping",
                    "confirm  <- order:shipping:calculated  confirmation sent for order " + order)) {
                assertEquals(1, result.lines().stream().filter(line -> line.contains(hop)).count(),
                        hop + "\n" + result.shown());
            }
        }
    }

    private static void assertListing(Result result) {
        assertEquals(0, result.code(), result.shown());
        assertEquals(expectedListing("Examples (run one with -Dexample=NAME):"), result.lines());
    }

    private static List<String> expectedListing(String heading) {
        List<String> expected = new ArrayList<>();
        expected.add(heading);
        Examples.ALL.keySet().forEach(name -> expected.add("  " + name));
        assertEquals(14, expected.size() - 1, "ExamplesTest names the fourteen");
        return expected;
    }
}
