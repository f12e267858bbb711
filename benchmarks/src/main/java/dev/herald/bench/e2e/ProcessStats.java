package dev.herald.bench.e2e;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * CPU time and context switches, read around a measurement: what a message costs whatever else the
 * machine is doing, which throughput alone does not say on a shared machine. Read from {@code /proc}
 * (Linux); elsewhere the figures are {@code NaN}. Context switches are summed over the JVM's live
 * threads, so those of threads that ended during the run (Spring's per-message threads) are missed.
 * From Redis's {@code INFO stats} it also reads how many commands each of Redis's socket reads carried:
 * the batch size the clients' write coalescing achieved.
 */
final class ProcessStats implements AutoCloseable {

    private static final long CLOCK_TICKS_PER_SECOND = clockTicks();

    private final long redisPid;
    /** {@code null}: read from /proc for {@link #redisPid} */
    private final LongSupplier redisCpu;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> info;

    /**
     * @param redisPid the {@code redis-server} process, whose CPU time is read too
     * @param redisUri where to send {@code INFO stats}
     */
    ProcessStats(long redisPid, String redisUri) {
        this.redisPid = redisPid;
        this.redisCpu = null;
        this.client = RedisClient.create(RedisURI.create(redisUri));
        this.info = client.connect();
    }

    /**
     * Stats whose Redis CPU time comes from elsewhere, such as the sum over a cluster's nodes; commands per
     * read are not read ({@code NaN}).
     *
     * @param redisCpuNanos the CPU time Redis used so far, in nanoseconds
     */
    ProcessStats(LongSupplier redisCpuNanos) {
        this.redisPid = -1;
        this.redisCpu = redisCpuNanos;
        this.client = null;
        this.info = null;
    }

    /** CPU time of this JVM and of Redis, context switches of this JVM's threads, Redis's reads and commands. */
    record Snapshot(long jvmCpuNanos, long redisCpuNanos, long contextSwitches, long redisReads, long redisCommands) {
    }

    /** What one message cost, on average over a measurement, and the commands per Redis read. */
    record PerMessage(double jvmCpuMicros, double redisCpuMicros, double contextSwitches, double commandsPerRead) {
        static final PerMessage UNKNOWN = new PerMessage(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    Snapshot snapshot() {
        long reads = -1;
        long commands = -1;
        if (info == null) {
            return new Snapshot(jvmCpuNanos(), redisCpu(), contextSwitches(), reads, commands);
        }
        try {
            for (String line : info.sync().info("stats").split("\\r?\\n")) {
                if (line.startsWith("total_reads_processed:")) {
                    reads = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                } else if (line.startsWith("total_commands_processed:")) {
                    commands = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                }
            }
        } catch (RuntimeException e) {
            // an older Redis without total_reads_processed: the figure stays unknown
        }
        return new Snapshot(jvmCpuNanos(), redisCpu(), contextSwitches(), reads, commands);
    }

    PerMessage since(Snapshot before, long messages) {
        Snapshot after = snapshot();
        if (messages <= 0) {
            return PerMessage.UNKNOWN;
        }
        long reads = after.redisReads() - before.redisReads();
        double commandsPerRead = before.redisReads() < 0 || after.redisReads() < 0 || reads <= 0 ? Double.NaN
                : (double) (after.redisCommands() - before.redisCommands()) / reads;
        return new PerMessage(
                perMessage(before.jvmCpuNanos(), after.jvmCpuNanos(), messages) / 1e3,
                perMessage(before.redisCpuNanos(), after.redisCpuNanos(), messages) / 1e3,
                perMessage(before.contextSwitches(), after.contextSwitches(), messages),
                commandsPerRead);
    }

    @Override
    public void close() {
        if (info == null) {
            return;
        }
        info.close();
        client.shutdown(0, 5, TimeUnit.SECONDS);
    }

    private static double perMessage(long before, long after, long messages) {
        return before < 0 || after < 0 ? Double.NaN : (double) (after - before) / messages;
    }

    private static long jvmCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private long redisCpu() {
        return redisCpu != null ? redisCpu.getAsLong() : redisCpuNanos();
    }

    private long redisCpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(redisPid), "stat"), StandardCharsets.US_ASCII);
            // the command name may hold spaces: fields are counted after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            return ticks * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long contextSwitches() {
        long total = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"), StandardCharsets.US_ASCII)) {
                        if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                            total += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                        }
                    }
                } catch (IOException e) {
                    // the thread ended while we read: its switches are lost, as documented
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return total;
    }

    private static long clockTicks() {
        try {
            Process process = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            process.waitFor(5, TimeUnit.SECONDS);
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
