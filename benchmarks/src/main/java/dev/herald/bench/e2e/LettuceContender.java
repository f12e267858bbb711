package dev.herald.bench.e2e;

import dev.herald.bench.model.OrderCreated;
import dev.herald.bench.model.Orders;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Hand-written Lettuce, what Herald must cost almost nothing over: the pre-bound Jackson writer encodes
 * on the publishing thread and {@code PUBLISH} goes out on a dedicated connection; a pub/sub connection
 * decodes each message with the pre-bound reader on Lettuce's event loop. Lettuce's default client
 * options (no per-command timeout).
 *
 * <p>Batched mode turns auto-flush off and flushes every {@value HandFlush#BATCH} commands, and whenever the
 * publisher is about to wait (a paced publisher going idle, a full window): write coalescing as an
 * application would do it by hand.
 *
 * <p>A diagnostic variant (not in the default run) is the batched one with the client options Herald's
 * transport sets, notably a fixed per-command timeout, which makes Lettuce schedule and cancel a timer
 * task for every PUBLISH: next to "Lettuce batched" it isolates what those options cost.
 */
final class LettuceContender implements Contender {

    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final boolean batched;
    private final boolean heraldOptions;
    private final String channel;
    private final String confirmedChannel;
    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> publishConnection;
    private final RedisAsyncCommands<String, byte[]> publish;
    private final StatefulRedisPubSubConnection<String, byte[]> subscribeConnection;
    private final HandFlush handFlush;

    LettuceContender(String redisUri, String prefix, Sink sink, boolean batched, boolean heraldOptions) {
        this.batched = batched;
        this.heraldOptions = heraldOptions;
        this.channel = prefix + Orders.CHANNEL;
        this.confirmedChannel = prefix + Orders.CONFIRMED_CHANNEL;
        this.client = RedisClient.create(RedisURI.create(redisUri));
        if (heraldOptions) {
            // what dev.herald.internal.redis.RedisSettings.lettuceOptions sets, with Herald's default command timeout
            client.setOptions(ClientOptions.builder()
                    .autoReconnect(true)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .timeoutOptions(TimeoutOptions.builder().fixedTimeout(Duration.ofSeconds(10)).build())
                    .build());
        }
        this.publishConnection = client.connect(CODEC);
        this.publish = publishConnection.async();
        this.handFlush = new HandFlush(publishConnection, batched);
        this.subscribeConnection = client.connectPubSub(CODEC);
        subscribeConnection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, byte[] message) {
                sink.accept(Orders.decode(message));
            }
        });
        subscribeConnection.sync().subscribe(channel);
    }

    @Override
    public String name() {
        if (heraldOptions) {
            return "Lettuce batched, Herald's options";
        }
        return batched ? "Lettuce batched" : "Lettuce autoflush";
    }

    @Override
    public String description() {
        if (heraldOptions) {
            return "raw Lettuce batched as above, with the client options of Herald's RedisTransport "
                    + "(REJECT_COMMANDS, a fixed 10 s timeout on every command)";
        }
        return batched
                ? "raw Lettuce, auto-flush off, flushCommands() every " + HandFlush.BATCH + " commands and before the publisher waits"
                : "raw Lettuce, auto-flush (one write and flush per PUBLISH)";
    }

    @Override
    public void send(OrderCreated order) {
        publish.publish(channel, Orders.encode(order));
        handFlush.written();
    }

    @Override
    public void sendConfirmed(OrderCreated order, Acks acks) {
        publish.publish(confirmedChannel, Orders.encode(order)).whenComplete(acks);
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
