package dev.herald.internal.redis;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herald.HeraldException;
import dev.herald.spi.DurableLog;
import dev.herald.spi.DurableLog.Reader;
import dev.herald.spi.TransportListener;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import dev.herald.testing.RedisServerExtension.Dedicated;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The durable log of a transport that connects in the background: refused until connected, then Redis's. */
@ExtendWith(RedisServerExtension.class)
class DeferredDurableLogTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static <T> T get(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void refusesUntilConnectedAndAReaderOpenedBeforeWorksAfter(@Dedicated RedisServer redis) throws Exception {
        redis.kill();
        try (BackgroundRedisTransport transport = new BackgroundRedisTransport(new RedisSettings(redis.uri(),
                Duration.ofSeconds(5), Duration.ofSeconds(5), null, null))) {
            transport.start(new TransportListener() {
                @Override
                public void onMessage(String channel, byte[] payload) {
                }

                @Override
                public void onPatternMessage(String pattern, String channel, byte[] payload) {
                }
            });
            DurableLog log = transport.durable();
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> get(log.append("s", new byte[0], Map.of(), DurableLog.Retention.unbounded())));
            assertInstanceOf(HeraldException.class, refused.getCause());
            Reader early = log.reader("g", "early");
            assertInstanceOf(HeraldException.class, assertThrows(ExecutionException.class,
                    () -> get(early.readNew(List.of("s"), 10, Duration.ZERO))).getCause());

            redis.restart();
            await().atMost(WAIT).ignoreExceptions().until(() -> {
                get(log.createGroup("s", "g"));
                return true;
            });
            String id = get(log.append("s", "{}".getBytes(), Map.of(), DurableLog.Retention.unbounded()));
            assertEquals(id, get(early.readNew(List.of("s"), 10, Duration.ofSeconds(5))).get(0).id());
            early.close();
            assertInstanceOf(IllegalStateException.class, assertThrows(ExecutionException.class,
                    () -> get(early.readPending("s", "0-0", 10))).getCause());
        }
    }
}
