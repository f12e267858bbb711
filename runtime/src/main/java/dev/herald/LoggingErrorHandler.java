package dev.herald;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link ErrorHandler}: at most one line a second. The first failure after a quiet second is
 * logged in full; the others are counted per kind and channel and logged as one summary when that second
 * is over, by a timer, so the last ones of a burst are reported too.
 */
final class LoggingErrorHandler implements ErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);
    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Object lock = new Object();
    /** Counts of the failures not yet in a line, by "KIND on 'channel'", in the order first seen. */
    private final Map<String, Long> unlogged = new LinkedHashMap<>();
    private HeraldError lastUnlogged;
    private long lastLineAt = System.nanoTime() - INTERVAL_NANOS;
    private boolean summaryScheduled;

    LoggingErrorHandler() {
    }

    @Override
    public void onError(HeraldError error) {
        long delayNanos;
        synchronized (lock) {
            long now = System.nanoTime();
            if (unlogged.isEmpty() && now - lastLineAt >= INTERVAL_NANOS) {
                lastLineAt = now;
                log(error);
                return;
            }
            unlogged.merge(error.kind() + " on '" + error.channel() + "'", 1L, Long::sum);
            lastUnlogged = error;
            if (summaryScheduled) {
                return;
            }
            summaryScheduled = true;
            delayNanos = Math.max(lastLineAt + INTERVAL_NANOS - now, 0);
        }
        // a timer thread of the JDK's, not one of Herald's: a summary may still be due after close()
        CompletableFuture.delayedExecutor(delayNanos, TimeUnit.NANOSECONDS).execute(this::logSummary);
    }

    private void log(HeraldError error) {
        if (error.kind() == HeraldError.Kind.HANDLER) {
            LOG.warn("Herald: {}", error, error.cause());
        } else {
            LOG.warn("Herald: {}", error);
        }
    }

    private void logSummary() {
        synchronized (lock) {
            summaryScheduled = false;
            if (unlogged.isEmpty()) {
                return;
            }
            long total = 0;
            StringBuilder counts = new StringBuilder();
            for (Map.Entry<String, Long> entry : unlogged.entrySet()) {
                total += entry.getValue();
                counts.append(counts.length() == 0 ? "" : ", ").append(entry.getValue()).append(" x ").append(entry.getKey());
            }
            LOG.warn("Herald: {} more failure(s) in the last second: {}; the last: {}", total, counts, lastUnlogged);
            unlogged.clear();
            lastUnlogged = null;
            lastLineAt = System.nanoTime();
        }
    }
}
