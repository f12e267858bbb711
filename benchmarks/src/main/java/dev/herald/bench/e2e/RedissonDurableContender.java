package dev.herald.bench.e2e;

import dev.herald.bench.model.OrderCreated;
import dev.herald.bench.model.Orders;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.Redisson;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamReadGroupArgs;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.client.codec.StringCodec;
import org.redisson.codec.CompositeCodec;
import org.redisson.config.Config;

/**
 * Redisson's {@link RStream} with a consumer group, its default configuration, and a codec that writes field names
 * as strings and values as bytes, so the entry's field {@value DurableContender#FIELD} holds the same plain JSON
 * every contender appends. The publisher calls {@code addAsync(StreamAddArgs.entry(...))} without waiting; a
 * consumer thread loops on {@code readGroup(group, consumer, neverDelivered().count(100).timeout(1 s))} (Redisson
 * has no listener container for streams), handles the batch on that thread, then acknowledges the batch's ids with
 * one {@code ackAsync}, not awaited.
 *
 * <p>{@code RStream} rather than {@code RReliableTopic}: the reliable topic is a fan-out (every listener gets
 * every message, through a group of its own), wraps each message in Redisson's own encoding, and acknowledges it
 * itself once the listener ran, so no entry could be left pending for the harness to see; a competing consumer
 * group that the application acknowledges, at least once, is what {@code RStream} offers and what Herald's
 * durable channels are.
 */
final class RedissonDurableContender implements DurableContender {

    private static final int COUNT = LettuceDurableContender.COUNT;

    private final String stream;
    private final RedissonClient client;
    private final RStream<String, byte[]> entries;
    private final Thread consumer;
    private final DurableSink sink;
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean running = true;

    RedissonDurableContender(String redisUri, String prefix, DurableSink sink) {
        this.stream = prefix + Orders.CHANNEL;
        this.sink = sink;
        StreamInspector.createGroup(redisUri, stream, GROUP);
        Config config = new Config();
        config.useSingleServer().setAddress(redisUri);
        client = Redisson.create(config);
        entries = client.getStream(stream, new CompositeCodec(StringCodec.INSTANCE, ByteArrayCodec.INSTANCE));
        consumer = new Thread(this::consume, "redisson-durable-consumer");
        consumer.setDaemon(true);
        consumer.start();
    }

    private void consume() {
        StreamReadGroupArgs args = StreamReadGroupArgs.neverDelivered().count(COUNT).timeout(Duration.ofSeconds(1));
        while (running) {
            Map<StreamMessageId, Map<String, byte[]>> batch;
            try {
                batch = entries.readGroup(GROUP, "c1", args);
            } catch (RuntimeException e) {
                if (running) {
                    failed.incrementAndGet();
                }
                continue;
            }
            if (batch == null || batch.isEmpty()) {
                continue;
            }
            StreamMessageId[] ids = new StreamMessageId[batch.size()];
            int i = 0;
            for (Map.Entry<StreamMessageId, Map<String, byte[]>> entry : batch.entrySet()) {
                sink.handle(Orders.decode(entry.getValue().get(FIELD)));
                ids[i++] = entry.getKey();
            }
            entries.ackAsync(GROUP, ids).whenComplete((n, e) -> {
                if (e != null) {
                    failed.incrementAndGet();
                }
            });
        }
    }

    @Override
    public String name() {
        return "Redisson RStream";
    }

    @Override
    public String description() {
        return "Redisson RStream, default config, addAsync (not awaited); a consumer thread loops on readGroup "
                + "neverDelivered().count(" + COUNT + ").timeout(1 s), handles the batch, then one ackAsync per "
                + "batch, not awaited; string field names, byte-array values";
    }

    @Override
    public void append(OrderCreated order) {
        entries.addAsync(StreamAddArgs.entry(FIELD, Orders.encode(order))).whenComplete((id, e) -> {
            if (e != null) {
                failed.incrementAndGet();
            }
        });
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
        client.shutdown();
    }
}
