package dev.herald.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails.Node;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.ssl.SslBundle;

/** What Boot's connection details become: the Lettuce URIs Herald is given, read back as Lettuce reads them. */
class BootRedisConnectionTest {

    private static final String AWKWARD = "p@ss:w/rd %é+";

    @Test
    void standaloneWithCredentialsAndDatabase() throws Exception {
        HeraldBuilder builder = Herald.builder();
        String description = connection(new Details("alice", AWKWARD, standalone("cache.internal", 6380, 3), null, null))
                .applyTo(builder);
        RedisURI uri = RedisURI.create((String) field(builder, "redisUri"));
        assertThat(uri.getHost()).isEqualTo("cache.internal");
        assertThat(uri.getPort()).isEqualTo(6380);
        assertThat(uri.getDatabase()).isEqualTo(3);
        assertThat(credentials(uri).getUsername()).isEqualTo("alice");
        assertThat(new String(credentials(uri).getPassword())).isEqualTo(AWKWARD);
        assertThat(uri.isSsl()).isFalse();
        assertThat(description).isEqualTo("Redis at cache.internal:6380").doesNotContain(AWKWARD);
    }

    @Test
    void passwordWithoutUsername() throws Exception {
        HeraldBuilder builder = Herald.builder();
        connection(new Details(null, "secret", standalone("localhost", 6379, 0), null, null)).applyTo(builder);
        RedisURI uri = RedisURI.create((String) field(builder, "redisUri"));
        assertThat(credentials(uri).getUsername()).isNull();
        assertThat(new String(credentials(uri).getPassword())).isEqualTo("secret");
    }

    @Test
    void anSslBundleMeansRedissAndItsTlsOptions() throws Exception {
        HeraldBuilder builder = Herald.builder();
        Details details = new Details(null, null, standalone("localhost", 6379, 0), null, null);
        details.ssl = SslBundle.systemDefault();
        connection(details).applyTo(builder);
        assertThat(RedisURI.create((String) field(builder, "redisUri")).isSsl()).isTrue();
        assertThat(field(builder, "sslOptions")).isNotNull();
    }

    @Test
    void aRedissSpringDataRedisUrlMeansTlsWithoutABundle() throws Exception {
        DataRedisProperties properties = new DataRedisProperties();
        properties.setUrl("rediss://localhost:6379");
        HeraldBuilder builder = Herald.builder();
        connection(new Details(null, null, standalone("localhost", 6379, 0), null, null), properties).applyTo(builder);
        assertThat(RedisURI.create((String) field(builder, "redisUri")).isSsl()).isTrue();
    }

    @Test
    void sentinelBecomesARedisSentinelUri() throws Exception {
        HeraldBuilder builder = Herald.builder();
        DataRedisConnectionDetails.Sentinel sentinel = sentinel(null,
                List.of(new Node("10.0.0.1", 26379), new Node("sentinel-2.internal", 26380)));
        String description = connection(new Details(null, AWKWARD, null, sentinel, null)).applyTo(builder);
        String text = (String) field(builder, "redisUri");
        assertThat(text).startsWith("redis-sentinel://");
        RedisURI uri = RedisURI.create(text);
        assertThat(uri.getSentinelMasterId()).isEqualTo("my master");
        assertThat(uri.getDatabase()).isEqualTo(2);
        assertThat(new String(credentials(uri).getPassword())).isEqualTo(AWKWARD);
        assertThat(uri.getSentinels()).extracting(RedisURI::getHost, RedisURI::getPort)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("10.0.0.1", 26379),
                        org.assertj.core.groups.Tuple.tuple("sentinel-2.internal", 26380));
        assertThat(description).contains("Sentinel master 'my master' via 2 Sentinel(s)");
    }

    @Test
    void oneIpv6SentinelIsWrittenInBracketsSeveralAreRefused() throws Exception {
        HeraldBuilder builder = Herald.builder();
        connection(new Details(null, null, null, sentinel(null, List.of(new Node("::1", 26380))), null)).applyTo(builder);
        RedisURI uri = RedisURI.create((String) field(builder, "redisUri"));
        assertThat(uri.getSentinels()).extracting(RedisURI::getPort).containsExactly(26380);
        DataRedisConnectionDetails.Sentinel two = sentinel(null, List.of(new Node("::1", 26380), new Node("h", 26379)));
        assertThatIllegalStateException()
                .isThrownBy(() -> connection(new Details(null, null, null, two, null)).applyTo(Herald.builder()))
                .withMessageContaining("IPv6");
    }

    @Test
    void sentinelsThatRequireAPasswordAreRefused() {
        DataRedisConnectionDetails.Sentinel sentinel = sentinel("sentinel-secret", List.of(new Node("h", 26379)));
        assertThatIllegalStateException()
                .isThrownBy(() -> connection(new Details(null, null, null, sentinel, null)).applyTo(Herald.builder()))
                .withMessageContaining("spring.data.redis.sentinel.username/password")
                .withMessageNotContaining("sentinel-secret");
    }

    @Test
    void clusterBecomesSeedUrisWithTheCredentials() throws Exception {
        HeraldBuilder builder = Herald.builder();
        DataRedisConnectionDetails.Cluster cluster = () -> List.of(new Node("n1", 7000), new Node("n2", 7001));
        connection(new Details("bob", AWKWARD, null, null, cluster)).applyTo(builder);
        List<String> seeds = seeds(builder);
        assertThat(seeds).hasSize(2);
        RedisURI second = RedisURI.create(seeds.get(1));
        assertThat(second.getHost()).isEqualTo("n2");
        assertThat(second.getPort()).isEqualTo(7001);
        assertThat(credentials(second).getUsername()).isEqualTo("bob");
        assertThat(new String(credentials(second).getPassword())).isEqualTo(AWKWARD);
        assertThat(field(builder, "redisUri")).isNull();
    }

    @Test
    void aStaticMasterReplicaSetupIsRefused() {
        Details details = new Details(null, null, standalone("h", 1, 0), null, null);
        details.masterReplica = () -> List.of(new Node("h", 6379));
        assertThatIllegalStateException().isThrownBy(() -> connection(details).applyTo(Herald.builder()))
                .withMessageContaining("spring.data.redis.masterreplica");
    }

    @Test
    void noDetailsLeaveTheBuilderAlone() throws Exception {
        HeraldBuilder builder = Herald.builder();
        StaticListableBeanFactory none = new StaticListableBeanFactory();
        String description = new BootRedisConnection(none.getBeanProvider(DataRedisConnectionDetails.class),
                none.getBeanProvider(DataRedisProperties.class)).applyTo(builder);
        assertThat(description).isNull();
        assertThat(field(builder, "redisUri")).isNull();
    }

    @Test
    void heraldRedisPropertiesWinOverBootsAndClusterNodesMayOmitTheScheme() throws Exception {
        HeraldProperties properties = new HeraldProperties();
        properties.getRedis().setClusterNodes(List.of("n1:7000", "rediss://n2:7001"));
        HeraldBuilder builder = Herald.builder();
        String target = HeraldAutoConfiguration.connect(builder, properties,
                connection(new Details(null, null, standalone("boot", 1, 0), null, null)));
        assertThat(target).isEqualTo("herald.redis.cluster-nodes");
        assertThat(seeds(builder)).containsExactly("redis://n1:7000", "rediss://n2:7001");
        properties.getRedis().setUrl("redis://u");
        assertThatIllegalStateException().isThrownBy(() -> HeraldAutoConfiguration.connect(Herald.builder(), properties,
                null)).withMessageContaining("herald.redis.url and herald.redis.cluster-nodes are both set");
    }

    @Test
    void withoutAnyRedisConfigurationItIsLocalhost() throws Exception {
        HeraldBuilder builder = Herald.builder();
        HeraldAutoConfiguration.connect(builder, new HeraldProperties(), null);
        assertThat((String) field(builder, "redisUri")).isEqualTo("redis://localhost:6379");
    }

    private static RedisCredentials credentials(RedisURI uri) {
        return uri.getCredentialsProvider().resolveCredentials().block();
    }

    private static BootRedisConnection connection(DataRedisConnectionDetails details) {
        return connection(details, null);
    }

    private static BootRedisConnection connection(DataRedisConnectionDetails details, DataRedisProperties properties) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(
                properties == null ? Map.of("details", details) : Map.of("details", details, "properties", properties));
        return new BootRedisConnection(beans.getBeanProvider(DataRedisConnectionDetails.class),
                beans.getBeanProvider(DataRedisProperties.class));
    }

    private static DataRedisConnectionDetails.Standalone standalone(String host, int port, int database) {
        return DataRedisConnectionDetails.Standalone.of(host, port, database);
    }

    private static DataRedisConnectionDetails.Sentinel sentinel(@Nullable String password, List<Node> nodes) {
        return new DataRedisConnectionDetails.Sentinel() {
            @Override
            public int getDatabase() {
                return 2;
            }

            @Override
            public String getMaster() {
                return "my master";
            }

            @Override
            public List<Node> getNodes() {
                return nodes;
            }

            @Override
            public @Nullable String getUsername() {
                return null;
            }

            @Override
            public @Nullable String getPassword() {
                return password;
            }
        };
    }

    private static Object field(HeraldBuilder builder, String name) throws ReflectiveOperationException {
        Field field = HeraldBuilder.class.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(builder);
    }

    private static List<String> seeds(HeraldBuilder builder) throws ReflectiveOperationException {
        return ((List<?>) field(builder, "redisClusterSeeds")).stream().map(String.class::cast).toList();
    }

    /** Connection details as a service connection would give them. */
    private static final class Details implements DataRedisConnectionDetails {
        private final String username;
        private final String password;
        private final Standalone standalone;
        private final Sentinel sentinel;
        private final Cluster cluster;
        SslBundle ssl;
        MasterReplica masterReplica;

        Details(String username, String password, Standalone standalone, Sentinel sentinel, Cluster cluster) {
            this.username = username;
            this.password = password;
            this.standalone = standalone;
            this.sentinel = sentinel;
            this.cluster = cluster;
        }

        @Override
        public @Nullable String getUsername() {
            return username;
        }

        @Override
        public @Nullable String getPassword() {
            return password;
        }

        @Override
        public @Nullable SslBundle getSslBundle() {
            return ssl;
        }

        @Override
        public @Nullable Standalone getStandalone() {
            return standalone;
        }

        @Override
        public @Nullable Sentinel getSentinel() {
            return sentinel;
        }

        @Override
        public @Nullable Cluster getCluster() {
            return cluster;
        }

        @Override
        public @Nullable MasterReplica getMasterReplica() {
            return masterReplica;
        }
    }
}
