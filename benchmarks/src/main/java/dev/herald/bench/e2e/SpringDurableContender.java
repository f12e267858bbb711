package dev.herald.bench.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.herald.bench.model.OrderCreated;
import dev.herald.bench.model.Orders;
import io.lettuce.core.RedisURI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.stream.StreamMessageListenerContainer;
import org.springframework.data.redis.stream.Subscription;

/**
 * Spring Data Redis streams as its reference documentation shows them, outside an application context: a
 * {@link LettuceConnectionFactory} and a {@link StringRedisTemplate} with their defaults; the publisher calls
 * {@code opsForStream().add(...)} (synchronous: one round trip per {@code XADD}) with the pre-bound writer's JSON
 * in the field {@value DurableContender#FIELD}; a {@link StreamMessageListenerContainer} with its default options
 * (its own polling thread, {@code XREADGROUP} without {@code COUNT}, {@code BLOCK} 2 s) delivers each
 * {@code MapRecord} to a listener that decodes it, handles it, and acknowledges it with
 * {@code opsForStream().acknowledge(group, record)}, as the documentation's consumer-group example does.
 * With the factory's defaults (a shared native connection, no pool) each blocking {@code XREADGROUP} of the
 * container runs on a dedicated connection opened for it and closed after it: the harness's Redis saw about 125
 * new connections a second while this contender ran. A Spring Boot application without commons-pool2 gets the
 * same. {@code receiveAutoAck} is not used: it reads with {@code NOACK}, which acknowledges on delivery, before the
 * handler ran, so a crash loses the entry (at most once).
 */
final class SpringDurableContender implements DurableContender {

    private final String stream;
    private final LettuceConnectionFactory connectionFactory;
    private final StringRedisTemplate template;
    private final StreamMessageListenerContainer<String, MapRecord<String, String, String>> container;
    private final Subscription subscription;
    private final AtomicLong failed = new AtomicLong();

    SpringDurableContender(String redisUri, String prefix, DurableSink sink) {
        stream = prefix + Orders.CHANNEL;
        StreamInspector.createGroup(redisUri, stream, GROUP);
        RedisURI uri = RedisURI.create(redisUri);
        connectionFactory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(uri.getHost(), uri.getPort()));
        connectionFactory.afterPropertiesSet();
        connectionFactory.start();
        template = new StringRedisTemplate(connectionFactory);

        container = StreamMessageListenerContainer.create(connectionFactory);
        subscription = container.receive(Consumer.from(GROUP, "c1"),
                StreamOffset.create(stream, ReadOffset.lastConsumed()),
                record -> {
                    try {
                        sink.handle(Orders.reader().readValue(record.getValue().get(FIELD)));
                    } catch (JsonProcessingException e) {
                        failed.incrementAndGet();
                        return;
                    }
                    template.opsForStream().acknowledge(GROUP, record);
                });
        container.start();
    }

    @Override
    public String name() {
        return "Spring Data Redis";
    }

    @Override
    public String description() {
        return "Spring Data Redis StringRedisTemplate.opsForStream().add (synchronous) and a "
                + "StreamMessageListenerContainer with its defaults, receive(Consumer, lastConsumed) and "
                + "opsForStream().acknowledge per record (synchronous), LettuceConnectionFactory, defaults (no pool: each "
                + "blocking XREADGROUP opens a dedicated connection)";
    }

    @Override
    public void append(OrderCreated order) {
        String json;
        try {
            json = Orders.writer().writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        try {
            template.opsForStream().add(StreamRecords.string(Map.of(FIELD, json)).withStreamKey(stream));
        } catch (RuntimeException e) {
            failed.incrementAndGet();
        }
    }

    @Override
    public String errors() {
        long n = failed.get();
        return n == 0 ? "" : n + " failed";
    }

    @Override
    public void close() {
        try {
            subscription.cancel();
            container.stop();
        } finally {
            connectionFactory.destroy();
        }
    }
}
