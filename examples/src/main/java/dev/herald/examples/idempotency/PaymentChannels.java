package dev.herald.examples.idempotency;

import dev.herald.annotation.Channel;

/** What the payment provider's webhook announces. */
public interface PaymentChannels {

    /**
     * A payment arrived; may be delivered more than once.
     *
     * @param payment the payment
     */
    @Channel("payment:received")
    void paymentReceived(PaymentReceived payment);
}
