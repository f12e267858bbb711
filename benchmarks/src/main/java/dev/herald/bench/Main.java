package dev.herald.bench;

import dev.herald.bench.compile.CompileCost;
import dev.herald.bench.e2e.ClusterEndToEnd;
import dev.herald.bench.e2e.DurableBacklog;
import dev.herald.bench.e2e.DurableEndToEnd;
import dev.herald.bench.e2e.EndToEnd;
import dev.herald.bench.e2e.RequestsEndToEnd;
import dev.herald.bench.report.Report;
import java.util.Arrays;

/**
 * The entry point of {@code benchmarks.jar}: the first argument names the harness, the rest are its own.
 *
 * <pre>
 * java -jar benchmarks.jar jmh [JMH options]          the JMH benchmarks (codec, in-memory transport)
 * java -jar benchmarks.jar e2e [--quick] [options]    end to end over a redis-server it starts
 * java -jar benchmarks.jar cluster [--quick] [...]    end to end over a local Redis Cluster it starts
 * java -jar benchmarks.jar requests [--quick] [...]   request-reply round trips over a redis-server it starts
 * java -jar benchmarks.jar durable [--quick] [...]    durable channels (Redis Streams) over a redis-server it starts
 * java -jar benchmarks.jar compile [--quick] [...]    javac time with and without the Herald processor
 * java -jar benchmarks.jar report [options]           RESULTS.md and the chart from the results above
 * </pre>
 *
 * {@code benchmarks/run.sh} runs them in that order.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs the named harness.
     *
     * @param args the harness's name, then its arguments
     * @throws Exception whatever the harness throws
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "jmh" -> org.openjdk.jmh.Main.main(rest);
            case "e2e" -> EndToEnd.main(rest);
            case "cluster" -> ClusterEndToEnd.main(rest);
            case "requests" -> RequestsEndToEnd.main(rest);
            case "durable" -> DurableEndToEnd.main(rest);
            case "durable-backlog" -> DurableBacklog.main(rest);
            case "compile" -> CompileCost.main(rest);
            case "report" -> Report.main(rest);
            default -> {
                System.err.println("unknown harness: " + args[0]);
                usage();
                System.exit(2);
            }
        }
    }

    private static void usage() {
        System.err.println("usage: java -jar benchmarks.jar jmh|e2e|cluster|requests|durable|durable-backlog|compile|report [arguments]");
        System.err.println("  jmh      JMH benchmarks; any JMH option (-f, -wi, -i, -rf json -rff FILE, a regex)");
        System.err.println("  e2e      end to end over a redis-server it starts; --help for options");
        System.err.println("  cluster  end to end over a local 3-master/3-replica Redis Cluster it starts; --help");
        System.err.println("  requests request-reply: Herald, hand-written Lettuce, Redisson RRemoteService; --help");
        System.err.println("  durable  durable channels on Streams: Herald, Lettuce by hand, Spring, Redisson RStream; --help");
        System.err.println("  compile  javac time for 200 interfaces x 5 channels with and without the processor; --help");
        System.err.println("  report   writes RESULTS.md and the chart from the result files; --help");
    }
}
