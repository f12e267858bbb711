package dev.herald.bench.e2e;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The command-line settings of {@link RequestsEndToEnd}.
 *
 * @param quick whether to use the shortened settings of a smoke test
 * @param out where the results go
 * @param rate the fixed rate of the latency runs, requests per second
 * @param seconds the length of each closed-loop run
 * @param latencySeconds the length of each fixed-rate run
 * @param warmupSeconds the warm-up of each contender, in the closed loop (and half as long at the fixed rate)
 * @param rounds how many times each measurement runs
 * @param inFlight requests in flight in the closed loop
 * @param contenders the contenders to run, by command-line name
 * @param redisServer the {@code redis-server} to start
 */
record RequestOptions(boolean quick, Path out, int rate, double seconds, double latencySeconds, double warmupSeconds,
        int rounds, int inFlight, List<String> contenders, String redisServer) {

    static final String DEFAULT_OUT = "benchmarks/target/results/requests.json";

    /**
     * Reads the command line; prints the usage and exits on {@code --help} or an unknown option.
     *
     * @param args the command line after the harness's name
     * @param known the names of the contenders
     * @param defaults the contenders run when none are named
     * @return the settings
     * @throws IllegalArgumentException when a named contender is not one of {@code known}
     */
    static RequestOptions parse(String[] args, Set<String> known, List<String> defaults) {
        boolean quick = List.of(args).contains("--quick");
        Path out = Path.of(DEFAULT_OUT);
        // every contender must sustain the rate: Redisson's one worker manages about 2,400 round trips/s on a busy
        // 2-core machine once warm, so 2,000 would leave it no margin there
        int rate = 1_000;
        double seconds = quick ? 1 : 5;
        double latencySeconds = quick ? 1 : 5;
        double warmupSeconds = quick ? 2 : 3;
        int rounds = quick ? 2 : 3;
        int inFlight = 64;
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
                case "--in-flight" -> inFlight = Integer.parseInt(args[++i]);
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
        return new RequestOptions(quick, out, rate, seconds, latencySeconds, warmupSeconds, rounds, inFlight,
                contenders, redisServer);
    }

    private static void usage(Set<String> known, List<String> defaults) {
        System.err.println("usage: java -jar benchmarks.jar requests [options]");
        System.err.println("  --quick                 a smoke test: 1 s runs, 2 s warm-up, 2 rounds, under a minute");
        System.err.println("  --out FILE              result JSON (default " + DEFAULT_OUT + ")");
        System.err.println("  --rate N                fixed rate of the latency runs, requests/s (default 1000)");
        System.err.println("  --seconds S             length of each closed-loop run (default 5)");
        System.err.println("  --latency-seconds S     length of each fixed-rate run (default 5)");
        System.err.println("  --warmup-seconds S      warm-up per contender (default 3)");
        System.err.println("  --rounds N              rounds, the contenders in a rotated order each (default 3)");
        System.err.println("  --in-flight N           requests in flight in the closed loop (default 64)");
        System.err.println("  --contenders a,b        any of " + known + " (default " + defaults + ")");
        System.err.println("  --redis-server PATH     the redis-server to start (default: from PATH)");
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
    static long nanos(double secondsValue) {
        return (long) (secondsValue * 1e9);
    }
}
