package dev.herald.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.spring.boot.fixtures.OrderCreated;
import dev.herald.spring.boot.fixtures.ShipmentQueue;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Durable channels in a Boot application: the group from {@code herald.consumer-group}, a listener bean in it. */
class DurableStarterTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HeraldAutoConfiguration.class))
            .withPropertyValues("herald.transport=memory")
            .withUserConfiguration(ShippingConfig.class);

    @Test
    void aListenerBeanJoinsTheConfiguredGroupAndGetsWhatThePublisherBeanAppends() {
        runner.withPropertyValues("herald.consumer-group=shipping", "herald.durable-read-count=10").run(context -> {
            context.getBean(ShipmentQueue.class).queued(new OrderCreated("o-7", 700)).toCompletableFuture()
                    .get(5, TimeUnit.SECONDS);
            Shipping shipping = context.getBean(Shipping.class);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(shipping.received).containsExactly("o-7"));
        });
    }

    @Test
    void withoutAGroupTheContextFailsNamingTheChannelAndTheProperty() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("shipment:queued").hasMessageContaining("consumerGroup");
        });
    }

    /** The shipping service: a listener of the durable channel. */
    @HeraldListener
    static class Shipping implements ShipmentQueue {
        final List<String> received = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<Void> queued(OrderCreated order) {
            received.add(order.orderId());
            return CompletableFuture.completedFuture(null);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ShippingConfig {
        @Bean
        Shipping shipping() {
            return new Shipping();
        }
    }
}
