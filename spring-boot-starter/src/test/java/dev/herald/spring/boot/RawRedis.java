package dev.herald.spring.boot;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A plain Lettuce subscriber and publisher, to see the bytes on the wire and to publish as another service would. */
final class RawRedis implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisPubSubConnection<String, String> subscriber;
    final List<String> received = new CopyOnWriteArrayList<>();

    RawRedis(String uri) {
        client = RedisClient.create(uri);
        subscriber = client.connectPubSub();
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                received.add(channel + " " + message);
            }
        });
    }

    RawRedis subscribe(String... channels) {
        subscriber.sync().subscribe(channels);
        return this;
    }

    long publish(String channel, String message) {
        try (var connection = client.connect()) {
            return connection.sync().publish(channel, message);
        }
    }

    @Override
    public void close() {
        subscriber.close();
        client.shutdown();
    }
}
