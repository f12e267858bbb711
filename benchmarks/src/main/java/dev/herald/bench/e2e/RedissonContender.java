package dev.herald.bench.e2e;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.herald.bench.model.OrderCreated;
import dev.herald.bench.model.Orders;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.redisson.Redisson;
import org.redisson.api.RShardedTopic;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.BaseCodec;
import org.redisson.client.codec.Codec;
import org.redisson.client.protocol.Decoder;
import org.redisson.client.protocol.Encoder;
import org.redisson.config.Config;

/**
 * Redisson's {@link RTopic} with its default configuration, except the codec: Redisson's own
 * {@code JsonJacksonCodec} adds class information to the JSON, so this one writes and reads through the
 * benchmark's pre-bound Jackson writer and reader, the way Redisson's codecs stream to and from Netty
 * buffers. The bytes on the wire are then the same plain JSON every contender sends.
 *
 * <p>{@link #sharded} makes the cluster variant: Redisson's {@link RShardedTopic} on a Redis Cluster
 * ({@code useClusterServers()} with every node as a seed), the same codec; {@code SPUBLISH} and
 * {@code SSUBSCRIBE}, routed by Redisson to the slot's master.
 */
final class RedissonContender implements Contender {

    private final String name;
    private final String description;
    private final RedissonClient client;
    private final RTopic topic;
    private final RTopic confirmedTopic;

    RedissonContender(String redisUri, String prefix, Sink sink) {
        this("Redisson", "Redisson RTopic, publishAsync and addListener, default config, a plain-JSON Jackson codec",
                singleServer(redisUri), RedissonClient::getTopic, prefix, sink);
    }

    private RedissonContender(String name, String description, RedissonClient client,
            TopicFactory topics, String prefix, Sink sink) {
        this.name = name;
        this.description = description;
        this.client = client;
        OrderCodec codec = new OrderCodec();
        this.topic = topics.topic(client, prefix + Orders.CHANNEL, codec);
        this.confirmedTopic = topics.topic(client, prefix + Orders.CONFIRMED_CHANNEL, codec);
        topic.addListener(OrderCreated.class, (channel, order) -> sink.accept(order));
    }

    /**
     * @param seeds the cluster's nodes, comma-separated
     * @param prefix the prefix of the contender's channels
     * @param sink where received orders go
     * @return Redisson's {@link RShardedTopic} on the cluster
     */
    static RedissonContender sharded(String seeds, String prefix, Sink sink) {
        Config config = new Config();
        config.useClusterServers().addNodeAddress(seeds.split(","));
        return new RedissonContender("Redisson sharded",
                "Redisson RShardedTopic on the cluster, publishAsync and addListener, default config, a plain-JSON "
                        + "Jackson codec",
                Redisson.create(config), RedissonClient::getShardedTopic, prefix, sink);
    }

    private static RedissonClient singleServer(String redisUri) {
        Config config = new Config();
        config.useSingleServer().setAddress(redisUri);
        return Redisson.create(config);
    }

    /** {@code getTopic} or {@code getShardedTopic}. */
    @FunctionalInterface
    private interface TopicFactory {
        RTopic topic(RedissonClient client, String name, Codec codec);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void send(OrderCreated order) {
        topic.publishAsync(order);
    }

    @Override
    public void sendConfirmed(OrderCreated order, Acks acks) {
        confirmedTopic.publishAsync(order).whenComplete(acks);
    }

    @Override
    public void close() {
        client.shutdown();
    }

    /** Plain JSON through the benchmark's pre-bound writer and reader. */
    static final class OrderCodec extends BaseCodec {
        private final ObjectWriter writer = Orders.writer();
        private final ObjectReader reader = Orders.reader();

        private final Encoder encoder = value -> {
            ByteBuf out = ByteBufAllocator.DEFAULT.buffer();
            try {
                writer.writeValue((OutputStream) new ByteBufOutputStream(out), value);
                return out;
            } catch (IOException | RuntimeException e) {
                out.release();
                throw e;
            }
        };

        private final Decoder<Object> decoder =
                (buffer, state) -> reader.readValue((InputStream) new ByteBufInputStream(buffer));

        @Override
        public Decoder<Object> getValueDecoder() {
            return decoder;
        }

        @Override
        public Encoder getValueEncoder() {
            return encoder;
        }
    }
}
