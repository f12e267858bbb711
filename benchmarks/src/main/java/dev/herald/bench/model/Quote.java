package dev.herald.bench.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The reply of the request-reply benchmarks, computed by {@link Quotes#quote(QuoteRequest)}; its JSON is exactly
 * {@value Quotes#REPLY_BYTES} bytes.
 *
 * @param requestId the request's {@link QuoteRequest#requestId()}, so that a caller can check it got its own reply
 * @param unitPrice the price of one unit
 * @param total the price of the requested quantity
 * @param currency the currency of both prices
 * @param validUntil until when the quote holds
 */
public record Quote(String requestId, BigDecimal unitPrice, BigDecimal total, String currency, Instant validUntil) {
}
