package dev.herald.examples.boot;

import dev.herald.spring.boot.HeraldListener;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Service B: receives each {@code order:created}, calculates shipping and announces it. A
 * {@code @HeraldListener}: the starter subscribes it once the application has started; its {@link ShippingEvents}
 * is the generated publisher, injected by its interface.
 */
@Component
@HeraldListener
public class ShippingService implements OrderEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ShippingService.class);
    private static final BigDecimal PER_KG = new BigDecimal("1.50");
    private static final BigDecimal BASE = new BigDecimal("3.99");

    private final ShippingEvents shipping;

    /**
     * @param shipping where the results go (the generated publisher)
     */
    public ShippingService(ShippingEvents shipping) {
        this.shipping = shipping;
    }

    @Override
    public void orderCreated(OrderCreated order) {
        BigDecimal cost = shippingCost(order);
        LOG.info("shipping <- order:created {} for {}, {} item(s): shipping {}", order.orderId(), order.userId(),
                order.items().size(), cost);
        // join(): a handler may block; it only holds back its own subscription
        shipping.shippingCalculated(new ShippingCalculated(order.orderId(), cost)).toCompletableFuture().join();
    }

    /**
     * @param order an order
     * @return its shipping cost: a base price and a price per kilogram
     */
    static BigDecimal shippingCost(OrderCreated order) {
        BigDecimal kg = order.items().stream()
                .map(item -> item.weightKg().multiply(BigDecimal.valueOf(item.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return BASE.add(PER_KG.multiply(kg)).setScale(2, RoundingMode.HALF_UP);
    }
}
