package dev.herald.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.herald.ErrorHandler;
import dev.herald.Herald;
import dev.herald.HeraldError;
import dev.herald.spring.boot.fixtures.AuditLog;
import dev.herald.spring.boot.fixtures.OrderCreated;
import dev.herald.spring.boot.fixtures.OrderEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The auto-configuration in memory: which beans it makes, and how the application's beans change them. */
class HeraldAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HeraldAutoConfiguration.class))
            .withPropertyValues("herald.transport=memory");

    @Test
    void makesOneHeraldAndAPublisherBeanPerChannelInterface() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(Herald.class);
            assertThat(context).hasSingleBean(OrderEvents.class);
            assertThat(context).hasSingleBean(AuditLog.class);
            assertThat(context.getBean(OrderEvents.class).getClass().getName())
                    .isEqualTo("dev.herald.spring.boot.fixtures.OrderEventsPublisher");
            assertThat(context.getBeanFactory().getBeanDefinition(HeraldPublisherRegistrar.beanName(OrderEvents.class))
                    .isLazyInit()).isTrue();
        });
    }

    @Test
    void aListenerBeanReceivesWhatThePublisherBeanPublishes() {
        runner.withUserConfiguration(OrderListenerConfig.class).run(context -> {
            OrderListener listener = context.getBean(OrderListener.class);
            context.getBean(OrderEvents.class).orderCreated(new OrderCreated("o-1", 999));
            context.getBean(OrderEvents.class).orderPaid(new OrderCreated("o-1", 999))
                    .toCompletableFuture().get(5, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(listener.received)
                    .containsExactlyInAnyOrder("created o-1", "paid o-1"));
        });
    }

    @Test
    void injectingTheInterfaceGetsThePublisherEvenWhenAListenerImplementsIt() {
        runner.withUserConfiguration(OrderListenerConfig.class).run(context -> {
            assertThat(context.getBeansOfType(OrderEvents.class)).hasSize(2);
            assertThat(context.getBean(OrderEvents.class)).isNotInstanceOf(OrderListener.class);
        });
    }

    @Test
    void anApplicationBeanOfTheInterfaceReplacesThePublisher() {
        runner.withUserConfiguration(OwnOrderEventsConfig.class).run(context -> {
            assertThat(context).hasSingleBean(OrderEvents.class);
            assertThat(context.getBean(OrderEvents.class)).isSameAs(OwnOrderEventsConfig.OWN);
            assertThat(context).doesNotHaveBean(HeraldPublisherRegistrar.beanName(OrderEvents.class));
            assertThat(context).hasSingleBean(AuditLog.class);
        });
    }

    @Test
    void anApplicationHeraldReplacesTheStartersAndStillGetsPublishersAndListeners() {
        runner.withUserConfiguration(OwnHeraldConfig.class, OrderListenerConfig.class).run(context -> {
            assertThat(context).hasSingleBean(Herald.class);
            assertThat(context.getBean(Herald.class)).isSameAs(context.getBean(OwnHeraldConfig.class).herald);
            context.getBean(OrderEvents.class).orderCreated(new OrderCreated("o-2", 1));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(context.getBean(OrderListener.class).received).containsExactly("created o-2"));
        });
    }

    @Test
    void aListenerMayNameTheInterfacesItListensTo() {
        runner.withUserConfiguration(AuditOnlyConfig.class).run(context -> {
            AuditOnly listener = context.getBean(AuditOnly.class);
            context.getBean(OrderEvents.class).orderCreated(new OrderCreated("o-3", 1));
            context.getBean(AuditLog.class).line("hello");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(listener.received).contains("hello"));
            // order:created was published first: had the bean listened to it, it would be there by now
            assertThat(listener.received).containsExactly("hello");
        });
    }

    @Test
    void aListenerThatImplementsNoChannelInterfaceFailsTheStart() {
        runner.withUserConfiguration(NotAListenerConfig.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("bean 'notAListener'")
                    .hasMessageContaining("is marked @HeraldListener but implements no channel interface");
        });
    }

    @Test
    void listenersAreUnsubscribedAndHeraldShutDownWhenTheContextCloses() {
        runner.withUserConfiguration(OrderListenerConfig.class).run(context -> {
            Herald herald = context.getBean(Herald.class);
            HeraldLifecycle lifecycle = context.getBean(HeraldLifecycle.class);
            assertThat(lifecycle.isRunning()).isTrue();
            context.close();
            assertThat(lifecycle.isRunning()).isFalse();
            assertThat(herald.publish("order:created", new OrderCreated("late", 1)).toCompletableFuture())
                    .failsWithin(Duration.ofSeconds(5));
        });
    }

    @Test
    void theApplicationsErrorHandlerGetsHandlerFailures() {
        runner.withUserConfiguration(FailingListenerConfig.class, ErrorHandlerConfig.class).run(context -> {
            context.getBean(OrderEvents.class).orderCreated(new OrderCreated("boom", 1));
            List<HeraldError> errors = context.getBean(ErrorHandlerConfig.class).errors;
            await().atMost(Duration.ofSeconds(5)).until(() -> !errors.isEmpty());
            assertThat(errors.get(0).kind()).isEqualTo(HeraldError.Kind.HANDLER);
        });
    }

    @Test
    void customizersRunInOrderAfterTheApplicationsBeans() {
        runner.withUserConfiguration(FailingListenerConfig.class, ErrorHandlerConfig.class, CustomizerConfig.class)
                .run(context -> {
                    context.getBean(OrderEvents.class).orderCreated(new OrderCreated("boom", 1));
                    List<HeraldError> seen = context.getBean(CustomizerConfig.class).errors;
                    await().atMost(Duration.ofSeconds(5)).until(() -> !seen.isEmpty());
                    assertThat(context.getBean(ErrorHandlerConfig.class).errors).isEmpty();
                    assertThat(context.getBean(CustomizerConfig.class).order).containsExactly("first", "second");
                });
    }

    @Test
    void theApplicationsJackson2MapperWritesThePayloads() {
        runner.withUserConfiguration(SnakeCaseMapperConfig.class).run(context -> {
            Herald herald = context.getBean(Herald.class);
            List<Map<?, ?>> raw = new CopyOnWriteArrayList<>();
            herald.subscribe("order:created", Map.class, raw::add);
            context.getBean(OrderEvents.class).orderCreated(new OrderCreated("o-4", 5));
            await().atMost(Duration.ofSeconds(5)).until(() -> !raw.isEmpty());
            assertThat(raw.get(0).keySet().stream().map(String::valueOf).toList())
                    .containsExactlyInAnyOrder("order_id", "total_cents");
        });
    }

    @Test
    void aHealthIndicatorReportsHeraldsHealth() {
        runner.withUserConfiguration(OrderListenerConfig.class).run(context -> {
            HeraldHealthIndicator indicator = context.getBean("heraldHealthIndicator", HeraldHealthIndicator.class);
            org.springframework.boot.health.contributor.Health health = indicator.health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("connected", true).containsEntry("channels", 2);
        });
    }

    @Test
    void theHealthIndicatorIsDownOnceHeraldIsShutDown() {
        runner.run(context -> {
            HeraldHealthIndicator indicator = context.getBean(HeraldHealthIndicator.class);
            context.getBean(Herald.class).close();
            assertThat(indicator.health(true).getStatus()).isEqualTo(Status.DOWN);
        });
    }

    @Test
    void theHealthIndicatorCanBeDisabled() {
        runner.withPropertyValues("management.health.herald.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(HeraldHealthIndicator.class));
    }

    @Test
    void aValueOutOfTheBuildersRangeFailsTheStartNamingIt() {
        runner.withPropertyValues("herald.buffer-capacity=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("bufferCapacity must be at least 1");
        });
    }

    @Test
    void theShutdownDeadlineIsSpringsPerPhaseTimeout() {
        runner.withPropertyValues("spring.lifecycle.timeout-per-shutdown-phase=7s").run(context ->
                assertThat(context.getBean(HeraldLifecycle.class)).extracting("shutdownDeadline")
                        .isEqualTo(Duration.ofSeconds(7)));
    }

    /** Receives both channels of {@link OrderEvents}. */
    @HeraldListener
    static class OrderListener implements OrderEvents {
        final List<String> received = new CopyOnWriteArrayList<>();

        @Override
        public void orderCreated(OrderCreated event) {
            received.add("created " + event.orderId());
        }

        @Override
        public CompletionStage<Void> orderPaid(OrderCreated event) {
            received.add("paid " + event.orderId());
            return CompletableFuture.completedFuture(null);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OrderListenerConfig {
        @Bean
        OrderListener orderListener() {
            return new OrderListener();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnOrderEventsConfig {
        static final OrderEvents OWN = new OrderEvents() {
            @Override
            public void orderCreated(OrderCreated event) {
            }

            @Override
            public CompletionStage<Void> orderPaid(OrderCreated event) {
                return CompletableFuture.completedFuture(null);
            }
        };

        @Bean
        OrderEvents ownOrderEvents() {
            return OWN;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnHeraldConfig {
        final Herald herald = Herald.inMemory();

        @Bean
        Herald ownHerald() {
            return herald;
        }
    }

    /** Implements both interfaces, listens to one. */
    @HeraldListener(AuditLog.class)
    static class AuditOnly implements AuditLog, OrderEvents {
        final List<String> received = new CopyOnWriteArrayList<>();

        @Override
        public void line(String line) {
            received.add(line);
        }

        @Override
        public void orderCreated(OrderCreated event) {
            received.add("created " + event.orderId());
        }

        @Override
        public CompletionStage<Void> orderPaid(OrderCreated event) {
            received.add("paid " + event.orderId());
            return CompletableFuture.completedFuture(null);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class AuditOnlyConfig {
        @Bean
        AuditOnly auditOnly() {
            return new AuditOnly();
        }
    }

    @HeraldListener
    static class NotAListener implements Runnable {
        @Override
        public void run() {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NotAListenerConfig {
        @Bean
        NotAListener notAListener() {
            return new NotAListener();
        }
    }

    @HeraldListener
    static class FailingListener implements AuditLog {
        @Override
        public void line(String line) {
        }
    }

    /** Its orderCreated throws. */
    @Configuration(proxyBeanMethods = false)
    static class FailingListenerConfig {
        @Bean
        OrderListener failingOrderListener() {
            return new OrderListener() {
                @Override
                public void orderCreated(OrderCreated event) {
                    throw new IllegalStateException("handler failed on purpose");
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ErrorHandlerConfig {
        final List<HeraldError> errors = new CopyOnWriteArrayList<>();

        @Bean
        ErrorHandler recordingErrorHandler() {
            return errors::add;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomizerConfig {
        final List<HeraldError> errors = new CopyOnWriteArrayList<>();
        final List<String> order = new CopyOnWriteArrayList<>();

        @Bean
        @Order(2)
        HeraldBuilderCustomizer second() {
            return builder -> {
                order.add("second");
                builder.errorHandler(errors::add);
            };
        }

        @Bean
        @Order(1)
        HeraldBuilderCustomizer first() {
            return builder -> order.add("first");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SnakeCaseMapperConfig {
        @Bean
        ObjectMapper snakeCase() {
            return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        }
    }
}
