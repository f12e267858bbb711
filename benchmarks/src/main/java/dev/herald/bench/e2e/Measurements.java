package dev.herald.bench.e2e;

import dev.herald.bench.model.OrderCreated;
import dev.herald.bench.model.Orders;
import dev.herald.bench.results.E2eResults.Cost;
import dev.herald.bench.results.E2eResults.LatencyRun;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The three end-to-end measurements, the same code for every contender. None of them sleeps to time
 * anything: waits park on a {@link Counter} until enough events were counted, and only the fixed-rate
 * publisher parks until each message's scheduled send time.
 */
final class Measurements {

    /** Publishes between two checks of the elapsed time and of the window. */
    private static final int CHECK_EVERY = 64;
    /** Unacknowledged publishes allowed in the publish-throughput run before the publisher waits. */
    private static final int MAX_UNACKNOWLEDGED = 10_000;
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final OrderCreated[] pool = Orders.pool(1024);
    private final int window;
    private final ProcessStats stats;

    /**
     * @param window delivered-throughput messages allowed in flight (published, not yet decoded)
     * @param stats reads CPU time and context switches around the throughput runs
     */
    Measurements(int window, ProcessStats stats) {
        this.window = window;
        this.stats = stats;
    }

    /** Acknowledged publishes per second, what the counting subscriber missed, and the cost per publish. */
    record PublishRun(double rate, long lost, long failed, Cost cost) {
    }

    /** Decoded messages per second, the messages never decoded, and the cost per message. */
    record DeliveredRun(double rate, long lost, Cost cost) {
    }

    private Cost cost(ProcessStats.Snapshot before, long messages) {
        ProcessStats.PerMessage cost = stats.since(before, messages);
        return new Cost(cost.jvmCpuMicros(), cost.redisCpuMicros(), cost.contextSwitches(), cost.commandsPerRead());
    }

    /**
     * Publishes to the confirmed channel as fast as the contender accepts for {@code nanos}, then waits
     * for every acknowledgement. At most {@value #MAX_UNACKNOWLEDGED} publishes are unacknowledged at
     * once, so no client queues without bound.
     *
     * @param contender the contender
     * @param counting the counting subscriber on the confirmed channel
     * @param nanos how long to publish
     * @return the rate, from the first publish to the last acknowledgement
     */
    PublishRun publish(Contender contender, Counter counting, long nanos) {
        Acks acks = new Acks();
        Counter completed = acks.completed();
        long countingBase = counting.get();
        ProcessStats.Snapshot before = stats.snapshot();
        long sent = 0;
        long start = System.nanoTime();
        long deadline = start + nanos;
        boolean stalled = false;
        while (!stalled) {
            for (int i = 0; i < CHECK_EVERY; i++) {
                contender.sendConfirmed(pool[(int) (sent++ & (pool.length - 1))], acks);
            }
            if (sent - completed.get() > MAX_UNACKNOWLEDGED) {
                contender.flush();
                stalled = !completed.awaitAtLeast(sent - MAX_UNACKNOWLEDGED / 2, STALL_NANOS);
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
        }
        contender.flush();
        completed.awaitAtLeast(sent, STALL_NANOS);
        long end = System.nanoTime();
        long acknowledged = completed.get();
        counting.awaitAtLeast(countingBase + sent, STALL_NANOS);
        long seen = counting.get() - countingBase;
        return new PublishRun(acknowledged * 1e9 / (end - start), Math.max(0, sent - seen), acks.failed(),
                cost(before, sent));
    }

    /**
     * Publishes to the contender's own subscriber as fast as it accepts for {@code nanos}, never more
     * than the window ahead of what was decoded, then waits until everything was decoded.
     *
     * @param contender the contender
     * @param sink where its subscriber hands decoded orders
     * @param nanos how long to publish
     * @return the rate, from the first publish to the last decoded message
     */
    DeliveredRun delivered(Contender contender, Sink sink, long nanos) {
        Counter delivered = sink.delivered();
        long base = delivered.get();
        ProcessStats.Snapshot before = stats.snapshot();
        long sent = 0;
        long start = System.nanoTime();
        long deadline = start + nanos;
        boolean stalled = false;
        while (!stalled) {
            for (int i = 0; i < CHECK_EVERY; i++) {
                contender.send(pool[(int) (sent++ & (pool.length - 1))]);
            }
            if (sent - (delivered.get() - base) > window) {
                contender.flush();
                stalled = !delivered.awaitAtLeast(base + sent - window / 2, STALL_NANOS);
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
        }
        contender.flush();
        delivered.awaitAtLeast(base + sent, STALL_NANOS);
        long end = System.nanoTime();
        long received = delivered.get() - base;
        return new DeliveredRun(received * 1e9 / (end - start), Math.max(0, sent - received), cost(before, received));
    }

    /**
     * Publishes {@code rate} messages per second for {@code nanos} on a fixed schedule, and measures
     * each message from the moment it is handed to the client to the moment the subscriber decoded it.
     * The publisher parks until each message's scheduled time, flushing a batching contender first, and
     * sends at once what it is late for. A publisher that cannot keep the rate (one that waits for each
     * reply) stops after twice the planned time, having sent fewer messages; the achieved rate says so.
     * A {@link StallProbe} runs beside it and says how long a thread with work could wait for a core meanwhile.
     *
     * @param contender the contender
     * @param sink where its subscriber hands decoded orders
     * @param rate messages per second
     * @param nanos how long to publish
     * @return the latency percentiles and the messages lost
     */
    LatencyRun latency(Contender contender, Sink sink, int rate, long nanos) {
        int messages = (int) Math.max(1, rate * nanos / 1_000_000_000L);
        LatencyRecorder recorder = new LatencyRecorder(messages);
        Counter delivered = sink.delivered();
        long base = delivered.get();
        sink.recordLatency(recorder);
        double interval = 1e9 / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
        long giveUp = start + 2 * nanos;
        long lastSend = start;
        int sent = 0;
        StallProbe probe = StallProbe.start();
        try {
            for (int i = 0; i < messages && lastSend < giveUp; i++) {
                long due = start + (long) (i * interval);
                long now = System.nanoTime();
                if (now < due) {
                    contender.flush();
                    while ((now = System.nanoTime()) < due) {
                        LockSupport.parkNanos(due - now);
                    }
                }
                OrderCreated order = Orders.order(i);
                lastSend = System.nanoTime();
                recorder.sent(i, lastSend);
                contender.send(order);
                sent++;
            }
            contender.flush();
            delivered.awaitAtLeast(base + sent, STALL_NANOS);
        } finally {
            probe.close();
            sink.recordLatency(null);
        }
        long received = delivered.get() - base;
        Histogram histogram = recorder.histogram();
        double achieved = sent > 1 ? (sent - 1) * 1e9 / Math.max(1, lastSend - start) : rate;
        return new LatencyRun(sent, achieved,
                histogram.getValueAtPercentile(50) / 1e3,
                histogram.getValueAtPercentile(99) / 1e3,
                histogram.getValueAtPercentile(99.9) / 1e3,
                histogram.getMaxValue() / 1e3,
                Math.max(0, sent - received),
                probe.maxLateMicros());
    }

    /**
     * Waits until the contender's subscriber demonstrably receives: publishes a probe until one arrives.
     *
     * @param contender the contender
     * @param sink its subscriber's sink
     * @throws IllegalStateException when nothing arrives within about ten seconds
     */
    void handshake(Contender contender, Sink sink) {
        for (int attempt = 0; attempt < 50; attempt++) {
            long base = sink.delivered().get();
            contender.send(pool[0]);
            contender.flush();
            if (sink.delivered().awaitAtLeast(base + 1, TimeUnit.MILLISECONDS.toNanos(200))) {
                return;
            }
        }
        throw new IllegalStateException(contender.name() + ": the subscriber received nothing");
    }
}
