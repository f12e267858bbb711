package dev.herald.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.spring.boot.fixtures.OrderCreated;
import dev.herald.spring.boot.fixtures.OrderEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's Micrometer registries reach Herald: meters by default, observations when asked for. */
class HeraldMetricsStarterTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HeraldAutoConfiguration.class))
            .withPropertyValues("herald.transport=memory")
            .withUserConfiguration(Registries.class);

    @Test
    void heraldsMetersGoToTheApplicationsMeterRegistry() {
        runner.run(context -> {
            publishOne(context.getBean(OrderEvents.class));
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get("herald.messages.published").tag("channel", "order:paid").tag("outcome", "success")
                    .counter().count()).isEqualTo(1.0);
        });
    }

    @Test
    void metersCanBeTurnedOff() {
        runner.withPropertyValues("herald.metrics.enabled=false").run(context -> {
            publishOne(context.getBean(OrderEvents.class));
            assertThat(context.getBean(MeterRegistry.class).getMeters()).isEmpty();
        });
    }

    @Test
    void observationsAreOffUnlessAskedFor() {
        runner.run(context -> {
            publishOne(context.getBean(OrderEvents.class));
            assertThat(context.getBean(Registries.class).observed).isEmpty();
        });
    }

    @Test
    void observationsGoToTheApplicationsObservationRegistryWhenEnabled() {
        runner.withPropertyValues("herald.observations.enabled=true").run(context -> {
            publishOne(context.getBean(OrderEvents.class));
            assertThat(context.getBean(Registries.class).observed).contains("herald.publish");
        });
    }

    @Test
    void withoutMicrometerTheStarterStillMakesAHerald() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HeraldAutoConfiguration.class))
                .withPropertyValues("herald.transport=memory", "herald.observations.enabled=true")
                .withClassLoader(new FilteredClassLoader("io.micrometer"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    publishOne(context.getBean(OrderEvents.class));
                    assertThat(context.getBeansOfType(HeraldBuilderCustomizer.class)).isEmpty();
                });
    }

    private static void publishOne(OrderEvents events) throws Exception {
        events.orderPaid(new OrderCreated("o-1", 100)).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registries {
        final List<String> observed = new CopyOnWriteArrayList<>();

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        ObservationRegistry observationRegistry() {
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(new ObservationHandler<>() {
                @Override
                public void onStop(Observation.Context context) {
                    observed.add(context.getName());
                }

                @Override
                public boolean supportsContext(Observation.Context context) {
                    return true;
                }
            });
            return registry;
        }
    }
}
