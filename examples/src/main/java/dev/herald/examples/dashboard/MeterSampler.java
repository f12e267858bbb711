package dev.herald.examples.dashboard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads Herald's meters every {@code period} milliseconds, the way a dashboard's scrape would, and keeps one
 * {@link Sample} per read: the rates of the counters since the read before, the handler duration's p99, the
 * buffered gauge. Runs on a thread of its own until {@link #stop()}.
 */
public final class MeterSampler {

    /**
     * What one read saw.
     *
     * @param seconds since the sampler started
     * @param values by series: {@code "<what> <channel>"} ({@code "delivered/s order:created"}), or
     *     {@code "<what>"} for the Herald's own ({@code "buffered"}); rates are per second since the read before,
     *     failures, retries, dead letters and drops are counted since the start
     */
    public record Sample(double seconds, Map<String, Double> values) {
    }

    static final String PUBLISHED = "published/s";
    static final String DELIVERED = "delivered/s";
    static final String P99 = "handler p99 ms";
    static final String BUFFERED = "buffered";
    static final String FAILURES = "failures";
    static final String RETRIES = "retries";
    static final String DEAD_LETTERS = "dead letters";
    static final String DROPPED = "dropped";

    private final MeterRegistry meters;
    private final List<String> channels;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "herald-dashboard-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, Double> previousCounts = new LinkedHashMap<>();
    private long start;
    private long previousNanos;

    /**
     * @param meters the registry Herald counts in
     * @param channels the declared channels to chart
     */
    MeterSampler(MeterRegistry meters, List<String> channels) {
        this.meters = meters;
        this.channels = List.copyOf(channels);
    }

    /**
     * Starts reading.
     *
     * @param periodMillis how often
     */
    void start(long periodMillis) {
        start = System.nanoTime();
        previousNanos = start;
        sample();
        timer.scheduleAtFixedRate(this::sample, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops reading, after one last read.
     *
     * @return every sample, in time order
     * @throws InterruptedException if interrupted while the reading thread ends
     */
    List<Sample> stop() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        sample();
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    private void sample() {
        synchronized (samples) {
            long now = System.nanoTime();
            double elapsed = Math.max(1e-3, (now - previousNanos) / 1e9);
            Map<String, Double> values = new LinkedHashMap<>();
            for (String channel : channels) {
                values.put(PUBLISHED + " " + channel, rate(PUBLISHED + " " + channel,
                        count("herald.messages.published", channel, "success"), elapsed));
                values.put(DELIVERED + " " + channel, rate(DELIVERED + " " + channel,
                        count("herald.messages.delivered", channel, null), elapsed));
                values.put(P99 + " " + channel, p99Millis(channel));
            }
            values.put(FAILURES, total("herald.handler.failures"));
            values.put(RETRIES, total("herald.handler.retries"));
            values.put(DEAD_LETTERS, total("herald.messages.dead.lettered"));
            values.put(DROPPED, total("herald.messages.dropped"));
            Gauge buffered = meters.find("herald.messages.buffered").gauge();
            values.put(BUFFERED, buffered == null ? 0 : buffered.value());
            samples.add(new Sample((now - start) / 1e9, values));
            previousNanos = now;
        }
    }

    private double count(String name, String channel, String outcome) {
        var search = meters.find(name).tag("channel", channel);
        if (outcome != null) {
            search = search.tag("outcome", outcome);
        }
        Counter counter = search.counter();
        return counter == null ? 0 : counter.count();
    }

    private double total(String name) {
        return meters.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    private double rate(String series, double count, double elapsedSeconds) {
        Double previous = previousCounts.put(series, count);
        return previous == null ? 0 : (count - previous) / elapsedSeconds;
    }

    private double p99Millis(String channel) {
        Timer timer = meters.find("herald.handler.duration").tag("channel", channel).timer();
        if (timer == null) {
            return 0;
        }
        for (ValueAtPercentile percentile : timer.takeSnapshot().percentileValues()) {
            if (percentile.percentile() == 0.99) {
                return percentile.value(TimeUnit.MILLISECONDS);
            }
        }
        return 0;
    }
}
