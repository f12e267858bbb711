package dev.herald.examples.requestresponse;

import dev.herald.Herald;
import dev.herald.Subscription;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The seed's request-response with correlation ids. Unlike the seed, the requester does not subscribe
 * once per request: it subscribes once, at startup, to every reply channel ({@code response:*}) and
 * completes the waiting request's future by its correlation id. A request nobody answers times out. On a Redis
 * Cluster, which has no sharded pattern subscription, the requester subscribes to each request's own reply
 * channel instead, before publishing the request.
 */
public final class RequestResponse {

    private static final Map<String, String> PRICES = Map.of("book", "12.50", "lamp", "24.00");

    private final Map<String, CompletableFuture<DataResponse>> pending = new ConcurrentHashMap<>();
    private final DataChannels channels;
    private final DataChannelsSubscriber subscriber;
    private final PrintStream out;
    private boolean perRequestReplies;

    /**
     * @param herald where the services talk
     * @param out where the trace goes
     */
    public RequestResponse(Herald herald, PrintStream out) {
        this.channels = new DataChannelsPublisher(herald);
        this.subscriber = new DataChannelsSubscriber(herald);
        this.out = out;
    }

    /**
     * Asks two questions, stops the data service, asks a third.
     *
     * @return {@code true} when the first two were answered and the third timed out
     * @throws InterruptedException if interrupted while waiting
     * @throws ExecutionException if one of the first two requests failed
     */
    public boolean run() throws InterruptedException, ExecutionException {
        // Requester: one PSUBSCRIBE for all replies. A late reply (after its timeout) finds no entry.
        try {
            subscriber.responseAny(this::complete);
        } catch (UnsupportedOperationException onACluster) {
            // [HeraldClusterPattern]: a Redis Cluster has no sharded pattern subscription, so there the requester
            // subscribes to each request's own reply channel before it publishes the request, as the seed does.
            perRequestReplies = true;
        }
        // Responder: the data service.
        Subscription dataService = subscriber.request(query -> channels.response(query.correlationId(),
                new DataResponse(query.correlationId(), PRICES.getOrDefault(query.query(), "unknown"))));

        out.println("price of book: " + requestData("book", Duration.ofSeconds(5)).get());
        out.println("price of lamp: " + requestData("lamp", Duration.ofSeconds(5)).get());

        dataService.close(); // the data service goes away: nobody answers any more
        CompletableFuture<String> unanswered = requestData("book", Duration.ofMillis(100));
        try {
            unanswered.get();
            return false;
        } catch (ExecutionException e) {
            out.println("price of book after the data service stopped: " + (e.getCause() instanceof TimeoutException
                    ? "no answer within 100 ms" : e.getCause()));
            return e.getCause() instanceof TimeoutException && pending.isEmpty();
        }
    }

    private void complete(String correlationId, DataResponse response) {
        CompletableFuture<DataResponse> waiting = pending.remove(correlationId);
        if (waiting != null) {
            waiting.complete(response);
        }
    }

    /** Sends a query and returns its answer, or a future failed with a TimeoutException. */
    private CompletableFuture<String> requestData(String query, Duration timeout) {
        String correlationId = UUID.randomUUID().toString();
        CompletableFuture<DataResponse> response = new CompletableFuture<>();
        pending.put(correlationId, response); // before publishing, so a fast reply finds it
        // on a cluster: the reply channel is subscribed (SSUBSCRIBE acknowledged) before the request goes out
        Subscription reply = perRequestReplies
                ? subscriber.response(correlationId, answer -> complete(correlationId, answer)) : null;
        channels.request(new DataQuery(correlationId, query));
        return response.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((r, failure) -> pending.remove(correlationId))
                // not on the reply's own handler thread, which the close would wait for
                .whenCompleteAsync((r, failure) -> {
                    if (reply != null) {
                        reply.close();
                    }
                })
                .thenApply(DataResponse::data);
    }
}
