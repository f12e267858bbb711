package test;

import dev.herald.AsyncResponder;
import dev.herald.Herald;
import dev.herald.HeraldException;
import dev.herald.MessageHandler;
import dev.herald.RequestChannel;
import dev.herald.RequestTemplate;
import dev.herald.Responder;
import dev.herald.Subscription;
import dev.herald.SubscriptionGroup;
import dev.herald.SubscriptionOptions;
import dev.herald.TypedChannel;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import javax.annotation.processing.Generated;

/**
 * Subscribes typed handlers to the channels of {@link Prices}.
 * Handlers run on Herald's threads, one message at a time per subscription, in publish order.
 * Thread-safe.
 * Responders serve request-reply channels the same way; what they return is the reply.
 */
@Generated("dev.herald.processor.HeraldProcessor")
public final class PricesSubscriber {
    private final SubscriptionGroup subscriptions = new SubscriptionGroup();

    private final RequestChannel<QuoteRequest, Quote> quoteChannel;

    private final RequestTemplate<QuoteRequest, List<Quote>> regionalQuotesChannel;

    private final TypedChannel<Quote> tickChannel;

    /**
     * Creates a subscriber with the Herald's buffer, overflow and retry settings.
     *
     * @param herald the Herald to subscribe on
     */
    public PricesSubscriber(Herald herald) {
        this(herald, SubscriptionOptions.inherit());
    }

    /**
     * Creates a subscriber whose subscriptions use {@code options}; binds each channel's codec once.
     *
     * @param herald the Herald to subscribe on
     * @param options buffer, overflow and retry settings; unset values are the Herald's
     */
    public PricesSubscriber(Herald herald, SubscriptionOptions options) {
        Objects.requireNonNull(herald, "herald");
        Objects.requireNonNull(options, "options");
        this.quoteChannel = herald.requests(PricesBinding.QUOTE).withOptions(options);
        this.regionalQuotesChannel = herald.requestTemplate(PricesBinding.REGIONAL_QUOTES).withOptions(options);
        this.tickChannel = herald.channel(PricesBinding.TICK).withOptions(options);
    }

    /**
     * Serves the requests of {@code price:quote}:
     * the responder's return value is the reply. Returns once Redis acknowledged the SUBSCRIBE.
     *
     * @param responder answers each {@link QuoteRequest} with the {@link Quote} to send;
     *     what it throws fails the request
     * @return the subscription; ending it stops serving
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription quote(Responder<? super QuoteRequest, ? extends Quote> responder) {
        return this.subscriptions.add(this.quoteChannel.respond(responder));
    }

    /**
     * Serves the requests of {@code price:quote} with a responder
     * whose replies complete later. Returns once Redis acknowledged the SUBSCRIBE.
     *
     * @param responder starts answering each {@link QuoteRequest}; its stage completes with the {@link Quote}
     *     to send, and a failure, thrown or in the stage, fails the request
     * @return the subscription; ending it stops serving
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription quoteAsync(
            AsyncResponder<? super QuoteRequest, ? extends Quote> responder) {
        return this.subscriptions.add(this.quoteChannel.respondAsync(responder));
    }

    /**
     * Serves the requests of one channel of {@code price:{region}:quotes}:
     * the responder's return value is the reply. Returns once Redis acknowledged the SUBSCRIBE.
     *
     * @param region the value of {@code {region}}
     * @param responder answers each {@link QuoteRequest} with the {@code List<Quote>} to send;
     *     what it throws fails the request
     * @return the subscription; ending it stops serving
     * @throws IllegalArgumentException when a value is empty or holds a character that would change
     *     the channel's meaning
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription regionalQuotes(String region,
            Responder<? super QuoteRequest, ? extends List<Quote>> responder) {
        return this.subscriptions.add(this.regionalQuotesChannel.respond(responder, region));
    }

    /**
     * Serves the requests of one channel of {@code price:{region}:quotes} with a responder
     * whose replies complete later. Returns once Redis acknowledged the SUBSCRIBE.
     *
     * @param region the value of {@code {region}}
     * @param responder starts answering each {@link QuoteRequest}; its stage completes with the {@code List<Quote>}
     *     to send, and a failure, thrown or in the stage, fails the request
     * @return the subscription; ending it stops serving
     * @throws IllegalArgumentException when a value is empty or holds a character that would change
     *     the channel's meaning
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription regionalQuotesAsync(String region,
            AsyncResponder<? super QuoteRequest, ? extends List<Quote>> responder) {
        return this.subscriptions.add(this.regionalQuotesChannel.respondAsync(responder, region));
    }

    /**
     * Subscribes a handler to {@code price:tick}; returns once Redis acknowledged the SUBSCRIBE.
     *
     * @param handler receives each {@link Quote} published on the channel
     * @return the subscription
     * @throws HeraldException when Redis refused the subscription or did not acknowledge it in time
     */
    public Subscription tick(MessageHandler<? super Quote> handler) {
        return this.subscriptions.add(this.tickChannel.subscribe(handler));
    }

    /**
     * Ends every subscription this subscriber made.
     *
     * @return a stage that completes when Redis acknowledged the resulting UNSUBSCRIBEs
     */
    public CompletionStage<Void> unsubscribeAll() {
        return this.subscriptions.unsubscribeAll();
    }
}
