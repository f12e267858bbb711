package dev.herald.internal.start;

import dev.herald.CodecFactory;
import dev.herald.Herald;
import dev.herald.HeraldRuntime;
import dev.herald.HeraldSettings;
import dev.herald.internal.DefaultHerald;
import dev.herald.internal.Instruments;
import dev.herald.internal.JacksonCodecFactory;
import dev.herald.internal.memory.InMemoryTransport;
import dev.herald.internal.metrics.MicrometerInstruments;
import dev.herald.internal.redis.BackgroundRedisTransport;
import dev.herald.internal.redis.RedisSettings;
import dev.herald.internal.redis.RedisTransport;
import dev.herald.internal.redis.cluster.RedisClusterTransport;
import dev.herald.spi.Transport;

/**
 * The runtime {@link dev.herald.HeraldBuilder#build()} finds through {@link java.util.ServiceLoader}: picks
 * the transport (the one given, Redis Cluster, Redis, or memory) and the codecs, and starts a {@link DefaultHerald}. The
 * one place that knows every transport; the core does not.
 */
public final class DefaultHeraldRuntime implements HeraldRuntime {

    /** For {@link java.util.ServiceLoader}. */
    public DefaultHeraldRuntime() {
    }

    @Override
    public Herald start(HeraldSettings settings) {
        CodecFactory codecs = settings.codecFactory() != null ? settings.codecFactory()
                : new JacksonCodecFactory(settings.objectMapper(), settings.lenientPayloads());
        // Micrometer's classes load only in the branch that has a registry: without one it need not be on the class path
        Instruments instruments = settings.measured() ? MicrometerInstruments.of(settings, messagingSystem(settings))
                : Instruments.NONE;
        return new DefaultHerald(settings, transport(settings), codecs, instruments);
    }

    /** @return the {@code messaging.system} of the observations: {@code redis} on Redis, {@code herald} otherwise */
    private static String messagingSystem(HeraldSettings settings) {
        boolean redis = settings.transport() == null && (settings.redisUri() != null || settings.redisClusterSeeds() != null);
        return redis ? "redis" : "herald";
    }

    private static Transport transport(HeraldSettings settings) {
        if (settings.transport() != null) {
            return settings.transport();
        }
        if (settings.redisClusterSeeds() != null) {
            return RedisClusterTransport.connect(settings.redisClusterSeeds(), redisSettings(settings,
                    String.join(",", settings.redisClusterSeeds())));
        }
        if (settings.redisUri() == null) {
            return new InMemoryTransport();
        }
        RedisSettings redis = redisSettings(settings, settings.redisUri());
        return settings.connectInBackground() ? new BackgroundRedisTransport(redis) : RedisTransport.connect(redis);
    }

    private static RedisSettings redisSettings(HeraldSettings settings, String uri) {
        return new RedisSettings(uri, settings.commandTimeout(), settings.connectTimeout(), settings.sslOptions(),
                settings.clientOptions(), settings.maxPendingPublishes(), settings.maxPendingPublishBytes());
    }
}
