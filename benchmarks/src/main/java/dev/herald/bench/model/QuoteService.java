package dev.herald.bench.model;

/**
 * The quote service as a plain Java interface, the form Redisson's {@code RRemoteService} registers and calls:
 * public, because Redisson's worker invokes it reflectively.
 */
public interface QuoteService {

    /**
     * Prices a request.
     *
     * @param request the request
     * @return its quote
     */
    Quote quote(QuoteRequest request);
}
