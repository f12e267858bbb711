package dev.herald.plugged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Health;
import dev.herald.Herald;
import dev.herald.spi.TransportHealth;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code health()} holds what this Herald wants against what the transport's server reports. */
class HealthCheckTest {

    private final ScriptedTransport transport = new ScriptedTransport();
    private final Herald herald = Herald.builder().transport(transport).channelPrefix("app:").build();

    @AfterEach
    void close() {
        herald.close();
    }

    private Health health() throws Exception {
        return herald.health().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void aChannelTheServerCountsNoSubscriberOnIsNotSubscribed() throws Exception {
        herald.subscribe("a", String.class, m -> { });
        herald.subscribe("b", String.class, m -> { });
        herald.psubscribe("x:*", String.class, (c, m) -> { });
        transport.health = channels -> new TransportHealth(true, 2, 1, Map.of("app:a", 1L, "app:b", 0L));
        Health health = health();
        assertEquals(Map.of("app:a", true, "app:b", false), health.channels());
        assertEquals(2, health.expectedChannels());
        assertEquals(2, health.serverChannels());
        assertEquals(1, health.expectedPatterns());
        assertEquals(1, health.serverPatterns());
        assertFalse(health.healthy(), "a channel without subscriber on the server");
    }

    @Test
    void aChannelTheServerDoesNotMentionIsNotSubscribed() throws Exception {
        herald.subscribe("a", String.class, m -> { });
        transport.health = channels -> new TransportHealth(true, 1, 0, Map.of());
        assertEquals(Map.of("app:a", false), health().channels());
    }

    @Test
    void healthyWhenTheServerAgreesOnEverything() throws Exception {
        herald.subscribe("a", String.class, m -> { });
        transport.health = channels -> new TransportHealth(true, 1, 0, Map.of("app:a", 2L));
        Health health = health();
        assertEquals(Map.of("app:a", true), health.channels());
        assertTrue(health.healthy());
    }

    @Test
    void healthyNeedsEveryPart() {
        Map<String, Boolean> ok = Map.of("a", true);
        assertTrue(new Health(true, ok, 1, 1, 1, 1, 0, Duration.ZERO).healthy());
        assertFalse(new Health(false, ok, 1, 1, 1, 1, 0, Duration.ZERO).healthy(), "disconnected");
        assertFalse(new Health(true, ok, 1, 2, 1, 1, 0, Duration.ZERO).healthy(), "channels differ");
        assertFalse(new Health(true, ok, 1, 1, 0, 1, 0, Duration.ZERO).healthy(), "patterns differ");
        assertFalse(new Health(true, Map.of("a", false), 1, 1, 1, 1, 0, Duration.ZERO).healthy(), "a channel missing");
    }

    @Test
    void aDisconnectedServerIsReported() throws Exception {
        transport.health = channels -> new TransportHealth(false, 0, 0, Map.of());
        Health health = health();
        assertFalse(health.connected());
        assertEquals(List.of(), List.copyOf(health.channels().keySet()));
    }
}
