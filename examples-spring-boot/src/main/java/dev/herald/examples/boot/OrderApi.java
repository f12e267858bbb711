package dev.herald.examples.boot;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Service A: the API that places orders, announcing each through the injected {@link OrderEvents} publisher. */
@Service
public class OrderApi {

    private static final Logger LOG = LoggerFactory.getLogger(OrderApi.class);

    private final OrderEvents events;

    /**
     * @param events the generated publisher of {@link OrderEvents}, injected by its interface
     */
    public OrderApi(OrderEvents events) {
        this.events = events;
    }

    /**
     * Places an order: fire-and-forget, a failed publish goes to Herald's error handler.
     *
     * @param n which order of the run, for its id and contents
     * @return the order placed
     */
    public OrderCreated place(int n) {
        OrderCreated order = new OrderCreated("100" + n, "u-4" + n,
                List.of(new OrderCreated.Item("book", n, new BigDecimal("0.8")),
                        new OrderCreated.Item("lamp", 1, new BigDecimal("2.1"))),
                new BigDecimal("99.99").multiply(BigDecimal.valueOf(n)), Instant.now());
        events.orderCreated(order);
        LOG.info("api      -> order:created {}", order.orderId());
        return order;
    }
}
