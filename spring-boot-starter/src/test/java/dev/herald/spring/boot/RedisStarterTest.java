package dev.herald.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.ConnectionListener;
import dev.herald.Herald;
import dev.herald.spring.boot.fixtures.OrderCreated;
import dev.herald.spring.boot.fixtures.OrderEvents;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import dev.herald.testing.RedisServerExtension.Dedicated;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The starter against a real redis-server, configured the way a Boot application configures Redis. */
@ExtendWith(RedisServerExtension.class)
class RedisStarterTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, HeraldAutoConfiguration.class));

    @Test
    void springDataRedisUrlIsWhereHeraldConnects(RedisServer redis) {
        try (RawRedis raw = new RawRedis(redis.uri()).subscribe("order:created")) {
            runner.withPropertyValues("spring.data.redis.url=" + redis.uri())
                    .withUserConfiguration(ListenerConfig.class)
                    .run(context -> {
                        // the exact JSON of the payload, nothing around it, as any other Redis client sees it
                        context.getBean(OrderEvents.class).orderCreated(new OrderCreated("o-1", 1250));
                        await().atMost(WAIT).untilAsserted(() -> assertThat(raw.received)
                                .containsExactly("order:created {\"orderId\":\"o-1\",\"totalCents\":1250}"));

                        // and a listener bean receives what another service publishes
                        raw.publish("order:paid", "{\"orderId\":\"o-2\",\"totalCents\":7}");
                        await().atMost(WAIT).untilAsserted(() -> assertThat(context.getBean(Listener.class).received)
                                .contains("paid o-2 7"));
                    });
        }
    }

    @Test
    void hostPortUsernameAndPasswordFromSpringDataRedis(@Dedicated RedisServer redis) {
        String password = "p@ss:w/rd %é+";
        redis.command("ACL", "SETUSER", "alice", "on", ">" + password, "+@all", "~*", "&*");
        redis.command("ACL", "SETUSER", "default", "off");
        runner.withPropertyValues("spring.data.redis.host=" + redis.host(), "spring.data.redis.port=" + redis.port(),
                        "spring.data.redis.username=alice", "spring.data.redis.password=" + password,
                        "spring.data.redis.database=2")
                .withUserConfiguration(ListenerConfig.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean(OrderEvents.class).orderPaid(new OrderCreated("o-3", 3))
                            .toCompletableFuture().get(10, TimeUnit.SECONDS);
                    await().atMost(WAIT).untilAsserted(() -> assertThat(context.getBean(Listener.class).received)
                            .contains("paid o-3 3"));
                });
    }

    @Test
    void heraldRedisUrlWinsOverSpringDataRedis(RedisServer redis) {
        runner.withPropertyValues("herald.redis.url=" + redis.uri(), "spring.data.redis.port=1")
                .withUserConfiguration(ListenerConfig.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Herald.class).ping().toCompletableFuture().get(10, TimeUnit.SECONDS))
                            .isEqualTo("PONG");
                });
    }

    @Test
    void anUnreachableRedisFailsTheStartUnlessHeraldConnectsInTheBackground(@Dedicated RedisServer redis) {
        redis.stop();
        runner.withPropertyValues("spring.data.redis.url=" + redis.uri(), "herald.connect-timeout=1s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("nothing accepts connections at 127.0.0.1:" + redis.port());
        });
        runner.withPropertyValues("spring.data.redis.url=" + redis.uri(), "herald.connect-in-background=true")
                .withUserConfiguration(ConnectionListenerConfig.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    List<String> events = context.getBean(ConnectionListenerConfig.class).events;
                    assertThat(events).isEmpty();
                    redis.restart();
                    await().atMost(WAIT).untilAsserted(() -> assertThat(events).contains("connected"));
                });
    }

    @Test
    void inFlightHandlersFinishWhenTheContextClosesWhileSpringDataRedisIsStillOpen(RedisServer redis) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicReference<String> written = new AtomicReference<>();
        SlowListener.behaviour = (template, event) -> {
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.set(true);
                return;
            }
            // Spring Data Redis is still open while Herald drains: its phase stops later
            template.opsForValue().set("drained:" + event.orderId(), "yes");
            written.set(template.opsForValue().get("drained:" + event.orderId()));
        };
        runner.withPropertyValues("spring.data.redis.url=" + redis.uri(),
                        "spring.lifecycle.timeout-per-shutdown-phase=20s")
                .withUserConfiguration(SlowListenerConfig.class)
                .run(context -> {
                    HeraldLifecycle lifecycle = context.getBean(HeraldLifecycle.class);
                    assertThat(lifecycle.getPhase())
                            .isGreaterThan(context.getBean(LettuceConnectionFactory.class).getPhase());
                    context.getBean(OrderEvents.class).orderCreated(new OrderCreated("slow", 1));
                    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

                    CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
                    await().atMost(WAIT).until(() -> !lifecycle.isRunning());
                    assertThat(closing).isNotDone();
                    release.countDown();
                    closing.get(20, TimeUnit.SECONDS);
                });
        assertThat(interrupted).isFalse();
        assertThat(written.get()).isEqualTo("yes");
    }

    @Test
    void healthIsUpWithRedisAndDownWithout(@Dedicated RedisServer redis) {
        runner.withPropertyValues("spring.data.redis.url=" + redis.uri(), "herald.command-timeout=2s")
                .withUserConfiguration(ListenerConfig.class)
                .run(context -> {
                    HeraldHealthIndicator indicator = context.getBean(HeraldHealthIndicator.class);
                    await().atMost(WAIT).until(() -> indicator.health(true).getStatus().equals(Status.UP));
                    assertThat(indicator.health(true).getDetails()).containsEntry("channels", 2)
                            .containsEntry("serverChannels", 2).containsEntry("connected", true);
                    redis.kill();
                    await().atMost(WAIT).until(() -> indicator.health(true).getStatus().equals(Status.DOWN));
                    redis.restart();
                    await().atMost(WAIT).until(() -> indicator.health(true).getStatus().equals(Status.UP));
                    assertThat(indicator.health(true).getDetails().get("outages")).isEqualTo(1L);
                });
    }

    /** Records what it receives. */
    @HeraldListener
    static class Listener implements OrderEvents {
        final List<String> received = new CopyOnWriteArrayList<>();

        @Override
        public void orderCreated(OrderCreated event) {
            received.add("created " + event.orderId() + " " + event.totalCents());
        }

        @Override
        public CompletionStage<Void> orderPaid(OrderCreated event) {
            received.add("paid " + event.orderId() + " " + event.totalCents());
            return CompletableFuture.completedFuture(null);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ListenerConfig {
        @Bean
        Listener listener() {
            return new Listener();
        }
    }

    /** Runs {@link #behaviour} for each order created, with Spring Data Redis's template at hand. */
    @HeraldListener
    static class SlowListener implements OrderEvents {
        static volatile java.util.function.BiConsumer<StringRedisTemplate, OrderCreated> behaviour;
        private final StringRedisTemplate template;

        SlowListener(StringRedisTemplate template) {
            this.template = template;
        }

        @Override
        public void orderCreated(OrderCreated event) {
            behaviour.accept(template, event);
        }

        @Override
        public CompletionStage<Void> orderPaid(OrderCreated event) {
            return CompletableFuture.completedFuture(null);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SlowListenerConfig {
        @Bean
        SlowListener slowListener(StringRedisTemplate template) {
            return new SlowListener(template);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ConnectionListenerConfig {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Bean
        ConnectionListener recordingConnectionListener() {
            return new ConnectionListener() {
                @Override
                public void onConnected(Duration waited) {
                    events.add("connected");
                }
            };
        }
    }
}
