package dev.herald.contract;

import static dev.herald.contract.Waiting.WAIT;
import static dev.herald.contract.Waiting.done;
import static dev.herald.contract.Waiting.take;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.ChannelDescriptor;
import dev.herald.ChannelValues;
import dev.herald.DeadLetter;
import dev.herald.Herald;
import dev.herald.HeraldError;
import dev.herald.PatternHandler;
import dev.herald.PayloadType;
import dev.herald.Subscription;
import dev.herald.SubscriptionOptions;
import dev.herald.TemplateChannel;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Patterns, templates and channel prefixes. */
interface PatternContract extends ContractPart {

    // ------------------------------------------------------------------ untyped patterns

    @Test
    default void psubscribeReceivesEveryMatchingChannelWithItsNameWithoutPrefix() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        herald().psubscribe("user:*:events", Order.class, (channel, order) -> received.add(channel + " " + order.orderId()));

        herald().publish("user:42:events", Order.sample(1));
        herald().publish("user:7:profile", Order.sample(2));
        herald().publish("user:7:events", Order.sample(3));

        assertEquals("user:42:events o-1", take(received));
        assertEquals("user:7:events o-3", take(received));
    }

    @Test
    default void patternSubscriptionsShareOnePsubscribeAndTheLastSendsPunsubscribe() throws Exception {
        String channel = full("room:1:messages");
        Subscription a = herald().psubscribe("room:*:messages", String.class, (c, m) -> { });
        PatternHandler<String> second = (c, m) -> { };
        herald().psubscribe("room:*:messages", String.class, second);
        assertEquals(1, publishForeign(herald(), channel, "\"x\""), "two subscriptions, one PSUBSCRIBE");

        a.unsubscribe().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(1, publishForeign(herald(), channel, "\"x\""));

        herald().punsubscribe("room:*:messages", second).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(0, publishForeign(herald(), channel, "\"x\""), "the last one sent PUNSUBSCRIBE");
    }

    @Test
    default void punsubscribeEndsEveryHandlerOfThePattern() throws Exception {
        Subscription a = herald().psubscribe("room:*", String.class, (c, m) -> { });
        Subscription b = herald().psubscribe("room:*", String.class, (c, m) -> { });
        herald().punsubscribe("room:*").toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertFalse(a.isActive() || b.isActive());
        assertEquals(0, publishForeign(herald(), full("room:1"), "\"x\""));
    }

    @Test
    default void aChannelAndAMatchingPatternEachReceive() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        herald().subscribe("feed:global", String.class, m -> received.add("channel " + m));
        herald().psubscribe("feed:*", String.class, (c, m) -> received.add("pattern " + m));

        assertEquals(2, herald().publish("feed:global", "hi").toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS),
                "Redis counts the channel subscriber and the pattern subscriber");
        List<String> both = List.of(take(received), take(received));
        assertTrue(both.containsAll(List.of("channel hi", "pattern hi")), both.toString());
    }

    // ------------------------------------------------------------------ templates

    @Test
    default void templateConcreteSubscriptionGetsOnlyItsChannel() throws Exception {
        TemplateChannel<Order> events = herald().template("tenant:{tenantId}:user:{userId}:events", PayloadType.of(Order.class));
        BlockingQueue<Order> received = new LinkedBlockingQueue<>();
        Subscription s = events.subscribe(received::add, "acme", "u-1");
        assertEquals(full("tenant:acme:user:u-1:events"), s.channel());

        events.publish(Order.sample(1), "acme", "u-2");
        events.publish(Order.sample(2), "other", "u-1");
        events.publish(Order.sample(3), "acme", "u-1");

        assertEquals(Order.sample(3), take(received));
    }

    @Test
    default void templateSubscribeAllHandsOverTheValuesOfEachChannel() throws Exception {
        TemplateChannel<Order> events = herald().template("tenant:{tenantId}:user:{userId}:events", PayloadType.of(Order.class));
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        Subscription s = events.subscribeAll((values, order) ->
                received.add(values.string(0) + "/" + values.string(1) + " " + order.orderId()));
        assertEquals(full("tenant:*:user:*:events"), s.channel(), "one PSUBSCRIBE for the whole template, prefixed");

        events.publish(Order.sample(1), "acme", "u-1");
        events.publish(Order.sample(2), "globex", "u-9");

        assertEquals("acme/u-1 o-1", take(received));
        assertEquals("globex/u-9 o-2", take(received));
    }

    @Test
    default void aTemplateFromADescriptorTakesOptionsAndSubscribesToAllItsChannelsAsynchronously() throws Exception {
        TemplateChannel<Order> userOrders = herald().template(
                ChannelDescriptor.of("user:{userId}:orders", PayloadType.of(Order.class), BasicsContract.OrderEvents.class, "created"));
        assertEquals("user:{userId}:orders", userOrders.template().template());
        assertTrue(userOrders.toString().startsWith("TemplateChannel[user:{userId}:orders, "), userOrders.toString());
        TemplateChannel<Order> small = userOrders.withOptions(SubscriptionOptions.builder().bufferCapacity(4).build());
        assertEquals("user:{userId}:orders", small.template().template());
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        Subscription all = done(small.subscribeAllAsync((values, order) -> received.add(values.string(0) + " " + order.orderId())));
        assertEquals(full("user:*:orders"), all.channel());

        small.publish(Order.sample(1), "u-1");
        assertEquals("u-1 o-1", take(received));
    }

    @Test
    default void aChannelThatDoesNotParseBackIsReportedAndTheSubscriptionLivesOn() throws Exception {
        TemplateChannel<String> counters = herald().template("counter:{id}:value", PayloadType.of(String.class));
        BlockingQueue<Integer> received = new LinkedBlockingQueue<>();
        counters.subscribeAll((ChannelValues values, String value) -> received.add(values.asInt(0)));

        publishForeign(herald(), full("counter:a:b:value"), "\"extra segment\"");   // matches the glob, not the template
        counters.publish("not a number", "x");
        counters.publish("fine", "7");

        assertEquals(7, take(received));
        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.DECODE).size() == 2);
        List<String> messages = errors().ofKind(HeraldError.Kind.DECODE).stream().map(e -> e.cause().getMessage()).toList();
        assertTrue(messages.get(0).contains("counter:a:b:value"), messages.toString());
        assertTrue(messages.get(1).contains("{id}") && messages.get(1).contains("\"x\""), messages.toString());
        // neither can be handled as declared: both are dead letters of the template
        List<DeadLetter> letters = await().atMost(WAIT).until(
                () -> done(herald().deadLetters().read("counter:{id}:value", 10)), l -> l.size() == 2);
        assertEquals(java.util.Set.of(full("counter:a:b:value"), full("counter:x:value")),
                letters.stream().map(DeadLetter::channel).collect(java.util.stream.Collectors.toSet()));
        assertTrue(letters.stream().allMatch(l -> l.attempts() == 0), letters.toString());
    }

    // ------------------------------------------------------------------ values that would change a channel's meaning

    static Stream<String> unsafeValues() {
        return Stream.of("", "*", "a*", "?", "[", "]", "a[b]", ":", "b:x", " ", "a b", "\t", "\n", "\r", "\u0000", "\u007f",
                "\u00a0", "\u2003",
                // no UTF-8 form: both would go on the wire as "victim?", one tenant's channel reaching the other's
                "victim\ud800", "victim\udfff", "\udfff\ud800", "\ud800",
                // what a channel name that is not valid UTF-8 reads as
                "\ufffd", "victim\ufffd");
    }

    @ParameterizedTest
    @MethodSource("unsafeValues")
    default void unsafeTemplateValuesAreRejectedBeforeAnythingIsSent(String value) throws Exception {
        TemplateChannel<String> tenant = herald().template("tenant:{tenantId}:events", PayloadType.of(String.class));

        IllegalArgumentException publish = assertThrows(IllegalArgumentException.class, () -> tenant.publish("x", value));
        assertTrue(publish.getMessage().contains("tenantId") && publish.getMessage().contains("tenant:{tenantId}:events"),
                publish.getMessage());
        IllegalArgumentException send = assertThrows(IllegalArgumentException.class, () -> tenant.send("x", value));
        assertTrue(send.getMessage().contains("tenantId"), send.getMessage());
        IllegalArgumentException subscribe = assertThrows(IllegalArgumentException.class,
                () -> tenant.subscribe(m -> { }, value));
        assertTrue(subscribe.getMessage().contains("tenantId"), subscribe.getMessage());
        assertNothingSubscribed(herald(), "nothing was subscribed");
    }

    @ParameterizedTest
    @MethodSource("unsafeValues")
    default void theUntypedApiRejectsChannelNamesThatWouldChangeTheirMeaning(String value) throws Exception {
        String channel = "tenant:" + value + ":events";
        if (value.equals("b:x")) {
            // ':' separates segments of a plain channel name: allowed there, so this one is two segments
            Subscription subscription = herald().subscribe(channel, String.class, m -> { });
            assertEquals(full(channel), subscription.channel());
            assertEquals(1, serverSubscribers(herald(), full(channel)));
            assertEquals(1, publishForeign(herald(), full(channel), "\"x\""));
        } else {
            if (value.equals(":")) {
                // "tenant:::events": the ':' is allowed, the empty segments it makes are not
                IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                        () -> herald().subscribe(channel, String.class, m -> { }));
                assertTrue(empty.getMessage().contains("empty segment"), empty.getMessage());
            }
            assertThrows(IllegalArgumentException.class, () -> herald().publish(channel, "x"));
            assertThrows(IllegalArgumentException.class, () -> herald().subscribe(channel, String.class, m -> { }));
            assertNothingSubscribed(herald(), "nothing was subscribed");
        }
    }

    @Test
    default void valuesWithUnpairedSurrogatesAreRefusedButAPairIsOneCharacter() throws Exception {
        TemplateChannel<String> tenant = herald().template("tenant:{tenantId}:events", PayloadType.of(String.class));
        IllegalArgumentException high = assertThrows(IllegalArgumentException.class, () -> tenant.publish("x", "victim\ud800"));
        assertTrue(high.getMessage().contains("tenantId") && high.getMessage().contains("U+D800"), high.getMessage());
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class, () -> tenant.publish("x", "victim\udfff"));
        assertTrue(low.getMessage().contains("tenantId") && low.getMessage().contains("U+DFFF"), low.getMessage());

        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        tenant.subscribeAll((values, m) -> received.add(values.string(0) + " " + m));
        tenant.publish("emoji", "victim\ud83d\ude00").toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals("victim\ud83d\ude00 emoji", take(received));
    }

    /**
     * Another client may publish on a channel that matches a template's pattern with a value no Herald publisher
     * could send; the pattern subscription reports it (DECODE) instead of handing it to the handler, and lives on.
     */
    @Test
    default void foreignChannelsWithValuesNoPublisherCouldSendAreReportedNotDelivered() throws Exception {
        TemplateChannel<String> tenant = herald().template("tenant:{tenantId}:events", PayloadType.of(String.class));
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        Subscription any = tenant.subscribeAll((values, m) -> received.add(values.string(0) + " " + m));
        List<String> foreign = List.of("a b", "*", "a\u0001b", "\ufffd", "x\ufffdy", "[ab]", "\u2003");
        for (String value : foreign) {
            publishForeign(herald(), full("tenant:" + value + ":events"), "\"foreign\"");
        }
        tenant.publish("own", "acme").toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertEquals("acme own", take(received), "the foreign channels were not delivered; the subscription lives on");
        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.DECODE).size() == foreign.size());
        for (HeraldError error : errors().ofKind(HeraldError.Kind.DECODE)) {
            assertTrue(error.cause().getMessage().contains("{tenantId}"), error.cause().getMessage());
            assertTrue(error.channel().startsWith(full("tenant:")), error.channel());
        }
        assertTrue(received.isEmpty(), received.toString());
        assertTrue(any.isActive());
    }

    // ------------------------------------------------------------------ channel prefixes

    static Stream<String> unsafePrefixes() {
        return Stream.of("env?:", "env*:", "[env]:", "env[12]:", "env\\:", "env 1:", "env\t:", "env\u0000:", "env\u00a0:",
                "env\ud800:");
    }

    @ParameterizedTest
    @MethodSource("unsafePrefixes")
    default void aPrefixThatWouldMeanSomethingElseInAPatternIsRefused(String unsafe) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> transportBuilder().channelPrefix(unsafe));
        assertTrue(refused.getMessage().contains("channelPrefix"), refused.getMessage());
        assertTrue(refused.getMessage().contains(" holds "), refused.getMessage());
    }

    @Test
    default void aRefusedPrefixNamesItsCharacter() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> transportBuilder().channelPrefix("env?:"));
        assertTrue(refused.getMessage().contains("'?'"), refused.getMessage());
    }

    @Test
    default void aPrefixedPatternSubscriptionReceivesItsOwnMessagesAndNeverAnotherPrefixs() throws Exception {
        Herald env1 = open(transportBuilder().channelPrefix(prefix() + "env1:").errorHandler(errors()));
        Herald env2 = open(transportBuilder().channelPrefix(prefix() + "env2:").errorHandler(errors()));
        BlockingQueue<String> one = new LinkedBlockingQueue<>();
        BlockingQueue<String> two = new LinkedBlockingQueue<>();
        env1.psubscribe("orders:*", String.class, (c, m) -> one.add(c + " " + m));
        env2.psubscribe("orders:*", String.class, (c, m) -> two.add(c + " " + m));
        TemplateChannel<String> orders1 = env1.template("orders:{id}", PayloadType.of(String.class));
        TemplateChannel<String> orders2 = env2.template("orders:{id}", PayloadType.of(String.class));
        BlockingQueue<String> any1 = new LinkedBlockingQueue<>();
        orders1.subscribeAll((values, m) -> any1.add(values.string(0) + " " + m));

        done(env2.publish("orders:2", "from env2"));
        done(orders2.publish("from env2 too", "3"));
        done(env1.publish("orders:1", "from env1"));
        done(orders1.publish("from env1 too", "4"));

        assertEquals("orders:1 from env1", take(one), "env1's pattern sees its own message first: env2's never came");
        assertEquals("orders:4 from env1 too", take(one));
        assertEquals("1 from env1", take(any1));
        assertEquals("4 from env1 too", take(any1));
        assertEquals("orders:2 from env2", take(two));
        assertEquals("orders:3 from env2 too", take(two));
        assertTrue(one.isEmpty() && two.isEmpty() && any1.isEmpty(), one + " " + two + " " + any1);
    }

    @Test
    default void templateValuesOfEveryPlaceholderTypeResolve() {
        TemplateChannel<String> t = herald().template("a:{s}:{i}:{e}:{u}", PayloadType.of(String.class));
        assertEquals("a:x:-3:DROP_OLDEST:123e4567-e89b-12d3-a456-426614174000",
                t.template().resolve("x", -3, dev.herald.OverflowPolicy.DROP_OLDEST,
                        java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000")));
    }
}
