package dev.herald.contract;

import static dev.herald.contract.Waiting.WAIT;
import static dev.herald.contract.Waiting.done;
import static dev.herald.contract.Waiting.take;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Health;
import dev.herald.Herald;
import dev.herald.HeraldError;
import dev.herald.HeraldException;
import dev.herald.NoResponderException;
import dev.herald.PayloadType;
import dev.herald.RemoteHandlerException;
import dev.herald.RequestChannel;
import dev.herald.RequestCounts;
import dev.herald.RequestDescriptor;
import dev.herald.RequestTemplate;
import dev.herald.RequestTimeoutException;
import dev.herald.RetryPolicy;
import dev.herald.Subscription;
import dev.herald.SubscriptionOptions;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Request-reply (issue 13): typed replies, the typed failures, several responders, close, and one reply
 * subscription per Herald however many requests it sends.
 */
interface RequestReplyContract extends ContractPart {

    /** A request. */
    record QuoteRequest(String sku, int quantity) {
    }

    /** Its reply. */
    record Quote(String sku, BigDecimal price) {
    }

    /** The envelope of a request, as a plain subscriber of the request channel reads it. */
    record SeenRequest(String id, String replyTo) {
    }

    /** The channel interface the descriptors below name. */
    interface Prices {
        CompletionStage<Quote> quote(QuoteRequest request);
    }

    RequestDescriptor<QuoteRequest, Quote> QUOTE = RequestDescriptor.of("price:quote",
            PayloadType.of(QuoteRequest.class), PayloadType.of(Quote.class), Prices.class, "quote");

    RequestDescriptor<QuoteRequest, Quote> REGIONAL_QUOTE = RequestDescriptor.of("price:{region}:quote",
            PayloadType.of(QuoteRequest.class), PayloadType.of(Quote.class), Prices.class, "quote");

    private static Quote priced(QuoteRequest request) {
        return new Quote(request.sku(), BigDecimal.valueOf(request.quantity()).multiply(new BigDecimal("2.50")));
    }

    /** The failure a stage failed with. */
    private static Throwable failure(CompletionStage<?> stage) {
        ExecutionException failed = assertThrows(ExecutionException.class, () -> done(stage));
        return failed.getCause();
    }

    // ------------------------------------------------------------------ replies

    @Test
    default void aReplyArrivesTyped() throws Exception {
        RequestChannel<QuoteRequest, Quote> quotes = herald().requests(QUOTE);
        assertEquals(full("price:quote"), quotes.name());
        quotes.respond(RequestReplyContract::priced);

        assertEquals(new Quote("sku-1", new BigDecimal("7.50")), done(quotes.request(new QuoteRequest("sku-1", 3))));

        RequestCounts counts = herald().requestCounts();
        assertEquals(1, counts.sent());
        assertEquals(1, counts.answered());
        assertEquals(0, counts.pending());
    }

    @Test
    default void aDynamicRequestChannelGetsItsReplyFromAnAsynchronousResponderThatHoldsNoThread() throws Exception {
        RequestChannel<String, Integer> lengths = herald().requests("text:length", PayloadType.of(String.class),
                PayloadType.of(Integer.class));
        List<CompletableFuture<Integer>> started = new CopyOnWriteArrayList<>();
        lengths.respondAsync(text -> {
            CompletableFuture<Integer> reply = new CompletableFuture<>();
            started.add(reply);
            return reply.thenApply(n -> n + text.length());
        });

        CompletionStage<Integer> first = lengths.request("abc");
        CompletionStage<Integer> second = lengths.request("abcdef");
        // one request at a time per subscription: the second reached the responder while the first had no reply
        await().atMost(WAIT).until(() -> started.size() == 2);
        started.get(1).complete(100);
        assertEquals(106, done(second));
        assertFalse(first.toCompletableFuture().isDone());
        started.get(0).complete(0);
        assertEquals(3, done(first));
    }

    @Test
    default void aTemplateRequestReachesTheResponderOfItsConcreteChannelOnly() throws Exception {
        RequestTemplate<QuoteRequest, Quote> regional = herald().requestTemplate(REGIONAL_QUOTE);
        assertEquals("price:{region}:quote", regional.template().template());
        regional.respond(request -> new Quote("eu " + request.sku(), BigDecimal.ONE), "eu");

        assertEquals(new Quote("eu sku-1", BigDecimal.ONE), done(regional.request(new QuoteRequest("sku-1", 1), "eu")));
        assertInstanceOf(NoResponderException.class, failure(regional.request(new QuoteRequest("sku-1", 1), "us")));
        assertThrows(IllegalArgumentException.class, () -> regional.request(new QuoteRequest("sku-1", 1), "e*"));
    }

    /** A pattern subscription: refused on a transport without patterns (see ClusterHeraldTest). */
    @Test
    default void aTemplateResponderForAllChannelsGetsTheValuesOfEach() throws Exception {
        RequestTemplate<QuoteRequest, Quote> regional = herald().requestTemplate(REGIONAL_QUOTE);
        Subscription all = done(regional.subscribeResponderAll((values, request) ->
                CompletableFuture.completedFuture(new Quote(values.string(0) + " " + request.sku(), BigDecimal.TEN))));
        assertEquals(full("price:*:quote"), all.channel());

        assertEquals(new Quote("eu sku-1", BigDecimal.TEN), done(regional.request(new QuoteRequest("sku-1", 1), "eu")));
        assertEquals(new Quote("us sku-2", BigDecimal.TEN), done(regional.request(new QuoteRequest("sku-2", 1), "us")));
    }

    // ------------------------------------------------------------------ typed failures

    @Test
    default void noReplyWithinTheTimeoutFailsTheRequestWithRequestTimeoutException() throws Exception {
        RequestChannel<QuoteRequest, Quote> quotes = herald().requests(QUOTE).withTimeout(Duration.ofMillis(200));
        quotes.respondAsync(request -> new CompletableFuture<>()); // never replies

        RequestTimeoutException timedOut = assertInstanceOf(RequestTimeoutException.class,
                failure(quotes.request(new QuoteRequest("sku-1", 1))));
        assertEquals(full("price:quote"), timedOut.channel());
        assertEquals(Duration.ofMillis(200), timedOut.timeout());
        RequestCounts counts = herald().requestCounts();
        assertEquals(1, counts.timedOut());
        assertEquals(0, counts.pending());
        assertThrows(IllegalArgumentException.class, () -> quotes.withTimeout(Duration.ZERO));
    }

    @Test
    default void aRequestNobodyListensToFailsAtOnceWithNoResponderException() throws Exception {
        // a minute's timeout: the stage fails within the test's wait only because PUBLISH counted no receiver
        RequestChannel<QuoteRequest, Quote> quotes = herald().requests(QUOTE).withTimeout(Duration.ofMinutes(1));

        NoResponderException none = assertInstanceOf(NoResponderException.class,
                failure(quotes.request(new QuoteRequest("sku-1", 1))));
        assertEquals(full("price:quote"), none.channel());
        RequestCounts counts = herald().requestCounts();
        assertEquals(1, counts.noResponder());
        assertEquals(0, counts.pending());
    }

    @Test
    default void aResponderThatThrowsFailsTheRequestWithItsTypeAndMessageOnlyAndIsNotRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        RequestChannel<QuoteRequest, Quote> quotes = herald().requests(QUOTE)
                .withOptions(SubscriptionOptions.builder().retryPolicy(RetryPolicy.exponential(5, Duration.ofMillis(1)))
                        .build());
        quotes.respond(request -> {
            calls.incrementAndGet();
            throw new IllegalStateException("out of stock: " + request.sku());
        });

        RemoteHandlerException remote = assertInstanceOf(RemoteHandlerException.class,
                failure(quotes.request(new QuoteRequest("sku-9", 1))));
        assertEquals(full("price:quote"), remote.channel());
        assertEquals(IllegalStateException.class.getName(), remote.remoteType());
        assertEquals("out of stock: sku-9", remote.remoteMessage());
        assertFalse(remote.getMessage().contains("\tat ") || remote.getMessage().contains("RequestReplyContract"),
                "no stack and no internals: " + remote.getMessage());
        assertNull(remote.getCause());

        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.HANDLER).size() == 1);
        HeraldError heard = errors().ofKind(HeraldError.Kind.HANDLER).get(0);
        assertEquals(full("price:quote"), heard.channel());
        assertInstanceOf(IllegalStateException.class, heard.cause());
        assertEquals(1, calls.get(), "a responder is never retried: its requester is answered once");
        assertEquals(1, herald().requestCounts().remoteFailures());
    }

    @Test
    default void anAsynchronousResponderWhoseStageFailsAnswersWithTheError() throws Exception {
        RequestChannel<QuoteRequest, Quote> quotes = herald().requests(QUOTE);
        quotes.respondAsync(request -> CompletableFuture.failedFuture(new UnsupportedOperationException((String) null)));

        RemoteHandlerException remote = assertInstanceOf(RemoteHandlerException.class,
                failure(quotes.request(new QuoteRequest("sku-1", 1))));
        assertEquals(UnsupportedOperationException.class.getName(), remote.remoteType());
        assertNull(remote.remoteMessage());
        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.HANDLER).size() == 1);
    }

    @Test
    default void aRequestThatDoesNotDecodeIsAnsweredWithAnErrorAndTheResponderLivesOn() throws Exception {
        RequestChannel<QuoteRequest, Quote> quotes = herald().requests(QUOTE);
        AtomicInteger calls = new AtomicInteger();
        quotes.respond(request -> {
            calls.incrementAndGet();
            return priced(request);
        });
        // the same channel, a request type the responder cannot read
        RequestChannel<String, Quote> wrong = herald().requests("price:quote", PayloadType.of(String.class),
                PayloadType.of(Quote.class));

        RemoteHandlerException remote = assertInstanceOf(RemoteHandlerException.class, failure(wrong.request("sku-1")));
        assertTrue(remote.remoteType().startsWith("com.fasterxml.jackson."), remote.remoteType());
        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.DECODE).size() == 1);
        assertEquals(full("price:quote"), errors().ofKind(HeraldError.Kind.DECODE).get(0).channel());

        // an envelope without id or replyTo answers nobody: reported only
        publishForeign(herald(), full("price:quote"), "{\"payload\":{\"sku\":\"x\",\"quantity\":1}}");
        publishForeign(herald(), full("price:quote"), "not json");
        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.DECODE).size() == 3);

        assertEquals(new Quote("sku-2", new BigDecimal("5.00")), done(quotes.request(new QuoteRequest("sku-2", 2))));
        assertEquals(1, calls.get(), "only the request that decoded reached the responder");
        assertEquals(0, errors().ofKind(HeraldError.Kind.HANDLER).size());
    }

    // ------------------------------------------------------------------ several responders, close

    @Test
    default void withTwoRespondersTheFirstReplyWinsAndTheSecondIsCountedLate() throws Exception {
        RequestChannel<QuoteRequest, Quote> quotes = herald().requests(QUOTE);
        CountDownLatch firstAnswered = new CountDownLatch(1);
        quotes.respond(request -> new Quote("fast", BigDecimal.ONE));
        quotes.respond(request -> {
            assertTrue(firstAnswered.await(WAIT.toSeconds(), TimeUnit.SECONDS));
            return new Quote("slow", BigDecimal.ONE);
        });

        assertEquals(new Quote("fast", BigDecimal.ONE), done(quotes.request(new QuoteRequest("sku-1", 1))));
        firstAnswered.countDown();
        await().atMost(WAIT).until(() -> herald().requestCounts().lateReplies() == 1);
        RequestCounts counts = herald().requestCounts();
        assertEquals(1, counts.answered());
        assertEquals(0, counts.pending());
    }

    @Test
    default void closeFailsEveryPendingRequestAtOnceAndEveryLaterOne() throws Exception {
        Herald own = open(transportBuilder().channelPrefix(prefix()).errorHandler(errors()));
        RequestChannel<QuoteRequest, Quote> quotes = own.requests(QUOTE).withTimeout(Duration.ofMinutes(1));
        quotes.respondAsync(request -> new CompletableFuture<>()); // never replies
        List<CompletionStage<Quote>> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiting.add(quotes.request(new QuoteRequest("sku-" + i, 1)));
        }
        await().atMost(WAIT).until(() -> own.requestCounts().pending() == 3);

        own.close();

        for (CompletionStage<Quote> stage : waiting) {
            Throwable closed = failure(stage);
            assertEquals(HeraldException.class, closed.getClass(), closed.toString());
            assertTrue(closed.getMessage().startsWith("Herald closed"), closed.getMessage());
        }
        assertEquals(0, own.requestCounts().pending());
        assertEquals(HeraldException.class, failure(quotes.request(new QuoteRequest("late", 1))).getClass());
    }

    // ------------------------------------------------------------------ one reply subscription

    @Test
    default void aHeraldSubscribesOneReplyChannelForAllItsRequests() throws Exception {
        RequestChannel<QuoteRequest, Quote> quotes = herald().requests(QUOTE);
        List<CompletableFuture<Quote>> held = new CopyOnWriteArrayList<>();
        quotes.respondAsync(request -> {
            CompletableFuture<Quote> reply = new CompletableFuture<>();
            held.add(reply);
            return reply;
        });
        BlockingQueue<SeenRequest> seen = new LinkedBlockingQueue<>();
        herald().subscribe("price:quote", SeenRequest.class, seen::add);

        int requests = 50;
        List<CompletionStage<Quote>> replies = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            replies.add(quotes.request(new QuoteRequest("sku-" + i, i)));
        }
        await().atMost(WAIT).until(() -> held.size() == requests);

        Set<String> replyTo = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < requests; i++) {
            SeenRequest request = take(seen);
            replyTo.add(request.replyTo());
            ids.add(request.id());
        }
        assertEquals(1, replyTo.size(), "every request names the same reply channel: " + replyTo);
        assertEquals(requests, ids.size(), "a correlation id per request");
        String replies0 = replyTo.iterator().next();
        assertTrue(replies0.startsWith(full("herald:reply:")), replies0);
        assertEquals(1, serverSubscribers(herald(), replies0), "the server counts one subscriber on the reply channel");
        Health health = done(herald().health());
        assertEquals(2, health.expectedChannels(), "the request channel and the reply channel, nothing per request: "
                + health);
        assertEquals(2, health.serverChannels(), health.toString());
        assertEquals(requests, herald().requestCounts().pending());

        for (int i = 0; i < requests; i++) {
            held.get(i).complete(new Quote("q", BigDecimal.valueOf(i)));
        }
        for (CompletionStage<Quote> reply : replies) {
            done(reply);
        }
        assertEquals(2, done(herald().health()).serverChannels());
        assertEquals(0, herald().requestCounts().pending());
    }

    @Test
    default void tenThousandConcurrentRequestsAreAllAnsweredAndLeaveNothingPending() throws Exception {
        int requests = 10_000;
        RequestChannel<QuoteRequest, Quote> quotes = herald().requests(QUOTE).withTimeout(Duration.ofMinutes(2))
                .withOptions(SubscriptionOptions.builder().bufferCapacity(2 * requests).build());
        quotes.respond(RequestReplyContract::priced);

        CompletableFuture<?>[] replies = new CompletableFuture<?>[requests];
        for (int i = 0; i < requests; i++) {
            int quantity = i;
            replies[i] = quotes.request(new QuoteRequest("sku", i)).toCompletableFuture()
                    .thenAccept(quote -> assertEquals(priced(new QuoteRequest("sku", quantity)), quote));
        }
        CompletableFuture.allOf(replies).get(2, TimeUnit.MINUTES);

        RequestCounts counts = herald().requestCounts();
        assertEquals(requests, counts.answered(), counts.toString());
        assertEquals(requests, counts.sent(), counts.toString());
        assertEquals(0, counts.pending(), counts.toString());
        assertEquals(0, counts.lateReplies() + counts.timedOut() + counts.noResponder(), counts.toString());
    }
}
