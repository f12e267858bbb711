package dev.herald.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.spring.boot.fixtures.OrderCreated;
import dev.herald.spring.boot.fixtures.OrderEvents;
import dev.herald.testing.RedisCluster;
import dev.herald.testing.RedisClusterExtension;
import dev.herald.testing.RedisSentinel;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension.Dedicated;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Sentinel and Cluster as {@code spring.data.redis.sentinel.*} and {@code spring.data.redis.cluster.*} describe them. */
@ExtendWith(RedisClusterExtension.class)
class RedisTopologiesStarterTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, HeraldAutoConfiguration.class))
            .withUserConfiguration(RedisStarterTest.ListenerConfig.class);

    @Test
    void sentinelFromSpringDataRedis(RedisSentinel sentinel) {
        String nodes = sentinel.sentinels().stream().map(s -> s.host() + ":" + s.port()).collect(Collectors.joining(","));
        runner.withPropertyValues("spring.data.redis.sentinel.master=" + RedisSentinel.MASTER_NAME,
                        "spring.data.redis.sentinel.nodes=" + nodes)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    roundTrip(context.getBean(OrderEvents.class), context.getBean(RedisStarterTest.Listener.class));
                    RedisServer master = sentinel.master();
                    assertThat(master.numsub("order:paid")).isEqualTo(1);
                });
    }

    /**
     * What needs Lettuce 7: Herald follows a Sentinel failover by moving its connections to the new master (through
     * {@code io.lettuce.core.Delegating}, which Lettuce 6.8 does not have).
     */
    @Test
    void aSentinelFailoverIsFollowed(@Dedicated RedisSentinel sentinel) {
        String nodes = sentinel.sentinels().stream().map(s -> s.host() + ":" + s.port()).collect(Collectors.joining(","));
        runner.withPropertyValues("spring.data.redis.sentinel.master=" + RedisSentinel.MASTER_NAME,
                        "spring.data.redis.sentinel.nodes=" + nodes)
                .run(context -> {
                    OrderEvents events = context.getBean(OrderEvents.class);
                    RedisStarterTest.Listener listener = context.getBean(RedisStarterTest.Listener.class);
                    roundTrip(events, listener);
                    RedisServer oldMaster = sentinel.master();
                    RedisServer newMaster = sentinel.failoverAgreed();
                    // before the Sentinels demote the old master (about 10 s after they agree), which would
                    // close its clients and move anyone: Herald moves by itself, in about a second
                    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                        assertThat(newMaster.numsub("order:paid")).isEqualTo(1);
                        assertThat(oldMaster.numsub("order:paid")).isZero();
                    });
                    AtomicInteger attempt = new AtomicInteger();
                    await().atMost(WAIT).untilAsserted(() -> {
                        String id = "after-" + attempt.incrementAndGet();
                        events.orderPaid(new OrderCreated(id, 1)).toCompletableFuture().get(2, TimeUnit.SECONDS);
                        await().atMost(Duration.ofSeconds(2)).until(() -> listener.received.contains("paid " + id + " 1"));
                    });
                });
    }

    @Test
    void clusterFromSpringDataRedis(RedisCluster cluster) {
        String nodes = cluster.masters().stream().map(n -> n.host() + ":" + n.port()).collect(Collectors.joining(","));
        runner.withPropertyValues("spring.data.redis.cluster.nodes=" + nodes)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    roundTrip(context.getBean(OrderEvents.class), context.getBean(RedisStarterTest.Listener.class));
                    // sharded pub/sub: the channel's subscriber sits on the master that owns its slot
                    RedisServer owner = cluster.nodeOwning(RedisCluster.slotOf("order:paid"));
                    assertThat(cluster.shardNumSub(owner, "order:paid")).isEqualTo(1);
                });
    }

    private static void roundTrip(OrderEvents events, RedisStarterTest.Listener listener) throws Exception {
        events.orderPaid(new OrderCreated("o-9", 9)).toCompletableFuture().get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).untilAsserted(() -> assertThat(listener.received).contains("paid o-9 9"));
    }
}
