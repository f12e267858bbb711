package dev.herald.bench.e2e;

import dev.herald.bench.model.Quote;
import dev.herald.bench.model.QuoteRequest;
import dev.herald.bench.model.Quotes;
import dev.herald.bench.results.E2eResults.Cost;
import dev.herald.bench.results.E2eResults.LatencyRun;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The two request-reply measurements, the same code for every contender: round trips per second in a closed loop
 * with a fixed number of requests in flight, and latency in an open loop at a fixed rate. Neither sleeps to time
 * anything: the measuring thread parks until a deadline or a scheduled send time, and waits on a {@link Counter}.
 */
final class RequestMeasurements {

    /** How long the completions may stand still before a wait gives up: beyond every contender's timeout. */
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(35);

    private final QuoteRequest[] pool = Quotes.pool(1024);
    private final int inFlight;
    private final ProcessStats stats;

    /**
     * @param inFlight requests in flight in the closed loop
     * @param stats reads CPU time and context switches around the closed-loop runs
     */
    RequestMeasurements(int inFlight, ProcessStats stats) {
        this.inFlight = inFlight;
        this.stats = stats;
    }

    /**
     * One closed-loop run.
     *
     * @param rate round trips per second completed within the run's length
     * @param failed requests whose stage failed (each ends its lane of the loop)
     * @param cost what one round trip cost, over every round trip completed until the loop drained
     */
    record ThroughputRun(double rate, long failed, Cost cost) {
    }

    /**
     * Keeps {@code inFlight} requests in flight for {@code nanos}: each completion sends the next request from the
     * thread that completed it. Counts the round trips completed by the deadline, then lets the last requests come
     * back before returning. A request that fails ends its lane, so that a failing contender cannot spin.
     *
     * @param contender the contender
     * @param nanos how long to measure
     * @return the rate and the cost per round trip
     */
    ThroughputRun roundTrips(RequestContender contender, long nanos) {
        Loop loop = new Loop(contender);
        ProcessStats.Snapshot before = stats.snapshot();
        long start = System.nanoTime();
        long deadline = start + nanos;
        for (int lane = 0; lane < inFlight; lane++) {
            loop.next(lane);
        }
        long now;
        while ((now = System.nanoTime()) < deadline) {
            LockSupport.parkNanos(deadline - now);
        }
        loop.stopped = true;
        long completedByDeadline = loop.completed.get();
        long elapsed = System.nanoTime() - start;
        if (!loop.lanesEnded.awaitAtLeast(inFlight, STALL_NANOS)) {
            System.out.println("[" + contender.name() + "] " + (inFlight - loop.lanesEnded.get())
                    + " requests still unanswered after the run");
        }
        long completed = loop.completed.get();
        ProcessStats.PerMessage cost = stats.since(before, completed);
        return new ThroughputRun(completedByDeadline * 1e9 / elapsed, loop.failed.get(),
                new Cost(cost.jvmCpuMicros(), cost.redisCpuMicros(), cost.contextSwitches(), cost.commandsPerRead()));
    }

    /** The closed loop's state: each lane is one request in flight at a time. */
    private final class Loop {
        private final RequestContender contender;
        private final Counter completed = new Counter();
        private final Counter failed = new Counter();
        private final Counter lanesEnded = new Counter();
        private volatile boolean stopped;

        Loop(RequestContender contender) {
            this.contender = contender;
        }

        void next(int lane) {
            if (stopped) {
                lanesEnded.increment();
                return;
            }
            QuoteRequest request = pool[(int) ((completed.get() + lane) & (pool.length - 1))];
            contender.request(request).whenComplete((quote, failure) -> {
                if (failure != null) {
                    failed.increment();
                    lanesEnded.increment();
                } else {
                    completed.increment();
                    next(lane);
                }
            });
        }
    }

    /**
     * Sends {@code rate} requests per second for {@code nanos} on a fixed schedule and times each from its
     * scheduled send time to the completion of its stage, so that a requester that falls behind the schedule (or
     * stalls) shows it in every request it delays: coordinated omission is not hidden. The sender parks until each
     * request is due and sends at once what it is late for; it gives up after twice the planned time.
     *
     * @param contender the contender
     * @param rate requests per second
     * @param nanos how long to send
     * @return the latency percentiles, the rate achieved, and the requests never answered (failed or unanswered)
     */
    LatencyRun latency(RequestContender contender, int rate, long nanos) {
        int requests = (int) Math.max(1, rate * nanos / 1_000_000_000L);
        long[] latencyNanos = new long[requests];
        Counter done = new Counter();
        double interval = 1e9 / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
        long giveUp = start + 2 * nanos;
        long lastSend = start;
        int sent = 0;
        for (int i = 0; i < requests && lastSend < giveUp; i++) {
            long due = start + (long) (i * interval);
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
            }
            int index = i;
            lastSend = now;
            contender.request(pool[i & (pool.length - 1)]).whenComplete((quote, failure) -> {
                if (failure == null) {
                    latencyNanos[index] = Math.max(1, System.nanoTime() - due);
                }
                done.increment();
            });
            sent++;
        }
        done.awaitAtLeast(sent, STALL_NANOS);
        // the increments published the latencies written before them
        Histogram histogram = new Histogram(3);
        long answered = 0;
        for (long latency : latencyNanos) {
            if (latency > 0) {
                histogram.recordValue(latency);
                answered++;
            }
        }
        double achieved = sent > 1 ? (sent - 1) * 1e9 / Math.max(1, lastSend - start) : rate;
        return new LatencyRun(sent, achieved,
                histogram.getValueAtPercentile(50) / 1e3,
                histogram.getValueAtPercentile(99) / 1e3,
                histogram.getValueAtPercentile(99.9) / 1e3,
                histogram.getMaxValue() / 1e3,
                sent - answered);
    }

    /**
     * Checks that the contender answers, and answers right: sends requests until one reply arrives and equals
     * what {@link Quotes#quote} computes.
     *
     * @param contender the contender
     * @throws IllegalStateException when no right reply arrives within about ten seconds
     */
    void handshake(RequestContender contender) {
        QuoteRequest request = pool[1];
        Quote expected = Quotes.quote(request);
        Throwable last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                Quote quote = contender.request(request).toCompletableFuture().get(500, TimeUnit.MILLISECONDS);
                if (!expected.equals(quote)) {
                    throw new IllegalStateException(contender.name() + ": wrong reply " + quote + ", expected " + expected);
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(contender.name() + ": interrupted", e);
            } catch (ExecutionException | TimeoutException e) {
                last = e;
            }
        }
        throw new IllegalStateException(contender.name() + ": no reply", last);
    }
}
