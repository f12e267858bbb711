package dev.herald.bench.e2e;

import dev.herald.bench.model.OrderCreated;
import dev.herald.bench.model.Orders;
import io.lettuce.core.RedisURI;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * Spring Data Redis as a Spring application uses it, outside an application context: a
 * {@link LettuceConnectionFactory} with its defaults, a {@link RedisTemplate} whose value serializer
 * is the benchmark's pre-bound Jackson writer ({@code convertAndSend}, which waits for Redis's reply),
 * and a {@link RedisMessageListenerContainer} with its default executor (a new thread per message),
 * whose listener decodes each body with the pre-bound reader.
 */
final class SpringContender implements Contender {

    private final LettuceConnectionFactory connectionFactory;
    private final RedisTemplate<String, OrderCreated> template;
    private final RedisMessageListenerContainer container;
    private final String channel;
    private final String confirmedChannel;

    SpringContender(String redisUri, String prefix, Sink sink) {
        channel = prefix + Orders.CHANNEL;
        confirmedChannel = prefix + Orders.CONFIRMED_CHANNEL;
        RedisURI uri = RedisURI.create(redisUri);
        connectionFactory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(uri.getHost(), uri.getPort()));
        connectionFactory.afterPropertiesSet();
        connectionFactory.start();

        template = new RedisTemplate<>();
        template.setConnectionFactory(connectionFactory);
        template.setKeySerializer(RedisSerializer.string());
        template.setValueSerializer(new OrderSerializer());
        template.afterPropertiesSet();

        container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connectionFactory);
        container.addMessageListener((message, pattern) -> sink.accept(Orders.decode(message.getBody())),
                new ChannelTopic(channel));
        container.afterPropertiesSet();
        container.start();
    }

    @Override
    public String name() {
        return "Spring Data Redis";
    }

    @Override
    public String description() {
        return "Spring Data Redis RedisTemplate.convertAndSend (synchronous) and RedisMessageListenerContainer, "
                + "LettuceConnectionFactory, defaults";
    }

    @Override
    public void send(OrderCreated order) {
        template.convertAndSend(channel, order);
    }

    @Override
    public void sendConfirmed(OrderCreated order, Acks acks) {
        Throwable failure = null;
        try {
            template.convertAndSend(confirmedChannel, order);
        } catch (RuntimeException e) {
            failure = e;
        }
        acks.accept(null, failure);
    }

    @Override
    public void close() {
        try {
            container.stop();
            container.destroy();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the listener container", e);
        } finally {
            connectionFactory.destroy();
        }
    }

    /** Plain JSON through the benchmark's pre-bound writer and reader. */
    static final class OrderSerializer implements RedisSerializer<OrderCreated> {
        @Override
        public byte[] serialize(OrderCreated value) {
            return Orders.encode(value);
        }

        @Override
        public OrderCreated deserialize(byte[] bytes) {
            return Orders.decode(bytes);
        }
    }
}
