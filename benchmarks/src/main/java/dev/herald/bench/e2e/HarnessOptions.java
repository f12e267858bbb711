package dev.herald.bench.e2e;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The command-line settings of the two end-to-end harnesses, {@link EndToEnd} and {@link ClusterEndToEnd}: the ones
 * they share, and the one of each's own ({@code --no-redis-benchmark} for the first, {@code --redis-cli} for the
 * second; each accepts only its own).
 */
record HarnessOptions(boolean quick, Path out, int rate, double seconds, double latencySeconds,
        double warmupSeconds, int repetitions, int window, List<String> contenders, String redisServer,
        boolean redisBenchmark, String redisCli) {

    /** What tells the harnesses' command lines apart. */
    enum Harness {
        /** {@link EndToEnd}: one redis-server, with the redis-benchmark reference unless told not to. */
        E2E("e2e", "throughput run", "--no-redis-benchmark    skip the redis-benchmark reference"),
        /** {@link ClusterEndToEnd}: a local cluster created with redis-cli. */
        CLUSTER("cluster", "delivered-throughput run",
                "--redis-cli PATH        the redis-cli that creates the cluster (default: from PATH)");

        private final String command;
        private final String throughputRun;
        private final String ownOptionUsage;

        Harness(String command, String throughputRun, String ownOptionUsage) {
            this.command = command;
            this.throughputRun = throughputRun;
            this.ownOptionUsage = ownOptionUsage;
        }

        String defaultOut() {
            return "benchmarks/target/results/" + command + ".json";
        }
    }

    /**
     * Reads the command line; prints the usage and exits on {@code --help} or an unknown option.
     *
     * @param args the command line after the harness's name
     * @param harness which harness reads it
     * @param known the names of the harness's contenders
     * @param defaults the contenders run when none are named
     * @return the settings
     * @throws IllegalArgumentException when a named contender is not one of {@code known}
     */
    static HarnessOptions parse(String[] args, Harness harness, Set<String> known, List<String> defaults) {
        boolean quick = List.of(args).contains("--quick");
        Path out = Path.of(harness.defaultOut());
        int rate = 20_000;
        double seconds = quick ? 0.5 : 2;
        double latencySeconds = quick ? 0.5 : 2;
        double warmupSeconds = quick ? 0.5 : 2;
        int repetitions = 3;
        int window = 5_000;
        List<String> contenders = defaults;
        String redisServer = "redis-server";
        boolean redisBenchmark = true;
        String redisCli = "redis-cli";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> { }
                case "--out" -> out = Path.of(args[++i]);
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--latency-seconds" -> latencySeconds = Double.parseDouble(args[++i]);
                case "--warmup-seconds" -> warmupSeconds = Double.parseDouble(args[++i]);
                case "--repetitions" -> repetitions = Integer.parseInt(args[++i]);
                case "--window" -> window = Integer.parseInt(args[++i]);
                case "--contenders" -> contenders = List.of(args[++i].split(","));
                case "--redis-server" -> redisServer = args[++i];
                case "--help" -> {
                    usage(harness, known, defaults);
                    System.exit(0);
                }
                default -> {
                    if (harness == Harness.E2E && args[i].equals("--no-redis-benchmark")) {
                        redisBenchmark = false;
                    } else if (harness == Harness.CLUSTER && args[i].equals("--redis-cli")) {
                        redisCli = args[++i];
                    } else {
                        System.err.println("unknown option: " + args[i]);
                        usage(harness, known, defaults);
                        System.exit(2);
                    }
                }
            }
        }
        for (String name : contenders) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown contender " + name + "; known: " + known);
            }
        }
        return new HarnessOptions(quick, out, rate, seconds, latencySeconds, warmupSeconds, repetitions, window,
                contenders, redisServer, redisBenchmark, redisCli);
    }

    private static void usage(Harness harness, Set<String> known, List<String> defaults) {
        System.err.println("usage: java -jar benchmarks.jar " + harness.command + " [options]");
        System.err.println("  --quick                 short runs (0.5 s each) for a smoke test");
        System.err.println("  --out FILE              result JSON (default " + harness.defaultOut() + ")");
        System.err.println("  --rate N                fixed rate of the latency runs, msg/s (default 20000)");
        System.err.println("  --seconds S             length of each " + harness.throughputRun + " (default 2)");
        System.err.println("  --latency-seconds S     length of each fixed-rate run (default 2)");
        System.err.println("  --warmup-seconds S      warm-up per contender (default 2)");
        System.err.println("  --repetitions N         repetitions of each measurement (default 3)");
        System.err.println("  --window N              delivered-throughput messages in flight (default 5000)");
        System.err.println("  --contenders a,b        any of " + known + " (default " + defaults + ")");
        System.err.println("  --redis-server PATH     the redis-server to start (default: from PATH)");
        System.err.println("  " + harness.ownOptionUsage);
    }

    /**
     * Writes the results as indented JSON to {@link #out}, creating its folder if need be, and says so.
     *
     * @param results what the harness measured
     * @throws IOException when the file cannot be written
     */
    void write(Object results) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(out.toFile(), results);
        System.out.println("wrote " + out);
    }

    /**
     * @param secondsValue a length in seconds
     * @return the same in nanoseconds
     */
    long nanos(double secondsValue) {
        return (long) (secondsValue * 1e9);
    }
}
