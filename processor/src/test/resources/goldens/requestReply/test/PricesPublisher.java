package test;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.NoResponderException;
import dev.herald.PublishFailedException;
import dev.herald.RemoteHandlerException;
import dev.herald.RequestChannel;
import dev.herald.RequestTemplate;
import dev.herald.RequestTimeoutException;
import dev.herald.TypedChannel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** Publishes the channels of {@link Prices} through a {@link Herald}; thread-safe, never blocks. */
@javax.annotation.processing.Generated("dev.herald.processor.HeraldProcessor")
public final class PricesPublisher implements Prices {
    private final RequestChannel<QuoteRequest, Quote> quoteChannel;
    private final RequestTemplate<QuoteRequest, List<Quote>> regionalQuotesChannel;
    private final TypedChannel<Quote> tickChannel;

    /**
     * Creates a publisher whose requests wait for their replies as long as the Herald's
     * {@link HeraldBuilder#requestTimeout(Duration) request timeout}; binds each channel's codec once.
     * @param herald the Herald to publish through
     */
    public PricesPublisher(Herald herald) {
        this.quoteChannel = herald.requests(PricesBinding.QUOTE);
        this.regionalQuotesChannel = herald.requestTemplate(PricesBinding.REGIONAL_QUOTES);
        this.tickChannel = herald.channel(PricesBinding.TICK);
    }

    /**
     * Creates a publisher whose requests wait for their replies as long as {@code requestTimeout};
     * binds each channel's codec once.
     * @param herald the Herald to publish through
     * @param requestTimeout how long each request waits for its reply, positive; overrides
     *     {@link HeraldBuilder#requestTimeout(Duration)}
     */
    public PricesPublisher(Herald herald, Duration requestTimeout) {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.quoteChannel = herald.requests(PricesBinding.QUOTE).withTimeout(requestTimeout);
        this.regionalQuotesChannel = herald.requestTemplate(PricesBinding.REGIONAL_QUOTES).withTimeout(requestTimeout);
        this.tickChannel = herald.channel(PricesBinding.TICK);
    }

    /**
     * Sends a request to {@code price:quote}; the stage completes with the reply.
     * @return a stage completed with the first reply; it fails with {@link RequestTimeoutException} when none came
     *     in time, {@link NoResponderException} when nobody served the channel, {@link RemoteHandlerException} when the
     *     responder failed and {@link PublishFailedException} when the request could not be sent
     */
    public CompletionStage<Quote> quote(QuoteRequest request) {
        return this.quoteChannel.request(request);
    }

    /**
     * Sends a request to {@code price:{region}:quotes}; the stage completes with the reply.
     * @return a stage completed with the first reply; it fails with {@link RequestTimeoutException} when none came
     *     in time, {@link NoResponderException} when nobody served the channel, {@link RemoteHandlerException} when the
     *     responder failed and {@link PublishFailedException} when the request could not be sent
     * @throws IllegalArgumentException when a value is empty or would change the channel's meaning; nothing is sent
     */
    public CompletionStage<List<Quote>> regionalQuotes(String region, QuoteRequest request) {
        return this.regionalQuotesChannel.request(request, region);
    }

    /** Publishes to {@code price:tick}, fire-and-forget; failures to send go to the error handler. */
    public void tick(Quote quote) {
        this.tickChannel.send(quote);
    }
}
