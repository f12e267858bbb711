package dev.herald.bench.e2e;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The command-line settings of {@link DurableEndToEnd}.
 *
 * @param quick whether to use the shortened settings of a smoke test
 * @param out where the results go
 * @param rate the fixed rate of the latency runs, messages per second
 * @param seconds the length of each throughput run
 * @param latencySeconds the length of each fixed-rate run
 * @param warmupSeconds the warm-up of each contender, at full speed (and half as long at the fixed rate)
 * @param rounds how many times each measurement runs
 * @param window appended messages that may be unhandled at once in a throughput run
 * @param contenders the contenders to run, by command-line name
 * @param redisServer the {@code redis-server} to start
 */
record DurableOptions(boolean quick, Path out, int rate, double seconds, double latencySeconds, double warmupSeconds,
        int rounds, int window, List<String> contenders, String redisServer) {

    static final String DEFAULT_OUT = "benchmarks/target/results/durable.json";

    /**
     * Reads the command line; prints the usage and exits on {@code --help} or an unknown option.
     *
     * @param args the command line after the harness's name
     * @param known the names of the contenders
     * @param defaults the contenders run when none are named
     * @return the settings
     * @throws IllegalArgumentException when a named contender is not one of {@code known}
     */
    static DurableOptions parse(String[] args, Set<String> known, List<String> defaults) {
        boolean quick = List.of(args).contains("--quick");
        Path out = Path.of(DEFAULT_OUT);
        // every contender must sustain the rate: Spring (synchronous XADD, a synchronous XACK per record) handled about
        // 4,500 msg/s on a busy 2-core machine, so 5,000 was beyond it there
        int rate = 2_000;
        double seconds = quick ? 1 : 5;
        double latencySeconds = quick ? 1 : 3;
        double warmupSeconds = quick ? 2 : 3;
        int rounds = quick ? 2 : 3;
        int window = 20_000;
        List<String> contenders = defaults;
        String redisServer = "redis-server";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> { }
                case "--out" -> out = Path.of(args[++i]);
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--latency-seconds" -> latencySeconds = Double.parseDouble(args[++i]);
                case "--warmup-seconds" -> warmupSeconds = Double.parseDouble(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--window" -> window = Integer.parseInt(args[++i]);
                case "--contenders" -> contenders = List.of(args[++i].split(","));
                case "--redis-server" -> redisServer = args[++i];
                case "--help" -> {
                    usage(known, defaults);
                    System.exit(0);
                }
                default -> {
                    System.err.println("unknown option: " + args[i]);
                    usage(known, defaults);
                    System.exit(2);
                }
            }
        }
        for (String name : contenders) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown contender " + name + "; known: " + known);
            }
        }
        return new DurableOptions(quick, out, rate, seconds, latencySeconds, warmupSeconds, rounds, window,
                contenders, redisServer);
    }

    private static void usage(Set<String> known, List<String> defaults) {
        System.err.println("usage: java -jar benchmarks.jar durable [options]");
        System.err.println("  --quick                 a smoke test: 1 s runs, 2 s warm-up, 2 rounds, about a minute");
        System.err.println("  --out FILE              result JSON (default " + DEFAULT_OUT + ")");
        System.err.println("  --rate N                fixed rate of the latency runs, msg/s (default 2000)");
        System.err.println("  --seconds S             length of each throughput run (default 5)");
        System.err.println("  --latency-seconds S     length of each fixed-rate run (default 3)");
        System.err.println("  --warmup-seconds S      warm-up per contender (default 3)");
        System.err.println("  --rounds N              rounds, the contenders in a rotated order each (default 3)");
        System.err.println("  --window N              appended messages unhandled at once, throughput runs (default 20000)");
        System.err.println("  --contenders a,b        any of " + known + " (default " + defaults + ")");
        System.err.println("  --redis-server PATH     the redis-server to start (default: from PATH)");
    }

    /**
     * Writes the results as JSON to {@link #out}.
     *
     * @param results what the harness measured
     * @throws java.io.IOException when the file cannot be written
     */
    void write(Object results) throws java.io.IOException {
        new RequestOptions(quick, out, rate, seconds, latencySeconds, warmupSeconds, rounds, 0, contenders,
                redisServer).write(results);
    }
}
