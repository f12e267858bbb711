package dev.herald.sentinel;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.Herald;
import dev.herald.testing.ChannelProbe;
import dev.herald.testing.RedisSentinel;
import dev.herald.testing.RedisServer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One channel under watch for the Sentinel failover tests: a Herald connected through the Sentinel URI and
 * subscribed to it, a second one publishing a numbered message every 10 ms throughout, each message's deliveries
 * counted, and what the {@link dev.herald.ConnectionListener} heard.
 */
final class SentinelProbe extends ChannelProbe {

    final RedisSentinel setup;

    SentinelProbe(RedisSentinel setup) {
        super("sentinel:" + UUID.randomUUID(),
                listener -> Herald.builder().redis(setup.sentinelUri()).connectionListener(listener).build(),
                () -> Herald.connect(setup.sentinelUri()));
        this.setup = setup;
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.size() >= 5);
    }

    /**
     * Waits until a message published from now on arrives, then checks that every message published since
     * arrived, each once: no loss once both connections are on the new master.
     */
    void assertNoLossFromNowOn() {
        long from = nextId.get();
        long until = from + 50;
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.keySet().stream().anyMatch(id -> id >= until));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (long id = from; id < until; id++) {
                AtomicInteger count = deliveries.get(id);
                assertEquals(1, count == null ? 0 : count.get(), "deliveries of message " + id);
            }
        });
    }

    /** Waits until the master has the one subscriber and every other running server none. */
    void assertSubscribedOnlyOn(RedisServer master) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            for (RedisServer server : setup.servers()) {
                if (server.isRunning()) {
                    assertEquals(server.equals(master) ? 1 : 0, server.numsub(channel), "NUMSUB on " + server);
                }
            }
        });
    }

    /** Waits until {@code health()} says healthy with the one channel held once. */
    void assertHealthy() {
        awaitHealthy(1, Duration.ofSeconds(10));
    }
}
