package dev.herald.spring.boot;

import dev.herald.HeraldBuilder;
import io.lettuce.core.SslOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.ssl.SslBundle;

/**
 * Spring Boot's Redis connection details ({@code spring.data.redis.*}, or a service connection such as
 * Testcontainers'), turned into what {@link HeraldBuilder} takes: a Lettuce URI for a standalone server or a master
 * behind Sentinels, seed URIs for a cluster, TLS options from the SSL bundle.
 */
final class BootRedisConnection {

    private final ObjectProvider<DataRedisConnectionDetails> details;
    private final ObjectProvider<DataRedisProperties> properties;

    BootRedisConnection(ObjectProvider<DataRedisConnectionDetails> details,
            ObjectProvider<DataRedisProperties> properties) {
        this.details = details;
        this.properties = properties;
    }

    /**
     * Points the builder at Boot's Redis.
     *
     * @param builder the builder
     * @return a description of where it points, without credentials, or {@code null} when Boot has no connection
     *     details (Spring Data Redis's auto-configuration is not active)
     * @throws IllegalStateException for what Herald cannot connect to: a static master/replica setup, or Sentinels
     *     that require a password
     */
    @Nullable String applyTo(HeraldBuilder builder) {
        DataRedisConnectionDetails connection = details.getIfUnique();
        if (connection == null) {
            return null;
        }
        SslBundle ssl = connection.getSslBundle();
        boolean tls = ssl != null || urlUsesTls();
        if (ssl != null) {
            builder.sslOptions(sslOptions(ssl));
        }
        String credentials = credentials(connection.getUsername(), connection.getPassword());
        DataRedisConnectionDetails.Sentinel sentinel = connection.getSentinel();
        if (sentinel != null) {
            if (sentinel.getPassword() != null || sentinel.getUsername() != null) {
                throw new IllegalStateException("spring.data.redis.sentinel.username/password are set, but Herald cannot"
                        + " authenticate with Sentinels yet (a Lettuce URI has no place for it): use Sentinels without"
                        + " authentication, or set herald.redis.url to reach Redis another way");
            }
            StringBuilder uri = new StringBuilder(tls ? "rediss-sentinel://" : "redis-sentinel://").append(credentials);
            List<DataRedisConnectionDetails.Node> nodes = sentinel.getNodes();
            if (nodes.size() > 1 && nodes.stream().anyMatch(node -> node.host().indexOf(':') >= 0)) {
                throw new IllegalStateException("spring.data.redis.sentinel.nodes holds an IPv6 address among several"
                        + " Sentinels, which a Lettuce Sentinel URI cannot hold (java.net.URI refuses '[' in a"
                        + " multi-host authority): name the Sentinels by host name or IPv4 address");
            }
            for (int i = 0; i < nodes.size(); i++) {
                uri.append(i == 0 ? "" : ",").append(hostAndPort(nodes.get(i)));
            }
            uri.append('/').append(sentinel.getDatabase()).append('#').append(encode(sentinel.getMaster()));
            builder.redis(uri.toString());
            return "Redis Sentinel master '" + sentinel.getMaster() + "' via " + nodes.size() + " Sentinel(s)";
        }
        DataRedisConnectionDetails.Cluster cluster = connection.getCluster();
        if (cluster != null) {
            String[] seeds = cluster.getNodes().stream()
                    .map(node -> (tls ? "rediss://" : "redis://") + credentials + hostAndPort(node))
                    .toArray(String[]::new);
            builder.redisCluster(seeds);
            return "Redis Cluster with " + seeds.length + " seed node(s)";
        }
        if (connection.getMasterReplica() != null) {
            throw new IllegalStateException("spring.data.redis.masterreplica is set, but Herald does not connect to a"
                    + " static master/replica setup: set herald.redis.url to the master, or use Sentinel");
        }
        DataRedisConnectionDetails.Standalone standalone = connection.getStandalone();
        if (standalone == null) {
            return null;
        }
        builder.redis((tls ? "rediss://" : "redis://") + credentials
                + hostAndPort(new DataRedisConnectionDetails.Node(standalone.getHost(), standalone.getPort()))
                + "/" + standalone.getDatabase());
        return "Redis at " + standalone.getHost() + ":" + standalone.getPort() + (tls ? " over TLS" : "");
    }

    /** A {@code rediss://} spring.data.redis.url means TLS even without spring.data.redis.ssl.enabled, as for Boot. */
    private boolean urlUsesTls() {
        DataRedisProperties props = properties.getIfUnique();
        String url = props == null ? null : props.getUrl();
        return url != null && url.toLowerCase(Locale.ROOT).startsWith("rediss:");
    }

    private static SslOptions sslOptions(SslBundle bundle) {
        SslOptions.Builder options = SslOptions.builder()
                .keyManager(bundle.getManagers().getKeyManagerFactory())
                .trustManager(bundle.getManagers().getTrustManagerFactory());
        if (bundle.getOptions().getCiphers() != null) {
            options.cipherSuites(bundle.getOptions().getCiphers());
        }
        if (bundle.getOptions().getEnabledProtocols() != null) {
            options.protocols(bundle.getOptions().getEnabledProtocols());
        }
        return options.build();
    }

    /** {@code user:password@}, {@code :password@} or nothing; each part percent-encoded. */
    static String credentials(@Nullable String username, @Nullable String password) {
        if (password == null || password.isEmpty()) {
            return "";
        }
        return (username == null || username.isEmpty() ? "" : encode(username)) + ":" + encode(password) + "@";
    }

    private static String hostAndPort(DataRedisConnectionDetails.Node node) {
        String host = node.host();
        boolean ipv6 = host.indexOf(':') >= 0 && !host.startsWith("[");
        return (ipv6 ? "[" + host + "]" : host) + ":" + node.port();
    }

    /** Percent-encodes all but RFC 3986's unreserved characters: what {@link java.net.URI} decodes back. */
    static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
