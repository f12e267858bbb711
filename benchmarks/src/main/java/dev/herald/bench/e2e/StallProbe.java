package dev.herald.bench.e2e;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A thread of the benchmark's JVM that does nothing but sleep a millisecond at a time and note how late it
 * wakes, as jHiccup does: while it runs beside a fixed-rate run, its lateness is how long a thread that had
 * work could wait for a core, whatever the contender. A message in flight at such a moment waits as long, so
 * a p99 near the probe's largest lateness is the machine's, not the client's. A pause of the whole JVM (a GC
 * pause, a safepoint) shows in it too. Its own cost, a thousand wake-ups a second, is the same for every contender.
 */
final class StallProbe implements AutoCloseable {

    private static final long SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Thread thread;
    private volatile boolean running = true;
    /** Written by the probe's thread only; read after {@link #close} joined it. */
    private long maxLateNanos;

    private StallProbe() {
        thread = new Thread(this::run, "stall-probe");
        thread.setDaemon(true);
    }

    /** @return a probe, started */
    static StallProbe start() {
        StallProbe probe = new StallProbe();
        probe.thread.start();
        return probe;
    }

    private void run() {
        while (running) {
            long before = System.nanoTime();
            LockSupport.parkNanos(SLEEP_NANOS);
            long late = System.nanoTime() - before - SLEEP_NANOS;
            if (late > maxLateNanos) {
                maxLateNanos = late;
            }
        }
    }

    /** @return the most the probe woke up late, in microseconds; call after {@link #close} */
    double maxLateMicros() {
        return maxLateNanos / 1e3;
    }

    /** Stops the probe and waits for its thread. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
