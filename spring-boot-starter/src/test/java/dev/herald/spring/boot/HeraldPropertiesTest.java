package dev.herald.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.OverflowPolicy;
import dev.herald.RetryPolicy;
import dev.herald.StreamRetention;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Every plain-value setting of {@link HeraldBuilder} is a {@code herald.*} property, documented in the generated
 * configuration metadata, bound, applied, and defaulting to the builder's own default. A builder method added
 * without a property fails here.
 */
class HeraldPropertiesTest {

    /** Builder methods that take objects, not values: beans or a {@link HeraldBuilderCustomizer} set them. */
    private static final Set<String> NOT_PROPERTIES = Set.of("transport", "objectMapper", "codecFactory", "errorHandler",
            "connectionListener", "sslOptions", "clientOptions",
            // Micrometer's registries and Herald's observation conventions: the application's beans (herald.metrics.enabled,
            // herald.observations.enabled switch them; HeraldMetricsStarterTest)
            "meterRegistry", "observationRegistry", "publishObservationConvention", "processObservationConvention",
            // the same setting as redis(...): herald.redis.url, with herald.transport=memory for "in memory"
            "redisOrInMemory");

    /** Builder methods whose property is not {@code herald.} and the method's name in kebab case. */
    private static final Map<String, List<String>> RENAMED = Map.of(
            "redis", List.of("herald.redis.url"),
            "redisCluster", List.of("herald.redis.cluster-nodes"),
            "retryPolicy", List.of("herald.retry.max-attempts", "herald.retry.initial-backoff", "herald.retry.multiplier",
                    "herald.retry.max-backoff", "herald.retry.jitter"),
            "durableRetention", List.of("herald.durable-retention.max-length", "herald.durable-retention.max-age",
                    "herald.durable-retentions"));

    /** Builder fields no property sets: objects, the Redis address, and the test-only thread factory. */
    private static final Set<String> FIELDS_NOT_FROM_VALUES = Set.of("transport", "objectMapper", "codecFactory",
            "errorHandler", "connectionListener", "sslOptions", "clientOptions", "handlerThreadFactory", "redisUri",
            "redisClusterSeeds", "meterRegistry", "observationRegistry", "publishObservationConvention",
            "processObservationConvention");

    @Test
    void everyBuilderSettingHasADocumentedProperty() throws IOException {
        Map<String, String> described = metadataDescriptions();
        Map<String, List<String>> missing = new TreeMap<>();
        for (String setting : builderSettings()) {
            if (NOT_PROPERTIES.contains(setting)) {
                continue;
            }
            List<String> expected = RENAMED.getOrDefault(setting, List.of("herald." + kebab(setting)));
            List<String> absent = expected.stream()
                    .filter(property -> described.get(property) == null || described.get(property).isBlank())
                    .toList();
            if (!absent.isEmpty()) {
                missing.put(setting, absent);
            }
        }
        assertThat(missing).as("HeraldBuilder settings without a documented herald.* property in"
                + " META-INF/spring-configuration-metadata.json (add the property to HeraldProperties, with Javadoc on"
                + " its field, or list the method in NOT_PROPERTIES if a bean sets it)").isEmpty();
    }

    @Test
    void everyPropertyIsDocumented() throws IOException {
        Map<String, String> described = metadataDescriptions();
        assertThat(described).isNotEmpty();
        assertThat(described.entrySet().stream().filter(e -> e.getValue() == null || e.getValue().isBlank())
                .map(Map.Entry::getKey).toList()).as("properties without a description").isEmpty();
        assertThat(described).containsKey("herald.transport");
    }

    @Test
    void theDefaultsAreTheBuildersDefaults() throws Exception {
        HeraldBuilder fromProperties = Herald.builder();
        new HeraldProperties().applyTo(fromProperties);
        assertThat(fieldsOf(fromProperties)).isEqualTo(fieldsOf(Herald.builder()));
    }

    @Test
    void everyPropertyIsBoundAndReachesTheBuilder() throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("herald.channel-prefix", "prod:");
        values.put("herald.buffer-capacity", "7");
        values.put("herald.overflow-policy", "drop-oldest");
        values.put("herald.retry.max-attempts", "4");
        values.put("herald.retry.initial-backoff", "50ms");
        values.put("herald.retry.multiplier", "3");
        values.put("herald.retry.max-backoff", "2s");
        values.put("herald.retry.jitter", "0");
        values.put("herald.dead-letters", "false");
        values.put("herald.max-payload-bytes", "1MB");
        values.put("herald.shutdown-timeout", "3s");
        values.put("herald.command-timeout", "4s");
        values.put("herald.request-timeout", "5s");
        values.put("herald.lenient-payloads", "true");
        values.put("herald.connect-timeout", "6s");
        values.put("herald.dead-letter-limit", "17");
        values.put("herald.connect-in-background", "true");
        values.put("herald.dead-letter-retention", "1h");
        values.put("herald.dead-letter-max-payload-bytes", "100");
        values.put("herald.handler-threads", "3");
        values.put("herald.max-pending-publishes", "11");
        values.put("herald.virtual-threads", "false");
        values.put("herald.max-pending-publish-bytes", "2MB");
        values.put("herald.consumer-group", "shipping");
        values.put("herald.consumer-name", "shipping-1");
        values.put("herald.max-deliveries", "9");
        values.put("herald.claim-idle", "45s");
        values.put("herald.durable-read-count", "50");
        values.put("herald.durable-discovery-interval", "2s");
        values.put("herald.durable-retention.max-age", "7d");
        values.put("herald.durable-retentions[order:created].max-length", "1000");
        HeraldProperties properties = new Binder(new MapConfigurationPropertySource(values))
                .bind("herald", Bindable.of(HeraldProperties.class)).get();
        HeraldBuilder builder = Herald.builder();
        properties.applyTo(builder);

        Map<String, Object> set = fieldsOf(builder);
        Map<String, Object> defaults = fieldsOf(Herald.builder());
        List<String> unchanged = new ArrayList<>();
        set.forEach((field, value) -> {
            if (Objects.equals(value, defaults.get(field))) {
                unchanged.add(field);
            }
        });
        assertThat(unchanged).as("builder fields a property did not change").isEmpty();
        assertThat(set).containsEntry("channelPrefix", "prod:")
                .containsEntry("overflowPolicy", OverflowPolicy.DROP_OLDEST)
                .containsEntry("maxPayloadBytes", 1024 * 1024)
                .containsEntry("deadLetterRetention", Duration.ofHours(1))
                .containsEntry("maxPendingPublishBytes", 2L * 1024 * 1024)
                .containsEntry("consumerGroup", "shipping")
                .containsEntry("durableRetention", StreamRetention.maxAge(Duration.ofDays(7)))
                .containsEntry("durableRetentions", Map.of("order:created", StreamRetention.maxLength(1000)));
        RetryPolicy retry = (RetryPolicy) set.get("retryPolicy");
        assertThat(retry.maxAttempts()).isEqualTo(4);
        assertThat(retry.backoff(1)).isEqualTo(Duration.ofMillis(50));
        assertThat(retry.backoff(2)).isEqualTo(Duration.ofMillis(150));
        assertThat(retry.backoff(9)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aSizeBeyondAnIntIsRefusedNamingTheProperty() {
        HeraldProperties properties = new HeraldProperties();
        properties.setMaxPayloadBytes(org.springframework.util.unit.DataSize.ofGigabytes(3));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> properties.applyTo(Herald.builder()))
                .withMessageContaining("herald.max-payload-bytes");
    }

    /** The public methods of the builder that configure it, by name. */
    private static Set<String> builderSettings() {
        Set<String> settings = new TreeSet<>();
        for (Method method : HeraldBuilder.class.getMethods()) {
            if (method.getDeclaringClass() == HeraldBuilder.class && method.getReturnType() == HeraldBuilder.class
                    && !Modifier.isStatic(method.getModifiers())) {
                settings.add(method.getName());
            }
        }
        assertThat(settings).contains("channelPrefix", "redis", "maxPendingPublishBytes");
        return settings;
    }

    /** The builder's settings as its fields hold them, but those that properties do not set. */
    private static Map<String, Object> fieldsOf(HeraldBuilder builder) throws IllegalAccessException {
        Map<String, Object> fields = new TreeMap<>();
        for (Field field : HeraldBuilder.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || FIELDS_NOT_FROM_VALUES.contains(field.getName())) {
                continue;
            }
            field.setAccessible(true);
            fields.put(field.getName(), field.get(builder));
        }
        assertThat(fields).containsKeys("bufferCapacity", "retryPolicy", "virtualThreads");
        return fields;
    }

    private static Map<String, String> metadataDescriptions() throws IOException {
        try (InputStream in = HeraldProperties.class.getClassLoader()
                .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor's metadata").isNotNull();
            JsonNode metadata = JsonMapper.builder().build().readTree(in);
            Map<String, String> described = new TreeMap<>();
            for (JsonNode property : metadata.get("properties")) {
                if (property.get("sourceType").asText().startsWith("dev.herald.")) {
                    JsonNode description = property.get("description");
                    described.put(property.get("name").asText(), description == null ? null : description.asText());
                }
            }
            return described;
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
