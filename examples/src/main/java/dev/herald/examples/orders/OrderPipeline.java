package dev.herald.examples.orders;

import dev.herald.Herald;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The seed's cross-service communication: the API publishes {@code order:created}; the shipping service
 * calculates shipping and publishes {@code order:shipping:calculated}; the confirmation service sends the
 * confirmation. Three services, one Herald each in real life; here they share one process.
 */
public final class OrderPipeline {

    private static final BigDecimal PER_KG = new BigDecimal("1.50");
    private static final BigDecimal BASE = new BigDecimal("3.99");

    private final Herald herald;
    private final PrintStream out;
    private volatile long start = System.nanoTime();

    /**
     * Creates the demo.
     *
     * @param herald where the services talk
     * @param out where the trace goes
     */
    public OrderPipeline(Herald herald, PrintStream out) {
        this.herald = herald;
        this.out = out;
    }

    /**
     * Places a few orders and waits until every one is confirmed.
     *
     * @param orders how many orders to place
     * @return {@code true} when every order was confirmed in time
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean run(int orders) throws InterruptedException {
        CountDownLatch confirmed = new CountDownLatch(orders);

        // Service B: shipping. Subscribes before anything is published: subscribe() returns once Redis
        // acknowledged it, so no order can slip past.
        ShippingEvents shipping = new ShippingEventsPublisher(herald);
        new OrderEventsSubscriber(herald).orderCreated(order -> {
            trace("shipping", "<-", "order:created", "order " + order.orderId() + " for " + order.userId()
                    + ", " + order.items().size() + " item(s), total " + order.total());
            BigDecimal cost = shippingCost(order);
            trace("shipping", "->", "order:shipping:calculated", "order " + order.orderId() + ": shipping " + cost);
            // join(): a handler may block; it only holds back its own subscription
            shipping.shippingCalculated(new ShippingCalculated(order.orderId(), cost)).toCompletableFuture().join();
        });

        // Service C: confirmation.
        new ShippingEventsSubscriber(herald).shippingCalculated(data -> {
            trace("confirm", "<-", "order:shipping:calculated", "confirmation sent for order " + data.orderId());
            confirmed.countDown();
        });

        // Service A: the API. Fire-and-forget: a failed publish goes to the error handler.
        OrderEvents api = new OrderEventsPublisher(herald);
        start = System.nanoTime(); // the trace times the messages, not the setup
        for (int i = 1; i <= orders; i++) {
            OrderCreated order = new OrderCreated("100" + i, "u-4" + i,
                    List.of(new OrderCreated.Item("book", i, new BigDecimal("0.8")),
                            new OrderCreated.Item("lamp", 1, new BigDecimal("2.1"))),
                    new BigDecimal("99.99").multiply(BigDecimal.valueOf(i)), Instant.now());
            api.orderCreated(order);
            trace("api", "->", "order:created", "order " + order.orderId());
        }
        return confirmed.await(10, TimeUnit.SECONDS);
    }

    private static BigDecimal shippingCost(OrderCreated order) {
        BigDecimal kg = order.items().stream()
                .map(item -> item.weightKg().multiply(BigDecimal.valueOf(item.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return BASE.add(PER_KG.multiply(kg)).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private synchronized void trace(String service, String direction, String channel, String what) {
        double ms = (System.nanoTime() - start) / 1_000_000.0;
        out.printf("[%8.2f ms] %-8s %s %-26s %s%n", ms, service, direction, channel, what);
    }
}
