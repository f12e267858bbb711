package dev.herald.bench.e2e;

import dev.herald.bench.model.OrderCreated;
import dev.herald.bench.model.Orders;
import org.redisson.Redisson;
import org.redisson.api.RShardedTopic;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * Redisson's {@link RShardedTopic} on a Redis Cluster ({@code useClusterServers()} with every node as a seed),
 * default configuration except the codec, which is {@link RedissonContender.OrderCodec}: the same plain JSON
 * every contender sends. {@code SPUBLISH} and {@code SSUBSCRIBE}, routed by Redisson to the slot's master.
 */
final class RedissonShardedContender implements Contender {

    private final RedissonClient client;
    private final RShardedTopic topic;
    private final RShardedTopic confirmedTopic;

    RedissonShardedContender(String seeds, String prefix, Sink sink) {
        Config config = new Config();
        config.useClusterServers().addNodeAddress(seeds.split(","));
        this.client = Redisson.create(config);
        RedissonContender.OrderCodec codec = new RedissonContender.OrderCodec();
        this.topic = client.getShardedTopic(prefix + Orders.CHANNEL, codec);
        this.confirmedTopic = client.getShardedTopic(prefix + Orders.CONFIRMED_CHANNEL, codec);
        topic.addListener(OrderCreated.class, (channel, order) -> sink.accept(order));
    }

    @Override
    public String name() {
        return "Redisson sharded";
    }

    @Override
    public String description() {
        return "Redisson RShardedTopic on the cluster, publishAsync and addListener, default config, a plain-JSON "
                + "Jackson codec";
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
}
