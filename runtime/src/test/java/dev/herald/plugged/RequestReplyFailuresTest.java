package dev.herald.plugged;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.HeraldException;
import dev.herald.PayloadType;
import dev.herald.PublishFailedException;
import dev.herald.RequestChannel;
import dev.herald.RequestTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Request-reply when the server refuses or never acknowledges the reply channel's SUBSCRIBE, or a request cannot
 * be published; played by a transport defined here, since the in-memory one always acknowledges and delivers.
 */
class RequestReplyFailuresTest {

    private static final Duration WAIT = Duration.ofSeconds(Long.getLong("herald.test.waitSeconds", 20));

    private final ScriptedTransport transport = new ScriptedTransport();
    private final Herald herald = Herald.builder().transport(transport).channelPrefix("app:").build();
    private final AtomicInteger answered = new AtomicInteger();
    private final RequestChannel<String, String> echo = herald.requests("echo", PayloadType.of(String.class),
            PayloadType.of(String.class));

    @AfterEach
    void close() {
        herald.close();
    }

    private void respond() {
        echo.respond(text -> {
            answered.incrementAndGet();
            return text;
        });
    }

    private static Throwable failureOf(CompletionStage<?> stage) {
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        return failed.getCause();
    }

    private List<String> replySubscribes() {
        return transport.commands.stream().filter(c -> c.startsWith("SUBSCRIBE app:herald:reply:")).toList();
    }

    @Test
    void aRefusedReplySubscriptionFailsTheWaitingRequestsAndTheNextRequestTriesAgain() throws Exception {
        respond();
        transport.refuseSubscribes = true;
        CompletionStage<String> first = echo.request("a");
        CompletionStage<String> second = echo.request("b");

        for (CompletionStage<String> refused : List.of(first, second)) {
            Throwable failure = failureOf(refused);
            assertEquals(HeraldException.class, failure.getClass());
            assertTrue(failure.getMessage().contains("the reply channel 'app:herald:reply:"), failure.getMessage());
            assertInstanceOf(HeraldException.class, failure.getCause(), "the refusal: " + failure.getCause());
        }
        assertEquals(0, answered.get(), "nothing was published without a reply channel");
        assertEquals(0, herald.requestCounts().pending());

        // the two requests share the refused attempt, or (when the refusal came before "b" asked) "b" tried again
        int refusedAttempts = replySubscribes().size();
        assertTrue(refusedAttempts == 1 || refusedAttempts == 2, transport.commands.toString());
        transport.refuseSubscribes = false;
        assertEquals("c", echo.request("c").toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(refusedAttempts + 1, replySubscribes().size(), "the next request tried again, once: "
                + transport.commands);
    }

    @Test
    void noRequestIsPublishedBeforeTheReplySubscriptionIsAcknowledged() throws Exception {
        respond();
        transport.neverAcknowledge = true;

        RequestTimeoutException timedOut = assertInstanceOf(RequestTimeoutException.class,
                failureOf(echo.withTimeout(Duration.ofMillis(300)).request("a")));
        assertEquals("app:echo", timedOut.channel());
        assertEquals(0, answered.get(), "the request waited for the acknowledgement that never came");
        assertEquals(1, replySubscribes().size());
    }

    @Test
    void aRequestThatCannotBePublishedFailsWithThePublishFailure() throws Exception {
        respond();
        assertEquals("warm", echo.request("warm").toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        PublishFailedException down = new PublishFailedException("server unreachable");
        transport.failPublishes = down;

        assertSame(down, failureOf(echo.withTimeout(Duration.ofMinutes(1)).request("a")));
        assertEquals(0, herald.requestCounts().pending());
    }

    @Test
    void closeStopsTheTimerThread() throws Exception {
        respond();
        Set<Thread> before = timerThreads();
        assertEquals("a", echo.request("a").toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        Set<Thread> started = timerThreads();
        started.removeAll(before);
        assertEquals(1, started.size(), "the timer thread started with the first request: " + started);

        herald.close();
        Thread timer = started.iterator().next();
        await().atMost(WAIT).until(() -> !timer.isAlive());
    }

    private static Set<Thread> timerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().matches("herald-\\d+-requests"))
                .collect(Collectors.toCollection(HashSet::new));
    }
}
