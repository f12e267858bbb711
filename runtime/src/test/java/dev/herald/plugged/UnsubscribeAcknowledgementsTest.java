package dev.herald.plugged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.ShutdownReport;
import dev.herald.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What an unsubscribe waits for when the server is slow to acknowledge UNSUBSCRIBE: the stage of every way to end
 * a subscription completes with that acknowledgement, and shutdown waits for it no longer than its deadline.
 * Played by a transport defined here, since the in-memory one acknowledges at once.
 */
class UnsubscribeAcknowledgementsTest {

    private static final Duration WAIT = Duration.ofSeconds(Long.getLong("herald.test.waitSeconds", 20));

    private final ScriptedTransport transport = new ScriptedTransport();
    private final Herald herald = Herald.builder().transport(transport).channelPrefix("app:").build();
    private final CompletableFuture<Void> acks = new CompletableFuture<>();

    @AfterEach
    void close() {
        acks.complete(null);
        herald.close();
    }

    private static <T> T done(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static boolean isDone(CompletionStage<?> stage) {
        return stage.toCompletableFuture().isDone();
    }

    @Test
    void aSecondUnsubscribeWaitsForTheUnsubscribeTheFirstSent() throws Exception {
        Subscription orders = herald.subscribe("orders", String.class, m -> { });
        transport.unsubscribeAcks = acks;

        CompletionStage<Void> first = orders.unsubscribe();
        CompletionStage<Void> second = orders.unsubscribe();

        assertFalse(orders.isActive());
        assertFalse(isDone(first), "the server has not acknowledged UNSUBSCRIBE");
        assertFalse(isDone(second), "a second unsubscribe waits for the same UNSUBSCRIBE");
        assertEquals(List.of("SUBSCRIBE app:orders", "UNSUBSCRIBE app:orders"), transport.commands, "sent once");
        acks.complete(null);
        assertNull(done(second));
        assertNull(done(first));
    }

    @Test
    void afterHeraldUnsubscribedAChannelItsSubscriptionsWaitForTheUnsubscribeToo() throws Exception {
        Subscription a = herald.subscribe("orders", String.class, m -> { });
        Subscription b = herald.subscribe("orders", String.class, m -> { });
        transport.unsubscribeAcks = acks;

        CompletionStage<Void> all = herald.unsubscribe("orders");
        assertFalse(a.isActive());
        assertFalse(b.isActive());
        CompletionStage<Void> again = a.unsubscribe();

        assertFalse(isDone(all));
        assertFalse(isDone(again), "the subscription's own unsubscribe waits for the channel's UNSUBSCRIBE");
        acks.complete(null);
        assertNull(done(again));
        assertNull(done(b.unsubscribe()));
        assertNull(done(all));
        assertEquals(List.of("SUBSCRIBE app:orders", "UNSUBSCRIBE app:orders"), transport.commands);
    }

    @Test
    void shutdownWaitsForAnUnsubscribeNeverAcknowledgedOnlyUntilItsDeadline() {
        herald.subscribe("orders", String.class, m -> { });
        herald.psubscribe("orders:*", String.class, (channel, m) -> { });
        transport.unsubscribeAcks = new CompletableFuture<>(); // never acknowledged

        ShutdownReport report = assertTimeoutPreemptively(WAIT, () -> herald.shutdown(Duration.ofMillis(200)),
                "shutdown must give up on the UNSUBSCRIBE at its deadline");

        assertEquals(0, report.unhandled());
        assertTrue(transport.closed, "the transport closes all the same");
        assertTrue(transport.commands.containsAll(List.of("UNSUBSCRIBE app:orders", "PUNSUBSCRIBE app:orders:*")),
                transport.commands.toString());
    }
}
