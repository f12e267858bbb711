package dev.herald.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.herald.Herald;
import dev.herald.HeraldException;
import dev.herald.testing.CapturedLog;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerCertificates;
import dev.herald.testing.RedisServerExtension;
import dev.herald.testing.RedisServerExtension.Tls;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code rediss://} against a redis-server that speaks only TLS and wants a client certificate. */
@ExtendWith(RedisServerExtension.class)
class RedisTlsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static SslOptions trustingAndPresenting(RedisServerCertificates certs) {
        return SslOptions.builder()
                .trustManager(certs.caCertificate().toFile())
                .keyManager(certs.clientCertificate().toFile(), certs.clientKey().toFile(), null)
                .build();
    }

    @Test
    void publishAndSubscribeOverTlsWithTrustStoreAndClientCertificate(@Tls RedisServer redis) throws Exception {
        try (Herald herald = Herald.builder().redis(redis.uri()).sslOptions(trustingAndPresenting(redis.certificates()))
                .build()) {
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            herald.subscribe("secure", String.class, received::add);
            assertEquals(1, redis.numsub("secure"), "the subscription is on the TLS server");
            assertEquals(1L, herald.publish("secure", "over tls").toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertEquals("over tls", received.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
    }

    @Test
    void clientOptionsAreKeptAndHeraldsOwnSettingsWin(@Tls RedisServer redis) throws Exception {
        // TLS from clientOptions, with a connect timeout and reconnect switched off that Herald overrides
        ClientOptions options = ClientOptions.builder()
                .sslOptions(trustingAndPresenting(redis.certificates()))
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofMillis(1)).build())
                .autoReconnect(false)
                .build();
        try (Herald herald = Herald.builder().redis(redis.uri()).clientOptions(options).build()) {
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            herald.subscribe("options", String.class, received::add);
            redis.kill();
            redis.restart();
            // reconnected by itself although the given options said not to
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> redis.numsub("options") == 1);
            // the publish connection reconnects on its own schedule
            org.awaitility.Awaitility.await().atMost(WAIT).ignoreExceptions()
                    .until(() -> "PONG".equals(herald.ping().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS)));
            herald.publish("options", "back").toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals("back", received.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
    }

    @Test
    void withoutAClientCertificateTheMessageSaysTheServerWantsOne(@Tls RedisServer redis) {
        SslOptions trustOnly = SslOptions.builder().trustManager(redis.certificates().caCertificate().toFile()).build();
        HeraldException e = assertThrows(HeraldException.class,
                () -> Herald.builder().redis(redis.uri()).sslOptions(trustOnly).build());
        assertTrue(e.getMessage().startsWith("TLS handshake with 127.0.0.1:" + redis.port()
                + " failed: the server wants a client certificate it trusts ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("); give one with "
                + "HeraldBuilder.sslOptions(SslOptions.builder().keyManager(certFile, keyFile, password).build())"),
                e.getMessage());
    }

    @Test
    void withoutTrustingTheServersCaTheMessageSaysSo(@Tls RedisServer redis) {
        RedisServerCertificates certs = redis.certificates();
        SslOptions certificateOnly = SslOptions.builder()
                .keyManager(certs.clientCertificate().toFile(), certs.clientKey().toFile(), null).build();
        HeraldException e = assertThrows(HeraldException.class,
                () -> Herald.builder().redis(redis.uri()).sslOptions(certificateOnly).build());
        assertTrue(e.getMessage().startsWith("TLS handshake with 127.0.0.1:" + redis.port()
                + " failed: the server's certificate is not trusted ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("trustManager(caFile).build())"), e.getMessage());
    }

    @Test
    void plainRedisUriToTheTlsPortFailsClearly(@Tls RedisServer redis) {
        String plain = "redis://127.0.0.1:" + redis.port();
        HeraldException e = assertThrows(HeraldException.class, () -> Herald.connect(plain));
        assertEquals("127.0.0.1:" + redis.port() + " closed the connection before answering: a TLS-only port does "
                + "that; use rediss:// (with HeraldBuilder.sslOptions for its CA and client certificate) or check the "
                + "port", e.getMessage());
    }

    @Test
    void tlsUriToAPlainServerFailsWithinTheConnectTimeout(RedisServer redis) {
        assumeFalse(redis.uri().startsWith("rediss:"), "needs a plain server");
        String tls = "rediss://" + redis.host() + ":" + redis.port();
        try (CapturedLog log = new CapturedLog()) {
            long start = System.nanoTime();
            HeraldException e = assertThrows(HeraldException.class,
                    () -> Herald.builder().redis(tls).connectTimeout(Duration.ofSeconds(1)).build());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertEquals("TLS handshake with " + redis.host() + ":" + redis.port() + " failed: the server does not "
                    + "seem to speak TLS (no answer within 1 s); use redis:// or check the port", e.getMessage());
            assertNotNull(e.getCause());
            // Lettuce's own handshake timeout is 10 s
            assertTrue(took.compareTo(Duration.ofSeconds(7)) < 0, "took " + took);
            assertEquals(List.of(), log.warningsAndTraces());
        }
    }
}
