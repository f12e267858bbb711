package dev.herald.bench.model;

/**
 * The request of the request-reply benchmarks: a price quote for some units of one product;
 * {@link Quotes#request(long)} makes one whose JSON is exactly {@value Quotes#REQUEST_BYTES} bytes.
 *
 * @param requestId the caller's reference, {@code q-} and eight digits of the request's sequence number
 * @param sku the product
 * @param quantity how many units
 * @param region where the price applies
 * @param customerId who asks
 */
public record QuoteRequest(String requestId, String sku, int quantity, String region, String customerId) {
}
