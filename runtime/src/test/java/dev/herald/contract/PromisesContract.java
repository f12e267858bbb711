package dev.herald.contract;

import static dev.herald.contract.Waiting.WAIT;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.HeraldError;
import dev.herald.OverflowPolicy;
import dev.herald.PayloadType;
import dev.herald.PublishFailedException;
import dev.herald.ShutdownReport;
import dev.herald.Subscription;
import dev.herald.SubscriptionOptions;
import dev.herald.TemplateChannel;
import dev.herald.TypedChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10, point 5: promises a mutation run found no test checking, on every transport. Each test here fails
 * when the line that keeps its promise is removed.
 */
interface PromisesContract extends ContractPart {

    // ------------------------------------------------------------------ a template's fire-and-forget send

    @Test
    default void aTemplateSendThatFailsIsReportedWithItsConcreteChannel() throws Exception {
        Herald limited = open(transportBuilder().channelPrefix(prefix()).errorHandler(errors()).maxPayloadBytes(64));
        TemplateChannel<String> orders = limited.template("user:{userId}:orders", PayloadType.of(String.class));

        orders.send("x".repeat(100), "u-1");

        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.PUBLISH).size() == 1);
        HeraldError tooBig = errors().ofKind(HeraldError.Kind.PUBLISH).get(0);
        assertEquals(full("user:u-1:orders"), tooBig.channel(), "the concrete channel, not the template");
        assertInstanceOf(PublishFailedException.class, tooBig.cause());
        assertTrue(tooBig.cause().getMessage().contains("maxPayloadBytes"), tooBig.cause().getMessage());

        limited.close();
        orders.send("late", "u-2");

        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.PUBLISH).size() == 2);
        HeraldError closed = errors().ofKind(HeraldError.Kind.PUBLISH).get(1);
        assertEquals(full("user:u-2:orders"), closed.channel());
        assertInstanceOf(PublishFailedException.class, closed.cause());
        assertTrue(closed.cause().getMessage().contains("closed"), closed.cause().getMessage());
    }

    // ------------------------------------------------------------------ FAIL overflow of a channel's only subscription

    @Test
    default void aFailOverflowOfTheChannelsOnlySubscriptionUnsubscribesOnTheServer() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TypedChannel<Integer> alone = herald().channel("alone", PayloadType.of(Integer.class))
                .withOptions(SubscriptionOptions.builder().bufferCapacity(2).overflowPolicy(OverflowPolicy.FAIL).build());
        Subscription s = alone.subscribe(n -> {
            started.countDown();
            release.await();
        });
        assertEquals(1, serverSubscribers(herald(), full("alone")));
        try {
            alone.publish(0);
            assertTrue(started.await(WAIT.toSeconds(), TimeUnit.SECONDS));
            for (int i = 1; i <= 5; i++) {
                alone.publish(i);
            }
            await().atMost(WAIT).until(() -> !s.isActive());
            // the handler is still blocked: the UNSUBSCRIBE does not wait for it
            await().atMost(WAIT).until(() -> serverSubscribers(herald(), full("alone")) == 0);
            assertNothingSubscribed(herald(), "nothing is wanted any more");
        } finally {
            release.countDown();
        }
        await().atMost(WAIT).until(() -> errors().ofKind(HeraldError.Kind.OVERFLOW).size() == 1);
    }

    // ------------------------------------------------------------------ whitespace in patterns

    static Stream<String> patternsWithWhitespace() {
        return Stream.of("a b*", "a\tb*", "a\nb*", "a\rb*", "a\u00a0b*", "a\u2003b*", " a*", "a* ");
    }

    @ParameterizedTest
    @MethodSource("patternsWithWhitespace")
    default void aPatternHoldingWhitespaceIsRefusedNamingItAndNothingIsSubscribed(String pattern) throws Exception {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> herald().psubscribe(pattern, String.class, (c, m) -> { }));
        assertTrue(refused.getMessage().contains("pattern \"" + printable(pattern) + "\""), refused.getMessage());
        assertTrue(refused.getMessage().contains("whitespace"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> herald().punsubscribe(pattern));
        assertNothingSubscribed(herald(), "nothing was subscribed");
    }

    /** How Herald shows a name in a message: control characters as Java escapes. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ concurrent shutdowns

    @Test
    default void twoShutdownsAtOnceBothGetTheFirstCallsReport() throws Exception {
        Herald own = open(transportBuilder().channelPrefix(prefix()).errorHandler(errors()));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        own.subscribe("busy", Integer.class, n -> {
            started.countDown();
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException ignored) {
                    // this handler ignores the interrupt: the report names it as still running
                }
            }
        });
        AtomicInteger seen = new AtomicInteger();
        own.subscribe("busy", Integer.class, n -> seen.incrementAndGet()); // offered each message after the busy one
        try {
            for (int i = 0; i < 4; i++) {
                own.publish("busy", i);
            }
            assertTrue(started.await(WAIT.toSeconds(), TimeUnit.SECONDS));
            await().atMost(WAIT).until(() -> seen.get() == 4); // so the busy subscription holds 3 buffered

            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<ShutdownReport>> reports = List.of(new CompletableFuture<>(), new CompletableFuture<>());
            for (CompletableFuture<ShutdownReport> report : reports) {
                Thread caller = new Thread(() -> {
                    try {
                        go.await();
                        report.complete(own.shutdown(Duration.ofMillis(300)));
                    } catch (Throwable e) {
                        report.completeExceptionally(e);
                    }
                }, "test-shutdown");
                caller.start();
            }
            go.countDown();
            ShutdownReport first = reports.get(0).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            ShutdownReport second = reports.get(1).get(WAIT.toSeconds(), TimeUnit.SECONDS);

            ShutdownReport made = first.stillRunning().isEmpty() ? second : first;
            assertEquals(3, made.unhandled(), made.toString());
            assertTrue(made.handlersInterrupted(), made.toString());
            assertEquals(1, made.stillRunning().size(), made.toString());
            assertTrue(made.stillRunning().get(0).contains(full("busy")), made.toString());
            assertEquals(first.unhandled(), second.unhandled(), first + " vs " + second);
            assertEquals(first.stillRunning(), second.stillRunning(), first + " vs " + second);
            assertEquals(first, second, "both callers get the one report");
            assertEquals(first, own.shutdown(Duration.ofMillis(1)), "and so does a later call");
        } finally {
            release.countDown();
        }
        assertFalse(own.ping().toCompletableFuture().handle((ok, e) -> e == null).get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }
}
