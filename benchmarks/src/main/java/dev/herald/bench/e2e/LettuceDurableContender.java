package dev.herald.bench.e2e;

import dev.herald.bench.model.Orders;
import dev.herald.bench.model.OrderCreated;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Raw Lettuce streams batched by hand, what Herald's durable channels must come close to: {@code XADD} of the
 * pre-bound writer's JSON in the field {@value DurableContender#FIELD} on a publishing connection with auto-flush
 * off, flushed every {@value HandFlush#BATCH} commands and before the publisher waits (as {@link LettuceContender}
 * batches {@code PUBLISH}); a consumer thread on its own connection (a blocking {@code XREADGROUP} stalls every
 * other command of its connection) loops on {@code XREADGROUP GROUP bench c1 COUNT 100 BLOCK 1000 STREAMS key >},
 * decodes and handles the batch on that thread (never on Lettuce's event loop), then sends one {@code XACK} with
 * the batch's ids without waiting for it: the next {@code XREADGROUP} follows it on the same connection.
 *
 * <p>A diagnostic variant (not in the default run) never acknowledges: it shows that the harness reports what a
 * contender leaves pending.
 */
final class LettuceDurableContender implements DurableContender {

    /** Entries per {@code XREADGROUP}. */
    static final int COUNT = 100;

    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    private static final Duration BLOCK = Duration.ofSeconds(1);

    private final String stream;
    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> publishConnection;
    private final RedisAsyncCommands<String, byte[]> publish;
    private final HandFlush handFlush;
    private final StatefulRedisConnection<String, byte[]> consumeConnection;
    private final Thread consumer;
    private final DurableSink sink;
    private final boolean acknowledge;
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean running = true;

    LettuceDurableContender(String redisUri, String prefix, DurableSink sink) {
        this(redisUri, prefix, sink, true);
    }

    /**
     * @param acknowledge {@code false} for the diagnostic variant that never sends {@code XACK}
     */
    LettuceDurableContender(String redisUri, String prefix, DurableSink sink, boolean acknowledge) {
        this.stream = prefix + Orders.CHANNEL;
        this.sink = sink;
        this.acknowledge = acknowledge;
        StreamInspector.createGroup(redisUri, stream, GROUP);
        this.client = RedisClient.create(RedisURI.create(redisUri));
        this.publishConnection = client.connect(CODEC);
        this.publish = publishConnection.async();
        this.handFlush = new HandFlush(publishConnection, true);
        this.consumeConnection = client.connect(CODEC);
        this.consumer = new Thread(this::consume, "lettuce-durable-consumer");
        consumer.setDaemon(true);
        consumer.start();
    }

    private void consume() {
        RedisCommands<String, byte[]> redis = consumeConnection.sync();
        RedisAsyncCommands<String, byte[]> async = consumeConnection.async();
        Consumer<String> me = Consumer.from(GROUP, "c1");
        XReadArgs args = XReadArgs.Builder.count(COUNT).block(BLOCK);
        // built once: a varargs call would make a generic array per read
        @SuppressWarnings({"unchecked", "rawtypes"})
        XReadArgs.StreamOffset<String>[] offset = new XReadArgs.StreamOffset[] {XReadArgs.StreamOffset.lastConsumed(stream)};
        while (running) {
            List<StreamMessage<String, byte[]>> batch;
            try {
                batch = redis.xreadgroup(me, args, offset);
            } catch (RuntimeException e) {
                if (running) {
                    failed.incrementAndGet();
                }
                continue;
            }
            if (batch.isEmpty()) {
                continue;
            }
            String[] ids = new String[batch.size()];
            for (int i = 0; i < ids.length; i++) {
                StreamMessage<String, byte[]> message = batch.get(i);
                Map<String, byte[]> body = message.getBody();
                sink.handle(Orders.decode(body.get(FIELD)));
                ids[i] = message.getId();
            }
            if (!acknowledge) {
                continue;
            }
            async.xack(stream, GROUP, ids).whenComplete((n, e) -> {
                if (e != null) {
                    failed.incrementAndGet();
                }
            });
        }
    }

    @Override
    public String name() {
        return acknowledge ? "Lettuce streams by hand" : "Lettuce streams, never acknowledged";
    }

    @Override
    public String description() {
        return "raw Lettuce: XADD with auto-flush off, flushCommands() every " + HandFlush.BATCH + " commands and before "
                + "the publisher waits; a consumer thread on its own connection loops on XREADGROUP COUNT " + COUNT
                + " BLOCK 1000, handles the batch on that thread, then "
                + (acknowledge ? "one XACK per batch, not awaited" : "never XACK (diagnostic)");
    }

    @Override
    public void append(OrderCreated order) {
        publish.xadd(stream, Map.of(FIELD, Orders.encode(order))).whenComplete((id, e) -> {
            if (e != null) {
                failed.incrementAndGet();
            }
        });
        handFlush.written();
    }

    @Override
    public void flush() {
        handFlush.flush();
    }

    @Override
    public String errors() {
        long n = failed.get();
        return n == 0 ? "" : n + " commands failed";
    }

    @Override
    public void close() {
        running = false;
        try {
            consumer.join(TimeUnit.SECONDS.toMillis(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumeConnection.close();
        publishConnection.close();
        client.shutdown(0, 5, TimeUnit.SECONDS);
    }
}
