package dev.herald.sentinel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.Herald;
import dev.herald.PayloadType;
import dev.herald.testing.RedisClusterExtension;
import dev.herald.testing.RedisSentinel;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension.Dedicated;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Herald through {@code redis-sentinel://} URIs against a real master, replica and three Sentinels: a round trip,
 * and a subscription surviving {@code SENTINEL FAILOVER} and {@code kill -9} of the master with a publisher sending
 * every 10 ms throughout.
 */
@ExtendWith(RedisClusterExtension.class)
class RedisSentinelTest {

    private static final Logger LOG = LoggerFactory.getLogger(RedisSentinelTest.class);
    /**
     * How soon after {@code SENTINEL FAILOVER} the subscription receives again: the Sentinels switch the master
     * after about 1 s, Herald hears {@code +switch-master} and reconnects both connections (about 0.1 s); room for
     * a loaded 2-core machine. Without the switch, the connections stayed on the old master about 11 s.
     */
    private static final Duration FAILOVER_BOUND = Duration.ofSeconds(5);
    /**
     * How soon after {@code kill -9} of the master: 1 s until the Sentinels take it as down, their election and
     * promotion, then Lettuce's next reconnect attempt (its back-off doubles, so up to about as long again).
     */
    private static final Duration KILL_BOUND = Duration.ofSeconds(15);

    record Greeting(String text) {
    }

    @Test
    void aRoundTripThroughTheSentinels(RedisSentinel setup) throws Exception {
        try (Herald herald = Herald.connect(setup.sentinelUri())) {
            CompletableFuture<Greeting> received = new CompletableFuture<>();
            var channel = herald.channel("sentinel:hello", PayloadType.of(Greeting.class));
            channel.subscribe(received::complete);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> setup.master().numsub("sentinel:hello") == 1);
            assertEquals(1L, channel.publish(new Greeting("hi")).toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertEquals(new Greeting("hi"), received.get(10, TimeUnit.SECONDS));
            assertEquals(0, setup.replica().numsub("sentinel:hello"));
        }
    }

    @Test
    void sentinelFailoverMovesBothConnectionsToTheNewMaster(@Dedicated RedisSentinel setup) {
        try (SentinelProbe probe = new SentinelProbe(setup)) {
            RedisServer oldMaster = setup.master();
            long since = System.nanoTime();
            RedisServer newMaster = setup.failoverAgreed();
            Duration recovery = probe.awaitDeliveryAfter(since, FAILOVER_BOUND);
            LOG.info("SENTINEL FAILOVER: received again {} ms after it began", recovery.toMillis());
            // the old master still says role:master here: Herald left it before the Sentinels demoted it
            assertEquals("master", RedisSentinel.role(oldMaster));
            probe.assertSubscribedOnlyOn(newMaster);
            probe.assertNoLossFromNowOn();
            probe.assertHealthy();
            assertEquals(List.of("disconnected", "reconnected", "resubscribed 1/0"), probe.events);

            // the demotion closes the old master's clients: none of Herald's are there any more
            setup.awaitDemoted(oldMaster);
            probe.assertNoLossFromNowOn();
            probe.assertSubscribedOnlyOn(newMaster);
            probe.assertNoDuplicates();
            assertEquals(List.of("disconnected", "reconnected", "resubscribed 1/0"), probe.events);
        }
    }

    @Test
    void killingTheMasterMovesToThePromotedReplica(@Dedicated RedisSentinel setup) {
        try (SentinelProbe probe = new SentinelProbe(setup)) {
            RedisServer oldMaster = setup.master();
            RedisServer replica = setup.replica();
            long since = System.nanoTime();
            oldMaster.kill();
            Duration recovery = probe.awaitDeliveryAfter(since, KILL_BOUND);
            setup.awaitMaster(replica);
            LOG.info("kill -9 of the master: received again {} ms after it", recovery.toMillis());
            probe.assertSubscribedOnlyOn(replica);
            probe.assertNoLossFromNowOn();
            probe.assertNoDuplicates();
            probe.assertHealthy();
            assertEquals(List.of("disconnected", "reconnected", "resubscribed 1/0"), probe.events);
        }
    }
}
