package dev.herald.examples.idempotency;

import java.math.BigDecimal;

/**
 * A payment arrived. Its {@code paymentId} is the idempotency key: a publisher that retries after a
 * timeout sends the same id again.
 *
 * @param paymentId the idempotency key
 * @param account the account credited
 * @param amount how much
 */
public record PaymentReceived(String paymentId, String account, BigDecimal amount) {
}
