package dev.herald.examples;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
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

/**
 * Runs one example, by its name in {@link Examples#ALL}, in memory, on a real Redis and on a real local Redis
 * Cluster (3 masters, 3 replicas, one shared by every test of the run), and hands what it printed to the
 * subclass's checks. On Redis and on the cluster each example gets its own channel prefix. An example in
 * {@link Examples#SINGLE_SERVER_ONLY} must be refused on the cluster with {@code [HeraldClusterPattern]}.
 */
@ExtendWith({RedisServerExtension.class, RedisClusterExtension.class})
abstract class ExampleTestSupport {

    /** @return the example's name, as given to {@code -Dexample=} */
    abstract String name();

    /**
     * Checks what a successful run printed.
     *
     * @param lines the printed lines
     */
    abstract void checkOutput(List<String> lines);

    /**
     * Checks Redis after the run, while Herald is still open. Default: nothing.
     *
     * @param redis the server
     * @param prefix the channel prefix the run used
     */
    void checkRedis(RedisServer redis, String prefix) {
    }

    /**
     * Checks the Herald after the run. Default: nothing.
     *
     * @param herald the Herald the example ran on
     */
    void checkHerald(Herald herald) {
    }

    @Test
    void inMemory() throws Exception {
        try (Herald herald = Herald.inMemory()) {
            checkOutput(run(herald));
            checkHerald(herald);
        }
    }

    @Test
    void onRedis(RedisServer redis) throws Exception {
        String prefix = "example-test:" + name() + ":";
        try (Herald herald = Herald.builder().redis(redis.uri()).channelPrefix(prefix).build()) {
            checkOutput(run(herald));
            checkHerald(herald);
            checkRedis(redis, prefix);
        }
    }

    @Test
    void onRedisCluster(RedisCluster cluster) throws Exception {
        String prefix = "example-test:" + name() + ":";
        try (Herald herald = Herald.builder().redisCluster(cluster.seedUris().toArray(String[]::new))
                .channelPrefix(prefix).build()) {
            if (Examples.SINGLE_SERVER_ONLY.containsKey(name())) {
                UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class, () -> run(herald),
                        name() + " is listed as needing a single server, so a cluster refuses its pattern subscription");
                assertTrue(refused.getMessage().contains("[HeraldClusterPattern]"), refused.getMessage());
                return;
            }
            checkOutput(run(herald));
            checkHerald(herald);
        }
    }

    private List<String> run(Herald herald) throws Exception {
        Examples.Example example = Examples.ALL.get(name());
        assertNotNull(example, "no example named " + name() + " in Examples.ALL");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean ok = example.run(herald, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(ok, name() + " reported failure:\n" + String.join("\n", lines));
        return lines;
    }

    /**
     * @param lines printed lines
     * @param fragment what to look for
     * @return how many lines contain {@code fragment}
     */
    static long count(List<String> lines, String fragment) {
        return lines.stream().filter(line -> line.contains(fragment)).count();
    }

    /**
     * @param lines printed lines
     * @param fragment what to look for
     * @return the index of the first line containing {@code fragment}, or -1
     */
    static int indexOf(List<String> lines, String fragment) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param lines printed lines
     * @return them joined, for assertion messages
     */
    static String show(List<String> lines) {
        return String.join("\n", lines);
    }
}
