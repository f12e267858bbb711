package dev.herald.examples.boot;

import java.math.BigDecimal;

/**
 * Published by the shipping service; the seed's {@code order:shipping:calculated} message.
 *
 * @param orderId the order
 * @param shipping the shipping cost
 */
public record ShippingCalculated(String orderId, BigDecimal shipping) {
}
