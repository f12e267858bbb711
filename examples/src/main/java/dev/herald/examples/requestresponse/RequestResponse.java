package dev.herald.examples.requestresponse;

import dev.herald.Herald;
import dev.herald.NoResponderException;
import dev.herald.RequestTimeoutException;
import dev.herald.Subscription;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The seed's request-response, typed: {@code CompletionStage<DataResponse> requestData(DataQuery)} sends the query and
 * completes with the reply. Herald adds the correlation id and its one reply channel (subscribed once, never per
 * request); a request nobody is subscribed to fails at once, one nobody answers in time times out.
 */
public final class RequestResponse {

    private static final Map<String, String> PRICES = Map.of("book", "12.50", "lamp", "24.00");

    private final Herald herald;
    private final PrintStream out;

    /**
     * @param herald where the services talk
     * @param out where the trace goes
     */
    public RequestResponse(Herald herald, PrintStream out) {
        this.herald = herald;
        this.out = out;
    }

    /**
     * Asks two questions, lets the data service stall on a third, stops it, asks a fourth.
     *
     * @return {@code true} when the first two were answered, the third timed out and the fourth found no responder
     * @throws Exception if one of the first two requests failed
     */
    public boolean run() throws Exception {
        DataChannels requester = new DataChannelsPublisher(herald, Duration.ofSeconds(5));
        CompletableFuture<DataResponse> never = new CompletableFuture<>();
        // The data service: its return value is the reply.
        Subscription dataService = new DataChannelsSubscriber(herald).requestDataAsync(query -> "slow".equals(query.query())
                ? never : CompletableFuture.completedFuture(new DataResponse(PRICES.getOrDefault(query.query(), "unknown"))));

        out.println("price of book: " + ask(requester, "book").data());
        out.println("price of lamp: " + ask(requester, "lamp").data());
        boolean timedOut = failure(new DataChannelsPublisher(herald, Duration.ofMillis(100)), "slow")
                instanceof RequestTimeoutException;
        out.println("a slow answer: " + (timedOut ? "no answer within 100 ms" : "?"));

        dataService.close(); // the data service goes away: nobody is subscribed any more
        boolean noResponder = failure(requester, "book") instanceof NoResponderException;
        out.println("price of book after the data service stopped: " + (noResponder ? "no responder" : "?"));
        return timedOut && noResponder && herald.requestCounts().pending() == 0;
    }

    private static DataResponse ask(DataChannels requester, String query) throws Exception {
        return requester.requestData(new DataQuery(query)).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static Throwable failure(DataChannels requester, String query) throws Exception {
        try {
            ask(requester, query);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
