package dev.herald.examples.boot;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Published by the API when an order is placed; the seed's {@code order:created} message.
 *
 * @param orderId the order
 * @param userId who placed it
 * @param items what was ordered
 * @param total the order total
 * @param timestamp when it was placed
 */
public record OrderCreated(String orderId, String userId, List<Item> items, BigDecimal total, Instant timestamp) {

    /**
     * One order line.
     *
     * @param sku the product
     * @param quantity how many
     * @param weightKg the weight of one
     */
    public record Item(String sku, int quantity, BigDecimal weightKg) {
    }
}
