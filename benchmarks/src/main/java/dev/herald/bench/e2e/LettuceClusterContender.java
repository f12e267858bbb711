package dev.herald.bench.e2e;

import dev.herald.bench.model.OrderCreated;
import dev.herald.bench.model.Orders;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.pubsub.RedisClusterPubSubAdapter;
import io.lettuce.core.cluster.pubsub.StatefulRedisClusterPubSubConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Hand-written Lettuce on a Redis Cluster, batched as {@link LettuceContender}'s batched mode is: a
 * {@link RedisClusterClient} connection with auto-flush off, {@code flushCommands()} every
 * {@value HandFlush#BATCH} commands and before the publisher waits. Sharded: {@code SPUBLISH}, which
 * Lettuce routes to the slot's master, and {@code SSUBSCRIBE} on a cluster pub/sub connection (routed to the
 * same master), each message decoded with the pre-bound reader on Lettuce's event loop. Classic (a diagnostic,
 * not run by default): {@code PUBLISH} and {@code SUBSCRIBE} through the same client.
 */
final class LettuceClusterContender implements Contender {

    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final boolean sharded;
    private final String channel;
    private final String confirmedChannel;
    private final RedisClusterClient client;
    private final StatefulRedisClusterConnection<String, byte[]> publishConnection;
    private final RedisAdvancedClusterAsyncCommands<String, byte[]> publish;
    private final StatefulRedisClusterPubSubConnection<String, byte[]> subscribeConnection;
    private final HandFlush handFlush;

    LettuceClusterContender(String seeds, String prefix, Sink sink, boolean sharded) {
        this.sharded = sharded;
        this.channel = prefix + Orders.CHANNEL;
        this.confirmedChannel = prefix + Orders.CONFIRMED_CHANNEL;
        this.client = RedisClusterClient.create(Arrays.stream(seeds.split(",")).map(RedisURI::create).toList());
        this.publishConnection = client.connect(CODEC);
        this.publish = publishConnection.async();
        this.handFlush = new HandFlush(publishConnection, true);
        this.subscribeConnection = client.connectPubSub(CODEC);
        subscribeConnection.setNodeMessagePropagation(true);
        subscribeConnection.addListener(new RedisClusterPubSubAdapter<>() {
            @Override
            public void message(RedisClusterNode node, String channel, byte[] message) {
                sink.accept(Orders.decode(message));
            }

            @Override
            public void smessage(RedisClusterNode node, String channel, byte[] message) {
                sink.accept(Orders.decode(message));
            }
        });
        if (sharded) {
            subscribeConnection.sync().ssubscribe(channel);
        } else {
            subscribeConnection.sync().subscribe(channel);
        }
    }

    @Override
    public String name() {
        return sharded ? "Lettuce sharded" : "Lettuce classic";
    }

    @Override
    public String description() {
        return "raw Lettuce RedisClusterClient, auto-flush off, flushCommands() every " + HandFlush.BATCH
                + " commands and before the publisher waits, "
                + (sharded ? "SPUBLISH / SSUBSCRIBE" : "classic PUBLISH / SUBSCRIBE");
    }

    @Override
    public void send(OrderCreated order) {
        if (sharded) {
            publish.spublish(channel, Orders.encode(order));
        } else {
            publish.publish(channel, Orders.encode(order));
        }
        handFlush.written();
    }

    @Override
    public void sendConfirmed(OrderCreated order, Acks acks) {
        (sharded ? publish.spublish(confirmedChannel, Orders.encode(order))
                : publish.publish(confirmedChannel, Orders.encode(order))).whenComplete(acks);
        handFlush.written();
    }

    @Override
    public void flush() {
        handFlush.flush();
    }

    @Override
    public void close() {
        subscribeConnection.close();
        publishConnection.close();
        client.shutdown(0, 5, TimeUnit.SECONDS);
    }
}
