package dev.herald.examples.boot;

import dev.herald.spring.boot.HeraldListener;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Service C: sends the confirmation once shipping is known, and remembers what it confirmed. */
@Component
@HeraldListener
public class ConfirmationService implements ShippingEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ConfirmationService.class);

    private final Map<String, BigDecimal> confirmed = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Void> shippingCalculated(ShippingCalculated data) {
        LOG.info("confirm  <- order:shipping:calculated: confirmation sent for order {}", data.orderId());
        synchronized (confirmed) {
            confirmed.put(data.orderId(), data.shipping());
            confirmed.notifyAll();
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Waits until {@code count} orders were confirmed.
     *
     * @param count how many
     * @param timeout how long at most
     * @return {@code true} when they were, {@code false} when the time ran out first
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitConfirmed(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (confirmed) {
            while (confirmed.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(confirmed, left);
            }
            return true;
        }
    }

    /**
     * @return the orders confirmed so far, with their shipping cost
     */
    public Map<String, BigDecimal> confirmed() {
        return Map.copyOf(confirmed);
    }
}
