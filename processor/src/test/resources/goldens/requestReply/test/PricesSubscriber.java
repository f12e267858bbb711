package test;

import dev.herald.AsyncResponder;
import dev.herald.Herald;
import dev.herald.HeraldException;
import dev.herald.MessageHandler;
import dev.herald.Responder;
import dev.herald.Subscription;
import dev.herald.SubscriptionOptions;
import dev.herald.binding.GeneratedSubscriber;
import java.util.List;

/**
 * Subscribes typed handlers to the channels of {@link Prices}. Handlers run on Herald's threads, one
 * message at a time per subscription, in publish order. Thread-safe.
 * Responders serve request-reply channels the same way; what they return is the reply.
 */
@javax.annotation.processing.Generated("dev.herald.processor.HeraldProcessor")
public final class PricesSubscriber extends GeneratedSubscriber {
    /**
     * Creates a subscriber with the Herald's buffer, overflow and retry settings.
     * @param herald the Herald to subscribe on
     */
    public PricesSubscriber(Herald herald) {
        super(herald, SubscriptionOptions.inherit());
    }

    /**
     * Creates a subscriber whose subscriptions use {@code options}.
     * @param herald the Herald to subscribe on
     * @param options buffer, overflow and retry settings; unset values are the Herald's
     */
    public PricesSubscriber(Herald herald, SubscriptionOptions options) {
        super(herald, options);
    }

    /**
     * {@return the subscription of a responder to {@code price:quote}, once Redis acknowledged the SUBSCRIBE; ending it
     * stops serving}
     * @param responder answers each {@link QuoteRequest} with the {@link Quote} to send;
     *     what it throws fails the request
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription quote(Responder<? super QuoteRequest, ? extends Quote> responder) {
        return add(requests(PricesBinding.QUOTE).respond(responder));
    }

    /**
     * {@return the subscription of a responder to {@code price:quote}, once Redis acknowledged the SUBSCRIBE; ending it
     * stops serving}
     * @param responder starts answering each {@link QuoteRequest}; its stage completes with the {@link Quote}
     *     to send, and a failure, thrown or in the stage, fails the request
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription quoteAsync(
            AsyncResponder<? super QuoteRequest, ? extends Quote> responder) {
        return add(requests(PricesBinding.QUOTE).respondAsync(responder));
    }

    /**
     * {@return the subscription of a responder to one channel of {@code price:{region}:quotes}, once Redis acknowledged
     * the SUBSCRIBE; ending it stops serving}
     * @param region the value of {@code {region}}
     * @param responder answers each {@link QuoteRequest} with the {@code List<Quote>} to send;
     *     what it throws fails the request
     * @throws IllegalArgumentException when a value is empty or would change the channel's meaning
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription regionalQuotes(String region,
            Responder<? super QuoteRequest, ? extends List<Quote>> responder) {
        return add(requestTemplate(PricesBinding.REGIONAL_QUOTES).respond(responder, region));
    }

    /**
     * {@return the subscription of a responder to one channel of {@code price:{region}:quotes}, once Redis acknowledged
     * the SUBSCRIBE; ending it stops serving}
     * @param region the value of {@code {region}}
     * @param responder starts answering each {@link QuoteRequest}; its stage completes with the {@code List<Quote>}
     *     to send, and a failure, thrown or in the stage, fails the request
     * @throws IllegalArgumentException when a value is empty or would change the channel's meaning
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription regionalQuotesAsync(String region,
            AsyncResponder<? super QuoteRequest, ? extends List<Quote>> responder) {
        return add(requestTemplate(PricesBinding.REGIONAL_QUOTES).respondAsync(responder, region));
    }

    /**
     * {@return the subscription of a handler to {@code price:tick}, once Redis acknowledged the SUBSCRIBE}
     * @param handler receives each {@link Quote} published on the channel
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription tick(MessageHandler<? super Quote> handler) {
        return add(channel(PricesBinding.TICK).subscribe(handler));
    }
}
