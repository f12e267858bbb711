package dev.herald.examples.durableorders;

import dev.herald.Herald;
import dev.herald.Subscription;
import dev.herald.SubscriptionOptions;
import dev.herald.examples.orders.OrderCreated;
import dev.herald.examples.orders.ShippingCalculated;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The order pipeline on durable channels: the shipping service is stopped in the middle of the run, orders keep
 * coming while it is down, and when it starts again, in the same consumer group, it handles every one of them.
 * With pub/sub those orders would be gone. Each service is a consumer group: {@code shipping} and
 * {@code confirmation}; a group gets every message, and a restarted consumer picks up where its group left off.
 */
public final class DurableOrderPipeline {

    private static final BigDecimal PER_KG = new BigDecimal("1.50");
    private static final BigDecimal BASE = new BigDecimal("3.99");

    private final Herald herald;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private final Set<String> shipped = ConcurrentHashMap.newKeySet();
    private final Set<String> confirmed = ConcurrentHashMap.newKeySet();

    /**
     * Creates the demo.
     *
     * @param herald where the services talk
     * @param out where the trace goes
     */
    public DurableOrderPipeline(Herald herald, PrintStream out) {
        this.herald = herald;
        this.out = out;
    }

    /**
     * Places orders in three waves, with the shipping service stopped during the second, and waits until every
     * order is confirmed.
     *
     * @param orders how many orders to place, at least 3
     * @return {@code true} when every order was confirmed in time
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean run(int orders) throws InterruptedException {
        int wave = orders / 3;
        CountDownLatch allConfirmed = new CountDownLatch(orders);
        CountDownLatch firstWaveShipped = new CountDownLatch(wave);

        // Service C: confirmation, its own consumer group.
        new DurableShippingEventsSubscriber(herald, group("confirmation")).shippingQuoted(quote -> {
            if (confirmed.add(quote.orderId())) {
                trace("confirm", "<-", "order:shipping:quoted", "confirmation sent for order " + quote.orderId());
                allConfirmed.countDown();
            }
        });
        // Service B: shipping.
        Subscription shipping = startShipping(firstWaveShipped);

        // Service A: the API, in three waves.
        DurableOrderEvents api = new DurableOrderEventsPublisher(herald);
        place(api, 1, wave);
        firstWaveShipped.await(10, TimeUnit.SECONDS);

        shipping.close(); // acknowledges what it handled and leaves; its group stays in Redis
        trace("shipping", "--", "", "stopped (a deploy, say): orders " + (wave + 1) + " to " + (2 * wave)
                + " arrive while it is down");
        place(api, wave + 1, 2 * wave);

        trace("shipping", "--", "", "started again in group 'shipping': it reads what the group has not handled yet");
        startShipping(new CountDownLatch(0));
        place(api, 2 * wave + 1, orders);

        boolean done = allConfirmed.await(20, TimeUnit.SECONDS);
        trace("summary", "  ", "", confirmed.size() + " of " + orders + " orders confirmed; "
                + shipped.size() + " shipped");
        return done;
    }

    private Subscription startShipping(CountDownLatch firstWave) {
        DurableShippingEvents quotes = new DurableShippingEventsPublisher(herald);
        return new DurableOrderEventsSubscriber(herald, group("shipping")).orderAccepted(order -> {
            BigDecimal cost = shippingCost(order);
            trace("shipping", "<-", "order:accepted", "order " + order.orderId() + ": shipping " + cost);
            // join(): completes when Redis stored the quote; only then is the order acknowledged
            quotes.shippingQuoted(new ShippingCalculated(order.orderId(), cost)).toCompletableFuture().join();
            if (shipped.add(order.orderId())) {
                firstWave.countDown();
            }
        });
    }

    private static SubscriptionOptions group(String name) {
        return SubscriptionOptions.builder().consumerGroup(name).build();
    }

    private void place(DurableOrderEvents api, int from, int to) {
        for (int i = from; i <= to; i++) {
            OrderCreated order = new OrderCreated("200" + i, "u-7" + i,
                    List.of(new OrderCreated.Item("mug", i, new BigDecimal("0.4"))),
                    new BigDecimal("19.90").multiply(BigDecimal.valueOf(i)), Instant.now());
            api.orderAccepted(order);
            trace("api", "->", "order:accepted", "order " + order.orderId());
        }
    }

    private static BigDecimal shippingCost(OrderCreated order) {
        BigDecimal kg = order.items().stream()
                .map(item -> item.weightKg().multiply(BigDecimal.valueOf(item.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return BASE.add(PER_KG.multiply(kg)).setScale(2, RoundingMode.HALF_UP);
    }

    private synchronized void trace(String service, String direction, String channel, String what) {
        double ms = (System.nanoTime() - start) / 1_000_000.0;
        out.printf("[%8.2f ms] %-8s %s %-22s %s%n", ms, service, direction, channel, what);
    }
}
