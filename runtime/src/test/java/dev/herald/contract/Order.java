package dev.herald.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The seed's order payload. */
public record Order(String orderId, String userId, List<Item> items, BigDecimal total, Instant timestamp) {

    /** One line of an order. */
    public record Item(String sku, int quantity) {
    }

    static Order sample(int n) {
        return new Order("o-" + n, "u-1", List.of(new Item("sku-" + n, n)), new BigDecimal("99.99"),
                Instant.parse("2026-11-29T10:15:30Z"));
    }
}
