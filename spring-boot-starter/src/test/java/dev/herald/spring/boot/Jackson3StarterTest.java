package dev.herald.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.ErrorHandler;
import dev.herald.Herald;
import dev.herald.HeraldError;
import dev.herald.jackson3.Jackson3CodecFactory;
import dev.herald.spring.boot.fixtures.OrderCreated;
import dev.herald.spring.boot.fixtures.OrderEvents;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's JSON: the Jackson 3 {@code JsonMapper} Spring Boot 4 configures from {@code spring.jackson.*}
 * shapes Herald's payloads, through herald-jackson3's codecs.
 */
@ExtendWith(RedisServerExtension.class)
class Jackson3StarterTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, HeraldAutoConfiguration.class));

    @Test
    void aNamingStrategyFromSpringJacksonPropertiesShowsInTheBytesOnRedis(RedisServer redis) {
        try (RawRedis raw = new RawRedis(redis.uri()).subscribe("order:created")) {
            runner.withPropertyValues("herald.redis.url=" + redis.uri(),
                            "spring.jackson.property-naming-strategy=SNAKE_CASE")
                    .withUserConfiguration(RedisStarterTest.ListenerConfig.class)
                    .run(context -> {
                        context.getBean(OrderEvents.class).orderCreated(new OrderCreated("o-1", 1250));
                        await().atMost(WAIT).untilAsserted(() -> assertThat(raw.received)
                                .containsExactly("order:created {\"order_id\":\"o-1\",\"total_cents\":1250}"));
                        // and what another service publishes in that shape is read back
                        raw.publish("order:paid", "{\"order_id\":\"o-2\",\"total_cents\":7}");
                        await().atMost(WAIT).untilAsserted(() -> assertThat(
                                context.getBean(RedisStarterTest.Listener.class).received).contains("paid o-2 7"));
                    });
        }
    }

    @Test
    void withoutSpringJacksonPropertiesTheBytesAreHeraldsUsualOnes(RedisServer redis) {
        try (RawRedis raw = new RawRedis(redis.uri()).subscribe("order:created")) {
            runner.withPropertyValues("herald.redis.url=" + redis.uri()).run(context -> {
                context.getBean(OrderEvents.class).orderCreated(new OrderCreated("o-3", 5));
                await().atMost(WAIT).untilAsserted(() -> assertThat(raw.received)
                        .containsExactly("order:created {\"orderId\":\"o-3\",\"totalCents\":5}"));
            });
        }
    }

    @Test
    void theJackson3MapperWinsOverAJackson2One() {
        runner.withPropertyValues("herald.transport=memory", "spring.jackson.property-naming-strategy=SNAKE_CASE")
                .withUserConfiguration(Jackson2MapperConfig.class)
                .run(context -> assertThat(keysPublished(context.getBean(Herald.class),
                        context.getBean(OrderEvents.class))).containsExactlyInAnyOrder("order_id", "total_cents"));
    }

    @Test
    void withoutAJackson3MapperTheJackson2OneIsUsed() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HeraldAutoConfiguration.class))
                .withPropertyValues("herald.transport=memory")
                .withUserConfiguration(Jackson2MapperConfig.class)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(tools.jackson.databind.json.JsonMapper.class);
                    assertThat(keysPublished(context.getBean(Herald.class), context.getBean(OrderEvents.class)))
                            .containsExactlyInAnyOrder("order-id", "total-cents");
                });
    }

    @Test
    void strictUnlessHeraldLenientPayloadsIsSet() {
        ApplicationContextRunner memory = runner.withPropertyValues("herald.transport=memory")
                .withUserConfiguration(RedisStarterTest.ListenerConfig.class, ErrorsConfig.class);
        memory.run(context -> {
            // orderId missing: strict reading refuses it
            context.getBean(Herald.class).publish("order:paid", Map.of("totalCents", 4));
            await().atMost(WAIT).until(() -> !context.getBean(ErrorsConfig.class).errors.isEmpty());
            assertThat(context.getBean(ErrorsConfig.class).errors.get(0).kind()).isEqualTo(HeraldError.Kind.DECODE);
            assertThat(context.getBean(RedisStarterTest.Listener.class).received).isEmpty();
        });
        memory.withPropertyValues("herald.lenient-payloads=true").run(context -> {
            // orderId missing: lenient reading makes it null (a missing primitive still fails on Jackson 3)
            context.getBean(Herald.class).publish("order:paid", Map.of("totalCents", 4));
            await().atMost(WAIT).untilAsserted(() -> assertThat(context.getBean(RedisStarterTest.Listener.class).received)
                    .as("errors: %s", context.getBean(ErrorsConfig.class).errors).containsExactly("paid null 4"));
        });
    }

    @Test
    void theCodecFactoryIsHeraldJackson3s() {
        runner.withPropertyValues("herald.transport=memory").run(context -> {
            Jackson3Codecs codecs = context.getBean(Jackson3Codecs.class);
            assertThat(codecs.codecFactory(false)).isInstanceOf(Jackson3CodecFactory.class);
        });
    }

    /** Publishes one order and returns the property names of what arrived, read as a map. */
    private static List<String> keysPublished(Herald herald, OrderEvents events) {
        List<Map<?, ?>> raw = new CopyOnWriteArrayList<>();
        herald.subscribe("order:created", Map.class, raw::add);
        events.orderCreated(new OrderCreated("o-5", 5));
        await().atMost(WAIT).until(() -> !raw.isEmpty());
        return raw.get(0).keySet().stream().map(String::valueOf).toList();
    }

    @Configuration(proxyBeanMethods = false)
    static class Jackson2MapperConfig {
        @Bean
        ObjectMapper kebabCase() {
            return com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .propertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.KEBAB_CASE).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ErrorsConfig {
        final List<HeraldError> errors = new CopyOnWriteArrayList<>();

        @Bean
        ErrorHandler errors() {
            return errors::add;
        }
    }
}
