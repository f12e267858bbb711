package dev.herald.bench.e2e;

import dev.herald.bench.model.OrderCreated;
import dev.herald.bench.model.Orders;
import dev.herald.bench.results.E2eResults.Cost;
import dev.herald.bench.results.E2eResults.LatencyRun;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The two durable measurements, the same code for every contender: messages handled per second end to end (append,
 * read, decode, handle; the acknowledgements are awaited before the cost is read), and latency at a fixed rate.
 * Every message carries a sequence number of its own, so each run can tell the messages never handled from those
 * handled twice. After each run the harness waits until the contender's groups hold nothing pending, or until
 * their pending count stops going down, then reads it, and empties the streams. Nothing sleeps to time anything.
 */
final class DurableMeasurements {

    /** How long the handled count may stand still before a wait gives up. */
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(35);
    /** How long the pending count may stand still after a run before it is read as final. */
    private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** Appends between two looks at the handled count in the throughput runs. */
    private static final int CHECK_EVERY = 100;
    /** The most messages one throughput run appends: 1.6 million per second over 5 seconds. */
    private static final int CAPACITY = 1 << 23;
    /** {@link Orders#order} numbers orders below this. */
    private static final long LAST_SEQUENCE = 100_000_000L;

    private final int window;
    private final ProcessStats stats;
    private final StreamInspector inspector;

    /**
     * @param window appended messages that may be unhandled at once in a throughput run
     * @param stats reads CPU time around the throughput runs
     * @param inspector reads what the contenders' groups hold pending
     */
    DurableMeasurements(int window, ProcessStats stats, StreamInspector inspector) {
        this.window = window;
        this.stats = stats;
        this.inspector = inspector;
    }

    /** A contender under measurement, with its handler, its prefix and the next sequence number it appends. */
    static final class Subject {
        final DurableContender contender;
        final DurableSink sink;
        final String prefix;
        private long next;

        Subject(DurableContender contender, DurableSink sink, String prefix) {
            this.contender = contender;
            this.sink = sink;
            this.prefix = prefix;
        }

        /** @return the next sequence number, once sure that {@code messages} more are left */
        private long peek(long messages) {
            if (next + messages > LAST_SEQUENCE) {
                throw new IllegalStateException(contender.name() + ": out of sequence numbers");
            }
            return next;
        }

        private long reserve(long messages) {
            long first = peek(messages);
            next += messages;
            return first;
        }
    }

    /**
     * One throughput run.
     *
     * @param rate messages handled per second, from the first append to the last message handled
     * @param appended messages appended
     * @param missing messages appended and never handled
     * @param duplicates extra deliveries of messages handled already
     * @param cost what one handled message cost, the acknowledgements' settling included
     * @param settled what the contender's groups held once the run settled
     */
    record ThroughputRun(double rate, long appended, long missing, long duplicates, Cost cost,
            StreamInspector.State settled) {
    }

    /** One fixed-rate run, and what the groups held after it. */
    record LatencyResult(LatencyRun run, long duplicates, StreamInspector.State settled) {
    }

    /**
     * Appends as fast as the contender accepts for {@code nanos}, never more than the window ahead of what was
     * handled, then waits until everything was handled and the acknowledgements settled.
     *
     * @param subject the contender
     * @param nanos how long to append
     * @return the rate, the messages never handled or handled twice, and the cost per message
     */
    ThroughputRun delivered(Subject subject, long nanos) {
        DurableContender contender = subject.contender;
        Counter handled = subject.sink.handled();
        long base = handled.get();
        long first = subject.peek(CAPACITY);
        DurableSink.Run run = subject.sink.start(first, CAPACITY, false);
        ProcessStats.Snapshot before = stats.snapshot();
        int sent = 0;
        long start = System.nanoTime();
        long deadline = start + nanos;
        boolean stalled = false;
        while (!stalled && sent <= CAPACITY - CHECK_EVERY) {
            for (int i = 0; i < CHECK_EVERY; i++) {
                contender.append(Orders.order(first + sent));
                sent++;
            }
            if (sent - (handled.get() - base) > window) {
                contender.flush();
                stalled = !handled.awaitAtLeast(base + sent - window / 2, STALL_NANOS);
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
        }
        subject.reserve(sent);
        contender.flush();
        handled.awaitAtLeast(base + sent, STALL_NANOS);
        long end = System.nanoTime();
        long deliveries = handled.get() - base;
        StreamInspector.State settled = inspector.settle(subject.prefix, SETTLE_NANOS);
        ProcessStats.PerMessage perMessage = stats.since(before, deliveries);
        subject.sink.stop();
        long missing = run.missing(sent);
        inspector.trim(subject.prefix);
        return new ThroughputRun((sent - missing) * 1e9 / (end - start), sent, missing, run.duplicates(),
                new Cost(perMessage.jvmCpuMicros(), perMessage.redisCpuMicros(), perMessage.contextSwitches(),
                        perMessage.commandsPerRead()),
                settled);
    }

    /**
     * Appends {@code rate} messages per second for {@code nanos} on a fixed schedule and times each from the moment
     * it is handed to the client (encoding included) to the moment the handler got it. The publisher parks until
     * each message is due, flushing a batching contender first, and appends at once what it is late for; it gives
     * up after twice the planned time.
     *
     * @param subject the contender
     * @param rate messages per second
     * @param nanos how long to append
     * @return the latency percentiles, the messages never handled, and what the groups held after the run
     */
    LatencyResult latency(Subject subject, int rate, long nanos) {
        DurableContender contender = subject.contender;
        int messages = (int) Math.max(1, rate * nanos / 1_000_000_000L);
        Counter handled = subject.sink.handled();
        long base = handled.get();
        long first = subject.reserve(messages);
        DurableSink.Run run = subject.sink.start(first, messages, true);
        double interval = 1e9 / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
        long giveUp = start + 2 * nanos;
        long lastSend = start;
        int sent = 0;
        for (int i = 0; i < messages && lastSend < giveUp; i++) {
            long due = start + (long) (i * interval);
            long now = System.nanoTime();
            if (now < due) {
                contender.flush();
                while ((now = System.nanoTime()) < due) {
                    LockSupport.parkNanos(due - now);
                }
            }
            OrderCreated order = Orders.order(first + i);
            lastSend = System.nanoTime();
            run.sent(i, lastSend);
            contender.append(order);
            sent++;
        }
        contender.flush();
        handled.awaitAtLeast(base + sent, STALL_NANOS);
        Histogram histogram = run.histogram();
        StreamInspector.State settled = inspector.settle(subject.prefix, SETTLE_NANOS);
        subject.sink.stop();
        long missing = run.missing(sent);
        inspector.trim(subject.prefix);
        double achieved = sent > 1 ? (sent - 1) * 1e9 / Math.max(1, lastSend - start) : rate;
        LatencyRun latency = new LatencyRun(sent, achieved,
                histogram.getValueAtPercentile(50) / 1e3,
                histogram.getValueAtPercentile(99) / 1e3,
                histogram.getValueAtPercentile(99.9) / 1e3,
                histogram.getMaxValue() / 1e3,
                missing);
        return new LatencyResult(latency, run.duplicates(), settled);
    }

    /**
     * Waits until the contender's consumer demonstrably handles: appends a probe until one is handled.
     *
     * @param subject the contender
     * @throws IllegalStateException when nothing is handled within about ten seconds
     */
    void handshake(Subject subject) {
        Counter handled = subject.sink.handled();
        for (int attempt = 0; attempt < 50; attempt++) {
            long base = handled.get();
            subject.contender.append(Orders.order(subject.reserve(1)));
            subject.contender.flush();
            if (handled.awaitAtLeast(base + 1, TimeUnit.MILLISECONDS.toNanos(200))) {
                return;
            }
        }
        throw new IllegalStateException(subject.contender.name() + ": the consumer handled nothing");
    }
}
