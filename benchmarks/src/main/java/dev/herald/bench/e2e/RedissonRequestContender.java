package dev.herald.bench.e2e;

import dev.herald.bench.model.Quote;
import dev.herald.bench.model.QuoteRequest;
import dev.herald.bench.model.QuoteService;
import dev.herald.bench.model.Quotes;
import java.util.concurrent.CompletionStage;
import org.redisson.Redisson;
import org.redisson.api.RFuture;
import org.redisson.api.RRemoteService;
import org.redisson.api.RedissonClient;
import org.redisson.api.RemoteInvocationOptions;
import org.redisson.api.annotation.RRemoteAsync;
import org.redisson.config.Config;

/**
 * Redisson's {@link RRemoteService} as its documentation shows it, with two Redisson clients because requester
 * and responder are different services: the responding client registers a {@link QuoteService} implementation
 * under the contender's service name, the requesting one calls it through an {@link RRemoteAsync} interface made
 * by {@code get(QuoteServiceAsync.class, RemoteInvocationOptions.defaults())}: an acknowledgement expected within
 * 1 second, the result within 30 seconds. Redisson's default configuration and codec (Kryo 5, its default since
 * 3.18): a remote call serialises Redisson's own request object, so JSON would not make the bytes the same
 * anyway. Requests go through a Redis list that the service's workers pop ({@code BLPOP}); each taken request is
 * acknowledged and answered on the requester's response queue.
 *
 * <p>{@code register(Class, Object)} starts one worker, which takes the next request only once it has answered
 * the last: the default, and the like of Herald's responder, which handles one request at a time. The variant
 * with more workers ({@code register(Class, Object, int)}) serves requests concurrently.
 */
final class RedissonRequestContender implements RequestContender {

    /** The asynchronous face of {@link QuoteService}, as Redisson wants it declared. */
    @RRemoteAsync(QuoteService.class)
    public interface QuoteServiceAsync {
        /**
         * @param request the request
         * @return the quote, when the remote worker answered
         */
        RFuture<Quote> quote(QuoteRequest request);
    }

    private final int workers;
    private final RedissonClient responding;
    private final RedissonClient requesting;
    private final QuoteServiceAsync service;

    RedissonRequestContender(String redisUri, String prefix, int workers) {
        this.workers = workers;
        String serviceName = prefix + Quotes.CHANNEL;
        this.responding = client(redisUri);
        RedissonClient requester = null;
        try {
            RRemoteService server = responding.getRemoteService(serviceName);
            QuoteService implementation = Quotes::quote;
            if (workers == 1) {
                server.register(QuoteService.class, implementation);
            } else {
                server.register(QuoteService.class, implementation, workers);
            }
            requester = client(redisUri);
            this.service = requester.getRemoteService(serviceName)
                    .get(QuoteServiceAsync.class, RemoteInvocationOptions.defaults());
        } catch (RuntimeException e) {
            if (requester != null) {
                requester.shutdown();
            }
            responding.shutdown();
            throw e;
        }
        this.requesting = requester;
    }

    private static RedissonClient client(String redisUri) {
        Config config = new Config();
        config.useSingleServer().setAddress(redisUri);
        return Redisson.create(config);
    }

    @Override
    public String name() {
        return workers == 1 ? "Redisson" : "Redisson, " + workers + " workers";
    }

    @Override
    public String description() {
        return "Redisson RRemoteService: two clients (requester and responder), register(QuoteService.class, impl"
                + (workers == 1 ? ") (one worker, the default)" : ", " + workers + ")")
                + ", calls through an @RRemoteAsync interface with RemoteInvocationOptions.defaults() (ack within 1 s, "
                + "result within 30 s), default config and codec (Kryo 5)";
    }

    @Override
    public CompletionStage<Quote> request(QuoteRequest request) {
        return service.quote(request);
    }

    @Override
    public void close() {
        try {
            requesting.shutdown();
        } finally {
            responding.shutdown();
        }
    }
}
