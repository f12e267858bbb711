package dev.herald.spring.boot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.CodecFactory;
import dev.herald.ConnectionListener;
import dev.herald.ErrorHandler;
import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.observation.HeraldProcessObservationConvention;
import dev.herald.observation.HeraldPublishObservationConvention;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Herald in a Spring Boot application:
 * <ul>
 *   <li>one {@link Herald} bean (unless the application defines one), configured by {@link HeraldProperties
 *       herald.*}, connected to {@code herald.redis.url} / {@code herald.redis.cluster-nodes} when set, else to Spring
 *       Boot's Redis ({@code spring.data.redis.*}: standalone, Sentinel or Cluster) when Spring Data Redis is there,
 *       else to {@code redis://localhost:6379}; in memory with {@code herald.transport=memory}. Its payloads go
 *       through the application's JSON mapper: the Jackson 3 {@code JsonMapper} bean Spring Boot 4 configures
 *       from {@code spring.jackson.*} (with herald-jackson3's codecs), else a Jackson 2 {@code ObjectMapper} bean.
 *       It uses the application's {@link ErrorHandler} and {@link ConnectionListener} beans, then every
 *       {@link HeraldBuilderCustomizer};</li>
 *   <li>the generated publisher of each channel interface as a bean of that interface
 *       ({@link HeraldPublisherRegistrar});</li>
 *   <li>{@link HeraldListener @HeraldListener} beans subscribed, and Herald's graceful shutdown, in Spring's
 *       lifecycle ({@link HeraldLifecycle});</li>
 *   <li>a {@code herald} health indicator when Actuator's health support is on the class path
 *       ({@link HeraldHealthIndicator}).</li>
 * </ul>
 */
@AutoConfiguration(afterName = {"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@ConditionalOnClass(Herald.class)
@EnableConfigurationProperties(HeraldProperties.class)
public final class HeraldAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(HeraldAutoConfiguration.class);
    private static final String DEFAULT_REDIS = "redis://localhost:6379";

    HeraldAutoConfiguration() {
    }

    /**
     * The Herald.
     *
     * @param properties {@code herald.*}
     * @param bootRedis Spring Boot's Redis connection, when Spring Data Redis is on the class path
     * @param jackson3 the application's Jackson 3 mapper's codecs, when Jackson 3 is on the class path
     * @param objectMapper the application's Jackson 2 mapper, used when it has no Jackson 3 one
     * @param errorHandler the application's error handler, if it has one
     * @param connectionListener the application's connection listener, if it has one
     * @param customizers the application's customizers, in order
     * @return a started Herald; closed by the context after {@link HeraldLifecycle} shut it down
     */
    @Bean
    @ConditionalOnMissingBean
    Herald herald(HeraldProperties properties, ObjectProvider<BootRedisConnection> bootRedis,
            ObjectProvider<Jackson3Codecs> jackson3, ObjectProvider<ObjectMapper> objectMapper, ObjectProvider<ErrorHandler> errorHandler,
            ObjectProvider<ConnectionListener> connectionListener, ObjectProvider<HeraldBuilderCustomizer> customizers) {
        if (properties.getTransport() == HeraldProperties.Transport.REDIS) {
            LettuceVersionCheck.warnIfTooOld();
        }
        HeraldBuilder builder = Herald.builder();
        properties.applyTo(builder);
        String target = connect(builder, properties, bootRedis.getIfAvailable());
        Jackson3Codecs jackson3Codecs = jackson3.getIfAvailable();
        CodecFactory jackson3Factory = jackson3Codecs == null ? null
                : jackson3Codecs.codecFactory(properties.isLenientPayloads());
        if (jackson3Factory != null) {
            builder.codecFactory(jackson3Factory);
        } else {
            objectMapper.ifUnique(builder::objectMapper);
        }
        errorHandler.ifUnique(builder::errorHandler);
        connectionListener.ifUnique(builder::connectionListener);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        LOG.debug("Herald: building a Herald on {}", target);
        return builder.build();
    }

    /** Points the builder where {@code herald.*} or else Boot says; returns a description without credentials. */
    static String connect(HeraldBuilder builder, HeraldProperties properties, BootRedisConnection bootRedis) {
        if (properties.getTransport() == HeraldProperties.Transport.MEMORY) {
            return "memory (herald.transport=memory)";
        }
        String url = properties.getRedis().getUrl();
        List<String> clusterNodes = properties.getRedis().getClusterNodes();
        boolean hasUrl = url != null && !url.isBlank();
        if (hasUrl && !clusterNodes.isEmpty()) {
            throw new IllegalStateException("herald.redis.url and herald.redis.cluster-nodes are both set: set"
                    + " herald.redis.url for one Redis server (or Sentinel), herald.redis.cluster-nodes for a Redis"
                    + " Cluster, not both");
        }
        if (hasUrl) {
            builder.redis(url.strip());
            return "herald.redis.url";
        }
        if (!clusterNodes.isEmpty()) {
            builder.redisCluster(clusterNodes.stream()
                    .map(String::strip)
                    .map(node -> node.contains("://") ? node : "redis://" + node)
                    .toArray(String[]::new));
            return "herald.redis.cluster-nodes";
        }
        String boot = bootRedis == null ? null : bootRedis.applyTo(builder);
        if (boot != null) {
            return boot + " (spring.data.redis.*)";
        }
        builder.redis(DEFAULT_REDIS);
        return DEFAULT_REDIS + " (neither herald.redis.* nor Spring Data Redis's connection details are there)";
    }

    /**
     * Registers the generated publishers as beans of their channel interfaces.
     *
     * @return the registrar
     */
    @Bean
    static HeraldPublisherRegistrar heraldPublisherRegistrar() {
        return new HeraldPublisherRegistrar();
    }

    /**
     * Subscribes {@link HeraldListener @HeraldListener} beans on start, shuts Herald down gracefully on stop.
     *
     * @param herald the Herald
     * @param beanFactory the application's beans
     * @param environment for {@code spring.lifecycle.timeout-per-shutdown-phase}
     * @return the lifecycle
     */
    @Bean
    @ConditionalOnMissingBean
    HeraldLifecycle heraldLifecycle(Herald herald, ConfigurableListableBeanFactory beanFactory, Environment environment) {
        Duration deadline = Binder.get(environment)
                .bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class)
                .orElse(Duration.ofSeconds(30));
        ClassLoader classLoader = beanFactory.getBeanClassLoader() != null ? beanFactory.getBeanClassLoader()
                : ClassUtils.getDefaultClassLoader();
        return new HeraldLifecycle(herald, beanFactory, classLoader, deadline);
    }

    /** Boot's Redis connection details, when Spring Boot's Data Redis module is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails")
    static class BootRedisConfiguration {

        @Bean
        BootRedisConnection heraldBootRedisConnection(ObjectProvider<DataRedisConnectionDetails> details,
                ObjectProvider<DataRedisProperties> properties) {
            return new BootRedisConnection(details, properties);
        }
    }

    /** The application's Jackson 3 mapper, when Jackson 3 and herald-jackson3 are on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"tools.jackson.databind.json.JsonMapper", "dev.herald.jackson3.Jackson3CodecFactory"})
    static class Jackson3Configuration {

        @Bean
        Jackson3Codecs heraldJackson3Codecs(ObjectProvider<JsonMapper> mapper) {
            return new Jackson3Codecs(mapper);
        }
    }

    /** The {@code herald} health indicator, when Actuator's health support is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    @ConditionalOnEnabledHealthIndicator("herald")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "heraldHealthIndicator")
        HeraldHealthIndicator heraldHealthIndicator(Herald herald, HeraldProperties properties) {
            return new HeraldHealthIndicator(herald, properties.getCommandTimeout());
        }
    }

    /**
     * The application's Micrometer registry, when Micrometer is on the class path (Actuator brings it): Herald's
     * meters go where the application's go. Off with {@code herald.metrics.enabled=false}. It customizes before
     * the application's customizers, so one of those can still replace the registry.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    @ConditionalOnProperty(prefix = "herald.metrics", name = "enabled", havingValue = "true", matchIfMissing = true)
    static class MetricsConfiguration {

        @Bean
        @Order(0)
        HeraldBuilderCustomizer heraldMeterRegistryCustomizer(ObjectProvider<MeterRegistry> meterRegistry) {
            return builder -> meterRegistry.ifUnique(builder::meterRegistry);
        }
    }

    /**
     * The application's observation registry (Micrometer Tracing makes spans of its observations), with the
     * application's observation conventions if it has them. Opt in with {@code herald.observations.enabled=true}:
     * an observation per message costs far more than the meters (see the README's benchmarks), so, as Spring for
     * Apache Kafka does with its template and listener observations, it is off by default.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
    @ConditionalOnProperty(prefix = "herald.observations", name = "enabled", havingValue = "true")
    static class ObservationConfiguration {

        @Bean
        @Order(0)
        HeraldBuilderCustomizer heraldObservationCustomizer(ObjectProvider<ObservationRegistry> observationRegistry,
                ObjectProvider<HeraldPublishObservationConvention> publishConvention,
                ObjectProvider<HeraldProcessObservationConvention> processConvention) {
            return builder -> {
                observationRegistry.ifUnique(builder::observationRegistry);
                publishConvention.ifUnique(builder::publishObservationConvention);
                processConvention.ifUnique(builder::processObservationConvention);
            };
        }
    }
}
