package dev.herald.internal.redis;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.spi.DurableLog;
import dev.herald.spi.DurableLog.Entry;
import dev.herald.spi.DurableLog.Reader;
import dev.herald.testing.RedisClusterExtension;
import dev.herald.testing.RedisSentinel;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerCertificates;
import dev.herald.testing.RedisServerExtension;
import dev.herald.testing.RedisServerExtension.Dedicated;
import dev.herald.testing.RedisServerExtension.Tls;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.SslOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A durable reader's own connection is made with the user's settings: over TLS, and through the Sentinels. */
@ExtendWith({RedisServerExtension.class, RedisClusterExtension.class})
class RedisDurableReaderConnectionsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static <T> T get(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static boolean hasClient(RedisServer server, String name) {
        return server.command("CLIENT", "LIST").contains(" name=" + name + " ");
    }

    @Test
    void aReaderReadsOverTls(@Tls RedisServer redis) throws Exception {
        RedisServerCertificates certs = redis.certificates();
        SslOptions ssl = SslOptions.builder().trustManager(certs.caCertificate().toFile())
                .keyManager(certs.clientCertificate().toFile(), certs.clientKey().toFile(), null).build();
        try (RedisTransport transport = RedisTransport.connect(new RedisSettings(redis.uri(), Duration.ofSeconds(5),
                Duration.ofSeconds(5), ssl, null))) {
            DurableLog log = transport.durable();
            get(log.createGroup("secure", "g"));
            try (Reader reader = log.reader("g", "tls")) {
                CompletableFuture<List<Entry>> read = reader.readNew(List.of("secure"), 10, WAIT).toCompletableFuture();
                await().atMost(WAIT).until(() -> hasClient(redis, "herald-reader-tls"));
                String id = get(log.append("secure", "{}".getBytes(), Map.of(), DurableLog.Retention.unbounded()));
                assertEquals(id, get(read).get(0).id());
            }
        }
    }

    @Test
    void aReaderFollowsTheSentinelsToTheNewMaster(@Dedicated RedisSentinel setup) throws Exception {
        try (RedisTransport transport = RedisTransport.connect(new RedisSettings(setup.sentinelUri(), Duration.ofSeconds(5),
                Duration.ofSeconds(5), null, null))) {
            DurableLog log = transport.durable();
            get(log.createGroup("orders", "g"));
            get(log.append("orders", "{\"n\":1}".getBytes(), Map.of(), DurableLog.Retention.unbounded()));
            RedisServer oldMaster = setup.master();
            try (Reader reader = log.reader("g", "follower")) {
                assertEquals(1, get(reader.readNew(List.of("orders"), 10, Duration.ZERO)).size());
                CompletableFuture<List<Entry>> blocked = reader.readNew(List.of("orders"), 10, Duration.ofMinutes(1))
                        .toCompletableFuture();
                await().atMost(WAIT).until(() -> hasClient(oldMaster, "herald-reader-follower"));
                await().atMost(WAIT).until(() -> setup.replica().command("XINFO", "GROUPS", "orders").contains("g"));

                RedisServer newMaster = setup.failoverAgreed();
                // moved by Herald, not by the demotion of the old master (which closes its clients some 10 s later)
                ExecutionException lost = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                        () -> blocked.get(5, TimeUnit.SECONDS));
                assertInstanceOf(RedisConnectionException.class, lost.getCause());
                await().atMost(Duration.ofSeconds(5)).until(() -> hasClient(newMaster, "herald-reader-follower"));
                assertFalse(hasClient(oldMaster, "herald-reader-follower"));
                assertEquals("master", RedisSentinel.role(oldMaster), "the old master was not demoted yet");

                String id = await().atMost(WAIT).ignoreExceptions().until(
                        () -> get(log.append("orders", "{\"n\":2}".getBytes(), Map.of(), DurableLog.Retention.unbounded())),
                        written -> written != null);
                List<Entry> read = await().atMost(WAIT).ignoreExceptions().until(
                        () -> get(reader.readNew(List.of("orders"), 10, Duration.ofSeconds(1))), entries -> !entries.isEmpty());
                assertEquals(id, read.get(0).id());
                assertTrue(newMaster.command("XPENDING", "orders", "g").startsWith("2"), "both pending on the new master");
            }
        }
    }
}
