package dev.herald.examples.idempotency;

import dev.herald.Herald;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The seed's duplicate messages: the same payment can arrive twice (a webhook retried, a publisher that
 * timed out and sent again), so the subscriber remembers the ids it processed and skips repeats. The
 * memory is bounded: the oldest ids are forgotten, unlike the seed's ever-growing {@code Set}.
 */
public final class IdempotentProcessing {

    private static final int REMEMBERED_IDS = 10_000;

    /** Insertion-ordered, so the eldest entry is the oldest id; synchronized, so subscriptions may share it. */
    private final Set<String> processed = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<String, Boolean>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED_IDS;
                }
            }));
    private final Herald herald;
    private final PrintStream out;
    private BigDecimal balance = BigDecimal.ZERO; // one subscription: its handler never runs concurrently

    /**
     * @param herald where the services talk
     * @param out where the trace goes
     */
    public IdempotentProcessing(Herald herald, PrintStream out) {
        this.herald = herald;
        this.out = out;
    }

    /**
     * Delivers three payments, two of them twice, and checks each was credited once.
     *
     * @return {@code true} when every delivery was seen in time and the balance is 60.00
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean run() throws InterruptedException {
        CountDownLatch delivered = new CountDownLatch(5);
        new PaymentChannelsSubscriber(herald).paymentReceived(payment -> {
            if (processed.add(payment.paymentId())) { // add() is the check: false when already there
                balance = balance.add(payment.amount());
                out.println("credited  " + payment.paymentId() + " " + payment.amount() + " -> balance " + balance);
            } else {
                out.println("duplicate " + payment.paymentId() + " skipped");
            }
            delivered.countDown();
        });

        PaymentChannels webhook = new PaymentChannelsPublisher(herald);
        PaymentReceived first = new PaymentReceived("pay-1", "acc-7", new BigDecimal("10.00"));
        PaymentReceived second = new PaymentReceived("pay-2", "acc-7", new BigDecimal("20.00"));
        PaymentReceived third = new PaymentReceived("pay-3", "acc-7", new BigDecimal("30.00"));
        for (PaymentReceived payment : List.of(first, second, first, third, second)) { // two redeliveries
            webhook.paymentReceived(payment);
        }
        return delivered.await(10, TimeUnit.SECONDS) && balance.compareTo(new BigDecimal("60.00")) == 0;
    }
}
