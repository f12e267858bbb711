package dev.herald.spring.boot.app;

import dev.herald.spring.boot.HeraldListener;
import dev.herald.spring.boot.fixtures.OrderCreated;
import dev.herald.spring.boot.fixtures.OrderEvents;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

/** A Boot application as a user writes one: a service that publishes, a component that listens. */
@SpringBootApplication
public class ShopApplication {

    /** Publishes through the injected channel interface. */
    @Service
    public static class Checkout {
        private final OrderEvents events;

        Checkout(OrderEvents events) {
            this.events = events;
        }

        /**
         * Places an order.
         *
         * @param orderId the order
         */
        public void placeOrder(String orderId) {
            events.orderCreated(new OrderCreated(orderId, 4200));
        }
    }

    /** Subscribed to {@link OrderEvents} by the starter. */
    @Component
    @HeraldListener
    public static class Shipping implements OrderEvents {
        final List<String> shipped = new CopyOnWriteArrayList<>();

        @Override
        public void orderCreated(OrderCreated event) {
            shipped.add(event.orderId());
        }

        @Override
        public CompletionStage<Void> orderPaid(OrderCreated event) {
            return CompletableFuture.completedFuture(null);
        }

        /** @return the orders shipped so far */
        public List<String> shipped() {
            return shipped;
        }
    }
}
