package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.AsyncResponder;
import dev.herald.ChannelDescriptor;
import dev.herald.ChannelTemplate;
import dev.herald.Herald;
import dev.herald.PayloadType;
import dev.herald.RequestChannel;
import dev.herald.RequestDescriptor;
import dev.herald.RequestTemplate;
import dev.herald.Responder;
import dev.herald.Subscription;
import dev.herald.SubscriptionOptions;
import dev.herald.TemplateResponder;
import dev.herald.it.fixtures.Prices;
import dev.herald.it.fixtures.PricesBinding;
import dev.herald.it.fixtures.PricesPublisher;
import dev.herald.it.fixtures.PricesSubscriber;
import dev.herald.it.fixtures.Quote;
import dev.herald.it.fixtures.QuoteRequest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The code the processor generates for request-reply methods ({@link Prices}), compiled by the real processor
 * with {@code -Xlint:all -Werror}: which runtime calls it makes, with which arguments, and what it hands back.
 * The request-reply runtime is not built yet, so a Herald that records {@code requests(...)} and
 * {@code requestTemplate(...)} stands in for it; everything else goes to a real in-memory Herald.
 */
class RequestReplyGeneratedCodeTest {

    private static final QuoteRequest REQUEST = new QuoteRequest("ACME", 3);
    private static final Quote QUOTE = new Quote("ACME", new BigDecimal("12.50"));
    private static final String QUOTES = "price:{region}:quotes:{depth}";

    private final Herald inMemory = newHerald();

    /** @return the in-memory Herald under test; {@link Jackson3RequestReplyGeneratedCodeTest} gives one with the Jackson 3 codec */
    Herald newHerald() {
        return Herald.inMemory();
    }

    private final List<String> calls = new CopyOnWriteArrayList<>();
    /** What each fake request channel or template handed to the generated code, by channel name. */
    private final Map<String, RecordingRequests> channels = new ConcurrentHashMap<>();
    private final Herald herald = recording(inMemory);

    @AfterEach
    void closeHerald() {
        inMemory.close();
    }

    @Test
    void theBindingDescribesEachRequestReplyChannelWithBothTypes() {
        assertEquals("price:quote", PricesBinding.QUOTE.name());
        assertEquals(PayloadType.of(QuoteRequest.class), PricesBinding.QUOTE.requestType());
        assertEquals(PayloadType.of(Quote.class), PricesBinding.QUOTE.replyType());
        assertEquals(Prices.class, PricesBinding.QUOTE.channel().declaringInterface());
        assertEquals("quote", PricesBinding.QUOTE.channel().methodName());
        assertEquals(QUOTES, PricesBinding.REGIONAL_QUOTES.name());
        assertEquals(new PayloadType<List<Quote>>() { }, PricesBinding.REGIONAL_QUOTES.replyType());
        List<ChannelDescriptor<?>> declared = List.of(PricesBinding.QUOTE.channel(),
                PricesBinding.REGIONAL_QUOTES.channel(), PricesBinding.TICK);
        assertEquals(declared, new PricesBinding().channels());
    }

    @Test
    void thePublisherSendsEachRequestAndReturnsTheStageOfItsReply() {
        PricesPublisher publisher = new PricesPublisher(herald);

        CompletionStage<Quote> quote = publisher.quote(REQUEST);
        CompletionStage<List<Quote>> quotes = publisher.regionalQuotes("eu", 5, REQUEST);

        assertEquals(List.of("requests price:quote", "requestTemplate " + QUOTES,
                "price:quote request " + REQUEST + " []", QUOTES + " request " + REQUEST + " [eu, 5]"), calls);
        assertSame(channels.get("price:quote").lastReply, quote);
        assertSame(channels.get(QUOTES).lastReply, quotes);
    }

    @Test
    void theTimeoutConstructorSetsTheTimeoutOfEveryRequestChannel() {
        new PricesPublisher(herald, Duration.ofMillis(1500));

        assertEquals(List.of("requests price:quote", "price:quote withTimeout PT1.5S",
                "requestTemplate " + QUOTES, QUOTES + " withTimeout PT1.5S"), calls);
    }

    @Test
    void theSubscriberServesEachChannelWithAResponderOrAnAsynchronousOne() throws Exception {
        SubscriptionOptions options = SubscriptionOptions.builder().bufferCapacity(7).build();
        PricesSubscriber subscriber = new PricesSubscriber(herald, options);

        Subscription quote = subscriber.quote(request -> QUOTE);
        Subscription quoteAsync = subscriber.quoteAsync(request -> CompletableFuture.completedFuture(QUOTE));
        Subscription quotes = subscriber.regionalQuotes("eu", 5, request -> List.of(QUOTE));
        subscriber.regionalQuotesAsync("us", 2, request -> CompletableFuture.completedFuture(List.of()));

        // each channel is bound, with the subscriber's options, when a responder subscribes to it
        assertEquals(List.of("requests price:quote", "price:quote withOptions " + options, "price:quote respond []",
                "requests price:quote", "price:quote withOptions " + options, "price:quote respondAsync []",
                "requestTemplate " + QUOTES, QUOTES + " withOptions " + options, QUOTES + " respond [eu, 5]",
                "requestTemplate " + QUOTES, QUOTES + " withOptions " + options, QUOTES + " respondAsync [us, 2]"),
                calls);
        Responder<QuoteRequest, Quote> responder = channels.get("price:quote").responder(0);
        AsyncResponder<QuoteRequest, Quote> asyncResponder = channels.get("price:quote").responder(1);
        assertEquals(QUOTE, responder.respond(REQUEST));
        assertEquals(QUOTE, asyncResponder.respond(REQUEST).toCompletableFuture().join());
        assertTrue(quote.isActive() && quoteAsync.isActive() && quotes.isActive());

        subscriber.unsubscribeAll().toCompletableFuture().get(20, TimeUnit.SECONDS);

        assertFalse(quote.isActive() || quoteAsync.isActive() || quotes.isActive(), "unsubscribeAll ended them");
    }

    @Test
    void listenMakesTheImplementationsReturnValueTheReply() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        Prices implementation = new Prices() {
            @Override
            public CompletionStage<Quote> quote(QuoteRequest request) {
                received.add("quote " + request);
                return CompletableFuture.completedFuture(QUOTE);
            }

            @Override
            public CompletionStage<List<Quote>> regionalQuotes(String region, int depth, QuoteRequest request) {
                received.add("regionalQuotes " + region + " " + depth + " " + request);
                return CompletableFuture.completedFuture(List.of(QUOTE, QUOTE));
            }

            @Override
            public void tick(Quote quote) {
                received.add("tick " + quote);
            }
        };

        Subscription listening = new PricesBinding().listen(herald, implementation);

        assertEquals(List.of("requests price:quote", "price:quote subscribeResponder []",
                "requestTemplate " + QUOTES, QUOTES + " subscribeResponderAll []"), calls);
        AsyncResponder<QuoteRequest, Quote> plain = channels.get("price:quote").responder(0);
        TemplateResponder<QuoteRequest, List<Quote>> template = channels.get(QUOTES).responder(0);
        assertEquals(QUOTE, plain.respond(REQUEST).toCompletableFuture().join());
        assertEquals(List.of(QUOTE, QUOTE), template.respond(ChannelTemplate.of(QUOTES).parse("price:eu:quotes:5"), REQUEST)
                .toCompletableFuture().join());
        assertEquals(List.of("quote " + REQUEST, "regionalQuotes eu 5 " + REQUEST), received);
        listening.unsubscribe().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    /** The generated publisher and subscriber, end to end in memory: plain and template, the implementation's reply. */
    @Test
    void generatedPublisherGetsTheRepliesOfTheGeneratedSubscriberAndOfListen() throws Exception {
        PricesPublisher publisher = new PricesPublisher(inMemory, Duration.ofSeconds(10));
        PricesSubscriber subscriber = new PricesSubscriber(inMemory);
        subscriber.quote(request -> new Quote(request.symbol(), BigDecimal.valueOf(request.quantity())));
        assertEquals(new Quote("ACME", BigDecimal.valueOf(3)),
                publisher.quote(new QuoteRequest("ACME", 3)).toCompletableFuture().get(10, TimeUnit.SECONDS));
        subscriber.unsubscribeAll().toCompletableFuture().get(10, TimeUnit.SECONDS);

        Subscription listening = inMemory.listen(Prices.class, new Prices() {
            @Override
            public CompletionStage<Quote> quote(QuoteRequest request) {
                return CompletableFuture.completedFuture(new Quote("listen", BigDecimal.ONE));
            }

            @Override
            public CompletionStage<List<Quote>> regionalQuotes(String region, int depth, QuoteRequest request) {
                return CompletableFuture.completedFuture(List.of(new Quote(region + ":" + depth, BigDecimal.TEN)));
            }

            @Override
            public void tick(Quote quote) {
            }
        });
        assertEquals(List.of(new Quote("eu:2", BigDecimal.TEN)), publisher.regionalQuotes("eu", 2,
                new QuoteRequest("ACME", 1)).toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertEquals(new Quote("listen", BigDecimal.ONE),
                publisher.quote(new QuoteRequest("ACME", 1)).toCompletableFuture().get(10, TimeUnit.SECONDS));
        listening.close();
    }

    /** A Herald whose request-reply channels record what generated code does with them. */
    private Herald recording(Herald delegate) {
        return (Herald) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Herald.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "requests" -> requests((RequestDescriptor<?, ?>) args[0], "requests");
                    case "requestTemplate" -> requests((RequestDescriptor<?, ?>) args[0], "requestTemplate");
                    case "awaitSubscribed" -> awaitSubscribed((List<?>) args[0]);
                    default -> {
                        try {
                            yield method.invoke(delegate, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                });
    }

    private RecordingRequests requests(RequestDescriptor<?, ?> descriptor, String how) {
        calls.add(how + " " + descriptor.name());
        return channels.computeIfAbsent(descriptor.name(), RecordingRequests::new);
    }

    private static Subscription awaitSubscribed(List<?> stages) throws Exception {
        List<Subscription> made = new ArrayList<>();
        for (Object stage : stages) {
            made.add((Subscription) ((CompletionStage<?>) stage).toCompletableFuture().get(20, TimeUnit.SECONDS));
        }
        return Subscription.all(made);
    }

    /** Both a request channel and a request template: records each call and the responders it is given. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private final class RecordingRequests implements RequestChannel, RequestTemplate {
        private final String name;
        private final List<Object> responders = new CopyOnWriteArrayList<>();
        volatile CompletionStage<Object> lastReply;

        RecordingRequests(String name) {
            this.name = name;
        }

        <T> T responder(int index) {
            return (T) responders.get(index);
        }

        private RecordingRequests record(String call, Object... values) {
            calls.add(name + " " + call + (values == null ? "" : " " + Arrays.toString(values)));
            return this;
        }

        private Subscription serve(String call, Object responder, Object... values) {
            record(call, values);
            responders.add(responder);
            return new FakeSubscription(name);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public ChannelTemplate template() {
            return ChannelTemplate.of(name);
        }

        @Override
        public RecordingRequests withTimeout(Duration timeout) {
            return record("withTimeout " + timeout, (Object[]) null);
        }

        @Override
        public RecordingRequests withOptions(SubscriptionOptions options) {
            return record("withOptions " + options, (Object[]) null);
        }

        @Override
        public CompletionStage request(Object request) {
            return request(request, new Object[0]);
        }

        @Override
        public CompletionStage request(Object request, Object... values) {
            record("request " + request, values);
            lastReply = new CompletableFuture<>();
            return lastReply;
        }

        @Override
        public Subscription respond(Responder responder) {
            return serve("respond", responder);
        }

        @Override
        public Subscription respond(Responder responder, Object... values) {
            return serve("respond", responder, values);
        }

        @Override
        public Subscription respondAsync(AsyncResponder responder) {
            return serve("respondAsync", responder);
        }

        @Override
        public Subscription respondAsync(AsyncResponder responder, Object... values) {
            return serve("respondAsync", responder, values);
        }

        @Override
        public CompletionStage<Subscription> subscribeResponder(AsyncResponder responder) {
            return CompletableFuture.completedFuture(serve("subscribeResponder", responder));
        }

        @Override
        public CompletionStage<Subscription> subscribeResponderAll(TemplateResponder responder) {
            return CompletableFuture.completedFuture(serve("subscribeResponderAll", responder));
        }
    }

    /** Active until ended. */
    private static final class FakeSubscription implements Subscription {
        private final String channel;
        private volatile boolean active = true;

        FakeSubscription(String channel) {
            this.channel = channel;
        }

        @Override
        public String channel() {
            return channel;
        }

        @Override
        public boolean isActive() {
            return active;
        }

        @Override
        public long dropped() {
            return 0;
        }

        @Override
        public int buffered() {
            return 0;
        }

        @Override
        public CompletionStage<Void> unsubscribe() {
            active = false;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            active = false;
        }
    }
}
