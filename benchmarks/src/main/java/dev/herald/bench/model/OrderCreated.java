package dev.herald.bench.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The benchmark payload, the seed's {@code order:created} message; {@link Orders#order(long)} makes one
 * whose JSON is exactly {@value Orders#PAYLOAD_BYTES} bytes.
 *
 * @param orderId the order, {@code ord-} and eight digits of the message's sequence number
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
     * @param price the price of one
     */
    public record Item(String sku, int quantity, BigDecimal price) {
    }
}
