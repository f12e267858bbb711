package dev.herald.internal;

import dev.herald.HeraldException;
import dev.herald.PayloadCodec;
import dev.herald.internal.durable.PayloadLimit;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * What a {@link Delivery} needs from the Herald it belongs to, and nothing more: where it runs, where its
 * failures and dead letters go, its limits, and who removes it when it is unsubscribed.
 *
 * @param pool runs its drains, and its callbacks that are not handlers
 * @param failures the error handler
 * @param deadLetters keeps what it could not handle
 * @param maxPayloadBytes the largest payload it decodes
 * @param commandTimeout how long a blocking {@code close()} waits for the UNSUBSCRIBE
 * @param owner the subscription table it is held in
 * @param instruments gives a declared channel its probe, for subscriptions made without one
 * @param sharesDecoded whether the values a codec decodes can go to every subscription of a channel, one decode a
 *     message ({@link Codecs#sharesDecoded})
 */
record DeliveryContext(HandlerPool pool, Failures failures, DeadLetterKeeper deadLetters, int maxPayloadBytes,
        Duration commandTimeout, Owner owner, Instruments instruments, Predicate<PayloadCodec<?>> sharesDecoded) {

    /**
     * @param length a received payload's size in bytes
     * @return why it is not parsed, or null when it is within {@link #maxPayloadBytes}
     */
    HeraldException tooLarge(int length) {
        return PayloadLimit.exceeded(length, maxPayloadBytes);
    }

    /** Where a subscription is held, so that it can leave. */
    @FunctionalInterface
    interface Owner {
        /**
         * Removes a subscription.
         *
         * @return the UNSUBSCRIBE acknowledgement, or null when it was not held (any more)
         */
        CompletionStage<Void> remove(Delivery<?> delivery);
    }
}
