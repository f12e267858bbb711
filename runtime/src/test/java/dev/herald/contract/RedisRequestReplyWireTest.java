package dev.herald.contract;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.Health;
import dev.herald.Herald;
import dev.herald.RemoteHandlerException;
import dev.herald.RequestChannel;
import dev.herald.contract.RequestReplyContract.Quote;
import dev.herald.contract.RequestReplyContract.QuoteRequest;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import dev.herald.testing.RedisServerExtension.Dedicated;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The request-reply wire as the README documents it, spoken by a client that knows nothing of Herald: plain
 * Lettuce and a JSON library. A raw responder answers a Herald requester, a raw requester gets Herald's answer,
 * and after a Redis restart the Herald's one reply subscription is live again.
 */
@ExtendWith(RedisServerExtension.class)
class RedisRequestReplyWireTest {

    private static final Duration WAIT = Waiting.WAIT;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String prefix = "w" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private <T extends AutoCloseable> T opened(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    private Herald herald(RedisServer redis) {
        return opened(Herald.builder().redis(redis.uri()).channelPrefix(prefix).build());
    }

    private io.lettuce.core.RedisClient lettuce(RedisServer redis) {
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(redis.uri());
        opened.add(client::shutdown);
        return client;
    }

    /**
     * A responder written from the documentation: it reads {@code id}, {@code replyTo} and {@code payload} of each
     * request and publishes {@code {"id":..,"payload":..}} or {@code {"id":..,"error":{"type":..,"message":..}}}
     * to {@code replyTo} as is. Its replies put the fields in another order and add one Herald does not know.
     */
    private void rawResponder(RedisServer redis, String fullChannel) throws Exception {
        io.lettuce.core.RedisClient client = lettuce(redis);
        StatefulRedisConnection<String, String> publisher = client.connect();
        StatefulRedisPubSubConnection<String, String> subscriber = client.connectPubSub();
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                try {
                    JsonNode request = JSON.readTree(message);
                    String id = request.get("id").asText();
                    JsonNode payload = request.get("payload");
                    String reply = payload.get("quantity").asInt() == 0
                            ? "{\"error\":{\"message\":\"quantity 0\",\"type\":\"python.ValueError\"},\"id\":"
                                    + JSON.writeValueAsString(id) + "}"
                            : "{\"payload\":{\"price\":" + payload.get("quantity").asInt() * 2 + ",\"sku\":"
                                    + JSON.writeValueAsString(payload.get("sku").asText()) + "},\"server\":\"raw\",\"id\":"
                                    + JSON.writeValueAsString(id) + "}";
                    publisher.async().publish(request.get("replyTo").asText(), reply);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        subscriber.sync().subscribe(fullChannel);
    }

    @Test
    void aResponderWrittenWithRawLettuceAnswersAHeraldRequester(RedisServer redis) throws Exception {
        rawResponder(redis, prefix + "price:quote");
        RequestChannel<QuoteRequest, Quote> quotes = herald(redis).requests(RequestReplyContract.QUOTE);

        assertEquals(new Quote("sku-1", new BigDecimal("6")), Waiting.done(quotes.request(new QuoteRequest("sku-1", 3))));
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> Waiting.done(quotes.request(new QuoteRequest("sku-1", 0))));
        RemoteHandlerException remote = assertInstanceOf(RemoteHandlerException.class, failed.getCause());
        assertEquals("python.ValueError", remote.remoteType());
        assertEquals("quantity 0", remote.remoteMessage());
    }

    @Test
    void aRequesterWrittenWithRawLettuceGetsTheAnswerOfAHeraldResponder(RedisServer redis) throws Exception {
        Herald herald = herald(redis);
        RequestChannel<QuoteRequest, Quote> quotes = herald.requests(RequestReplyContract.QUOTE);
        quotes.respond(request -> {
            if (request.quantity() == 0) {
                throw new IllegalArgumentException("quantity 0");
            }
            return new Quote(request.sku(), BigDecimal.valueOf(request.quantity()));
        });

        io.lettuce.core.RedisClient client = lettuce(redis);
        StatefulRedisConnection<String, String> publisher = client.connect();
        StatefulRedisPubSubConnection<String, String> subscriber = client.connectPubSub();
        BlockingQueue<String> replies = new LinkedBlockingQueue<>();
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                replies.add(message);
            }
        });
        String replyTo = "raw-client:replies"; // no prefix: the responder replies on it as is
        subscriber.sync().subscribe(replyTo);

        // fields in another order, and one Herald does not know
        assertEquals(1L, publisher.sync().publish(prefix + "price:quote",
                "{\"payload\":{\"sku\":\"sku-7\",\"quantity\":4},\"trace\":[1,2],\"replyTo\":\"" + replyTo
                        + "\",\"id\":\"r-1\"}"));
        JsonNode reply = JSON.readTree(Waiting.take(replies));
        assertEquals("r-1", reply.get("id").asText());
        assertEquals(JSON.readTree("{\"sku\":\"sku-7\",\"price\":4}"), reply.get("payload"));
        assertFalse(reply.has("error"));

        publisher.sync().publish(prefix + "price:quote",
                "{\"id\":\"r-2\",\"replyTo\":\"" + replyTo + "\",\"payload\":{\"sku\":\"sku-7\",\"quantity\":0}}");
        JsonNode error = JSON.readTree(Waiting.take(replies));
        assertEquals(JSON.readTree("{\"id\":\"r-2\",\"error\":{\"type\":\"java.lang.IllegalArgumentException\","
                + "\"message\":\"quantity 0\"}}"), error, "exactly the documented fields, no stack");
    }

    @Test
    void afterARedisRestartTheReplySubscriptionIsLiveAgain(@Dedicated RedisServer redis) throws Exception {
        Herald herald = opened(Herald.builder().redis(redis.uri()).channelPrefix(prefix)
                .commandTimeout(Duration.ofSeconds(5)).build());
        RequestChannel<QuoteRequest, Quote> quotes = herald.requests(RequestReplyContract.QUOTE)
                .withTimeout(Duration.ofSeconds(2));
        quotes.respond(request -> new Quote(request.sku(), BigDecimal.ONE));
        assertEquals(new Quote("before", BigDecimal.ONE), Waiting.done(quotes.request(new QuoteRequest("before", 1))));

        redis.kill();
        redis.restart(); // empty: no subscriber until Herald resubscribes

        await().atMost(WAIT).ignoreExceptions().until(() -> new Quote("after", BigDecimal.ONE)
                .equals(quotes.request(new QuoteRequest("after", 1)).toCompletableFuture().get(5, TimeUnit.SECONDS)));
        Health health = Waiting.done(herald.health());
        assertEquals(2, health.serverChannels(), "the request channel and the one reply channel: " + health);
        assertTrue(health.channels().keySet().stream().anyMatch(c -> c.startsWith(prefix + "herald:reply:")),
                health.toString());
        assertTrue(health.healthy(), health.toString());
    }
}
