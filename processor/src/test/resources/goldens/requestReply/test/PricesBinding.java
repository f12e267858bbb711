package test;

import dev.herald.ChannelDescriptor;
import dev.herald.Herald;
import dev.herald.PayloadType;
import dev.herald.RequestDescriptor;
import dev.herald.binding.BindingSupport;
import dev.herald.binding.GeneratedBinding;
import java.util.List;

/** The channels of {@link Prices}, for the runtime (found as a service) and the generated classes. */
@javax.annotation.processing.Generated("dev.herald.processor.HeraldProcessor")
public final class PricesBinding extends GeneratedBinding<Prices> {
    /** Request-reply channel {@code price:quote} of {@link Prices#quote}. */
    public static final RequestDescriptor<QuoteRequest, Quote> QUOTE = RequestDescriptor.of(
            "price:quote", PayloadType.of(QuoteRequest.class), PayloadType.of(Quote.class),
            Prices.class, "quote");
    /** Request-reply channel {@code price:{region}:quotes} of {@link Prices#regionalQuotes}. */
    public static final RequestDescriptor<QuoteRequest, List<Quote>> REGIONAL_QUOTES = RequestDescriptor.of(
            "price:{region}:quotes", PayloadType.of(QuoteRequest.class),
            new PayloadType<List<Quote>>() {}, Prices.class, "regionalQuotes");
    /** Channel {@code price:tick} of {@link Prices#tick}. */
    public static final ChannelDescriptor<Quote> TICK = channel("price:tick", Quote.class,
            Prices.class, "tick");

    /** Creates the binding; called by {@link java.util.ServiceLoader}. */
    public PricesBinding() {
        super(Prices.class, PricesPublisher::new, QUOTE.channel(), REGIONAL_QUOTES.channel(), TICK);
    }

    @Override
    protected void listen(BindingSupport.Subscriptions made, Herald herald, Prices listener) {
        made.add(herald.requests(QUOTE).subscribeResponder(listener::quote));
        made.add(herald.requestTemplate(REGIONAL_QUOTES).subscribeResponderAll((values, request) ->
                listener.regionalQuotes(values.string(0), request)));
        made.add(herald.channel(TICK).subscribeAsync(listener::tick));
    }
}
