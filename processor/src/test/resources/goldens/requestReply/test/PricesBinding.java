package test;

import dev.herald.ChannelDescriptor;
import dev.herald.Herald;
import dev.herald.PayloadType;
import dev.herald.RequestDescriptor;
import dev.herald.Subscription;
import dev.herald.binding.BindingSupport;
import dev.herald.binding.HeraldBinding;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import javax.annotation.processing.Generated;

/**
 * The channels of {@link Prices}, for the runtime: found through
 * {@code META-INF/services/dev.herald.binding.HeraldBinding}, used by
 * {@code herald.listen(Prices.class, implementation)} and by the generated publisher and subscriber.
 */
@Generated("dev.herald.processor.HeraldProcessor")
public final class PricesBinding implements HeraldBinding<Prices> {
    /**
     * Request-reply channel {@code price:quote} of {@link Prices#quote}.
     */
    public static final RequestDescriptor<QuoteRequest, Quote> QUOTE = RequestDescriptor.of(
            "price:quote", PayloadType.of(QuoteRequest.class), PayloadType.of(Quote.class),
            Prices.class, "quote");

    /**
     * Request-reply channel {@code price:{region}:quotes} of {@link Prices#regionalQuotes}.
     */
    public static final RequestDescriptor<QuoteRequest, List<Quote>> REGIONAL_QUOTES = RequestDescriptor.of(
            "price:{region}:quotes", PayloadType.of(QuoteRequest.class),
            new PayloadType<List<Quote>>() {}, Prices.class, "regionalQuotes");

    /**
     * Channel {@code price:tick} of {@link Prices#tick}.
     */
    public static final ChannelDescriptor<Quote> TICK = ChannelDescriptor.of("price:tick",
            PayloadType.of(Quote.class), Prices.class, "tick");

    /**
     * Creates the binding; called by {@link ServiceLoader}.
     */
    public PricesBinding() {
    }

    @Override
    public Class<Prices> channelInterface() {
        return Prices.class;
    }

    @Override
    public List<ChannelDescriptor<?>> channels() {
        return List.of(
                QUOTE.channel(),
                REGIONAL_QUOTES.channel(),
                TICK);
    }

    @Override
    public Subscription listen(Herald herald, Prices implementation) {
        Objects.requireNonNull(herald, "herald");
        Objects.requireNonNull(implementation, "implementation");
        BindingSupport.Subscriptions made = new BindingSupport.Subscriptions(herald);
        try {
            made.add(herald.requests(QUOTE).subscribeResponder(implementation::quote));
            made.add(herald.requestTemplate(REGIONAL_QUOTES).subscribeResponderAll((values, request) ->
                    implementation.regionalQuotes(values.string(0), request)));
            made.add(herald.channel(TICK).subscribeAsync(implementation::tick));
        } catch (RuntimeException | Error e) {
            made.undo(e);
            throw e;
        }
        return made.all(herald);
    }

    @Override
    public Prices publisher(Herald herald) {
        return new PricesPublisher(herald);
    }
}
