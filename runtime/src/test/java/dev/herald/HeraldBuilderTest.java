package dev.herald;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.internal.memory.InMemoryTransport;
import dev.herald.spi.Transport;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.SslOptions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The builder's checks, each at its edge (the least value it takes and the one below), and what it was told
 * is what {@link HeraldSettings} hands the runtime.
 */
class HeraldBuilderTest {

    private static void assertRefused(String message, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }

    @Test
    void eachBoundTakesItsLeastValueAndRefusesTheOneBelow() {
        HeraldBuilder builder = Herald.builder();
        assertSame(builder, builder.maxPayloadBytes(1));
        assertRefused("maxPayloadBytes must be at least 1, was 0", () -> builder.maxPayloadBytes(0));
        assertSame(builder, builder.deadLetterLimit(1));
        assertRefused("deadLetterLimit must be at least 1, was 0", () -> builder.deadLetterLimit(0));
        assertSame(builder, builder.deadLetterRetention(Duration.ofMillis(1)));
        assertRefused("deadLetterRetention must be at least 1 ms, was PT0.000999999S",
                () -> builder.deadLetterRetention(Duration.ofNanos(999_999)));
        assertSame(builder, builder.deadLetterMaxPayloadBytes(0));
        assertRefused("deadLetterMaxPayloadBytes must not be negative, was -1", () -> builder.deadLetterMaxPayloadBytes(-1));
        assertSame(builder, builder.maxPendingPublishes(1));
        assertRefused("maxPendingPublishes must be at least 1, was 0", () -> builder.maxPendingPublishes(0));
        assertSame(builder, builder.maxPendingPublishBytes(1));
        assertRefused("maxPendingPublishBytes must be at least 1, was 0", () -> builder.maxPendingPublishBytes(0));

        HeraldSettings settings = new HeraldSettings(builder);
        assertEquals(1, settings.maxPayloadBytes());
        assertEquals(1, settings.deadLetterLimit());
        assertEquals(Duration.ofMillis(1), settings.deadLetterRetention());
        assertEquals(0, settings.deadLetterMaxPayloadBytes());
        assertEquals(1, settings.maxPendingPublishes());
        assertEquals(1, settings.maxPendingPublishBytes());
    }

    @Test
    void theSettingsHoldWhatTheBuilderWasTold() {
        SslOptions ssl = SslOptions.create();
        ClientOptions client = ClientOptions.create();
        CodecFactory codecs = new CodecFactory() {
            @Override
            public <T> PayloadCodec<T> codec(PayloadType<T> type) {
                throw new UnsupportedOperationException();
            }
        };
        HeraldBuilder builder = Herald.builder();
        assertSame(builder, builder.connectInBackground(true));
        assertSame(builder, builder.sslOptions(ssl));
        assertSame(builder, builder.clientOptions(client));
        assertSame(builder, builder.codecFactory(codecs));
        assertSame(builder, builder.connectTimeout(Duration.ofSeconds(3)));
        assertSame(builder, builder.virtualThreads(false));
        ObjectMapper mapper = new ObjectMapper();
        ErrorHandler errors = error -> { };
        ConnectionListener connections = new ConnectionListener() { };
        RetryPolicy retry = RetryPolicy.exponential(2, Duration.ZERO);
        ThreadFactory threads = Thread::new;
        assertSame(builder, builder.objectMapper(mapper));
        assertSame(builder, builder.errorHandler(errors));
        assertSame(builder, builder.connectionListener(connections));
        assertSame(builder, builder.bufferCapacity(1));
        assertRefused("bufferCapacity must be at least 1, was 0", () -> builder.bufferCapacity(0));
        assertSame(builder, builder.overflowPolicy(OverflowPolicy.FAIL));
        assertSame(builder, builder.retryPolicy(retry));
        assertSame(builder, builder.deadLetters(false));
        assertSame(builder, builder.shutdownTimeout(Duration.ofSeconds(2)));
        assertSame(builder, builder.lenientPayloads(true));
        assertSame(builder, builder.deadLetterMaxPayloadBytes(5));
        assertSame(builder, builder.handlerThreads(1));
        assertRefused("handlerThreads must be at least 1, was 0", () -> builder.handlerThreads(0));
        assertSame(builder, builder.handlerThreadFactory(threads));
        HeraldSettings settings = new HeraldSettings(builder);
        assertSame(mapper, settings.objectMapper());
        assertSame(errors, settings.errorHandler());
        assertSame(connections, settings.connectionListener());
        assertEquals(1, settings.subscriptionDefaults().bufferCapacity());
        assertEquals(OverflowPolicy.FAIL, settings.subscriptionDefaults().overflowPolicy());
        assertSame(retry, settings.subscriptionDefaults().retryPolicy());
        assertFalse(settings.deadLetters());
        assertEquals(Duration.ofSeconds(2), settings.shutdownTimeout());
        assertTrue(settings.lenientPayloads());
        assertEquals(5, settings.deadLetterMaxPayloadBytes());
        assertEquals(1, settings.handlerThreads());
        assertSame(threads, settings.handlerThreadFactory());
        assertTrue(settings.connectInBackground());
        assertSame(ssl, settings.sslOptions());
        assertSame(client, settings.clientOptions());
        assertSame(codecs, settings.codecFactory());
        assertEquals(Duration.ofSeconds(3), settings.connectTimeout());
        assertFalse(settings.virtualThreads());

        HeraldSettings defaults = new HeraldSettings(Herald.builder());
        assertFalse(defaults.connectInBackground());
        assertNull(defaults.sslOptions());
        assertNull(defaults.clientOptions());
        assertTrue(defaults.virtualThreads());
        assertTrue(defaults.deadLetters());
        assertFalse(defaults.lenientPayloads());
    }

    @Test
    void clusterSeedsSplitAtCommasAndOneBackendIsChosen() {
        HeraldBuilder cluster = Herald.builder();
        assertSame(cluster, cluster.redisCluster(" redis://a:7000,redis://b:7001", "redis://c:7002"));
        assertEquals(List.of("redis://a:7000", "redis://b:7001", "redis://c:7002"), new HeraldSettings(cluster).redisClusterSeeds());
        assertRefused("redisCluster(...) was given a blank seed URI in 'redis://a:7000,'",
                () -> Herald.builder().redisCluster("redis://a:7000,"));
        assertRefused("redisCluster(...) needs at least one seed URI", () -> Herald.builder().redisCluster());
        Transport transport = new InMemoryTransport();
        IllegalStateException redisAndTransport = assertThrows(IllegalStateException.class,
                () -> Herald.builder().redis("redis://a:6379").transport(transport).build());
        assertEquals("both redis(...) and transport(...) were given: choose one", redisAndTransport.getMessage());
        IllegalStateException redisAndCluster = assertThrows(IllegalStateException.class,
                () -> Herald.builder().redis("redis://a:6379").redisCluster("redis://b:7000").build());
        assertEquals("both redis(...) and redisCluster(...) were given: choose one", redisAndCluster.getMessage());
        IllegalStateException clusterAndTransport = assertThrows(IllegalStateException.class,
                () -> Herald.builder().redisCluster("redis://b:7000").transport(transport).build());
        assertEquals("both redisCluster(...) and transport(...) were given: choose one", clusterAndTransport.getMessage());
    }

    @Test
    void redisOrInMemoryTakesAUriAndMakesBlankMeanInMemory() {
        HeraldBuilder builder = Herald.builder();
        assertSame(builder, builder.redisOrInMemory(" redis://cache.internal:6379 "));
        assertEquals("redis://cache.internal:6379", new HeraldSettings(builder).redisUri());
        assertNull(new HeraldSettings(builder.redisOrInMemory("  ")).redisUri());
        assertNull(new HeraldSettings(builder.redis("redis://a").redisOrInMemory(null)).redisUri());
        assertNull(new HeraldSettings(builder.redis("redis://a").redisOrInMemory("")).redisUri());
    }

    @Test
    void withoutTheVariablesFromEnvironmentRunsInMemory() {
        assumeTrue(System.getenv("REDIS_URL") == null && System.getenv("REDIS_CLUSTER_URL") == null,
                "REDIS_URL or REDIS_CLUSTER_URL is set");
        try (Herald herald = Herald.fromEnvironment()) {
            assertNotNull(herald);
            assertTrue(herald.toString().contains("InMemoryTransport"), herald.toString());
            assertEquals("PONG", herald.ping().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join());
        }
    }

    /** {@code Herald.fromEnvironment(REDIS_URL, REDIS_CLUSTER_URL)}, the variables given rather than read. */
    private static Herald fromEnvironment(String redisUrl, String redisClusterUrl) throws Exception {
        Method method = Herald.class.getDeclaredMethod("fromEnvironment", String.class, String.class);
        method.setAccessible(true);
        try {
            return (Herald) method.invoke(null, redisUrl, redisClusterUrl);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void blankVariablesMeanInMemoryAndTheOneSetIsNamedWhenItIsNoUri() throws Exception {
        for (String[] unset : new String[][] {{null, null}, {" ", null}, {null, " "}, {"", ""}}) {
            try (Herald herald = fromEnvironment(unset[0], unset[1])) {
                assertTrue(herald.toString().contains("InMemoryTransport"), herald.toString());
            }
        }
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> fromEnvironment("redis://a:6379", "redis://b:7000"));
        assertTrue(both.getMessage().startsWith("both REDIS_URL and REDIS_CLUSTER_URL are set"), both.getMessage());
        IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
                () -> fromEnvironment("localhost:6379", " "));
        assertTrue(single.getMessage().startsWith("REDIS_URL is set but is not a Redis URI: "), single.getMessage());
    }
}
