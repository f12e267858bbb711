package dev.herald.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.spring.boot.fixtures.OrderCreated;
import dev.herald.spring.boot.fixtures.OrderEvents;
import dev.herald.testing.RedisCluster;
import dev.herald.testing.RedisClusterExtension;
import dev.herald.testing.RedisSentinel;
import dev.herald.testing.RedisServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
