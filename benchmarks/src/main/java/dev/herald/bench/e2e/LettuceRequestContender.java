package dev.herald.bench.e2e;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.herald.bench.model.Orders;
import dev.herald.bench.model.Quote;
import dev.herald.bench.model.QuoteRequest;
import dev.herald.bench.model.Quotes;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request-reply written by hand on raw Lettuce, the way a careful application would without a library, and with
 * Herald's envelope on the wire ({@code {"id":..,"replyTo":..,"payload":..}}, the reply
 * {@code {"id":..,"payload":..}} or {@code {"id":..,"error":{"type":..,"message":..}}}), encoded and decoded with
 * Jackson records through the benchmark's mapper.
 *
 * <p>The requester is one {@link RedisClient} with a command connection for {@code PUBLISH} and one pub/sub
 * connection subscribed once, at start, to a reply channel of its own; pending requests are
 * {@link CompletableFuture}s in a {@link ConcurrentHashMap} keyed by correlation id, removed on reply, on timeout
 * ({@link CompletableFuture#orTimeout}, 10 seconds, as Herald's default) or when {@code PUBLISH} reports no
 * receiver. Replies are decoded and completed on Lettuce's event loop. The responder is a second
 * {@link RedisClient}: a pub/sub connection on the request channel decodes each request on the event loop, prices
 * it and {@code PUBLISH}es the reply to its {@code replyTo} on its own command connection. Every command is
 * asynchronous with Lettuce's default auto-flush (one write and flush per command): no hand batching, which the
 * closed loop, whose next request waits for a reply, would gain little from.
 */
final class LettuceRequestContender implements RequestContender {

    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    private static final long TIMEOUT_SECONDS = 10;

    /** What travels on the request channel. */
    record RequestEnvelope(String id, String replyTo, QuoteRequest payload) {
    }

    /** What travels on a reply channel: a payload or an error. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReplyEnvelope(String id, Quote payload, RemoteError error) {
    }

    /** A responder's failure, as the envelope carries it. */
    record RemoteError(String type, String message) {
    }

    private static final ObjectWriter REQUEST_WRITER = Orders.mapper().writerFor(RequestEnvelope.class);
    private static final ObjectReader REQUEST_READER = Orders.mapper().readerFor(RequestEnvelope.class);
    private static final ObjectWriter REPLY_WRITER = Orders.mapper().writerFor(ReplyEnvelope.class);
    private static final ObjectReader REPLY_READER = Orders.mapper().readerFor(ReplyEnvelope.class);

    private final Requester requester;
    private final Responder responder;

    LettuceRequestContender(String redisUri, String prefix) {
        String channel = prefix + Quotes.CHANNEL;
        this.responder = new Responder(redisUri, channel);
        try {
            this.requester = new Requester(redisUri, channel, prefix + Quotes.CHANNEL + ":replies:" + UUID.randomUUID());
        } catch (RuntimeException e) {
            responder.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "Lettuce by hand";
    }

    @Override
    public String description() {
        return "hand-written on raw Lettuce: one reply-channel subscription per requester, a ConcurrentHashMap of "
                + "CompletableFutures by correlation id (orTimeout 10 s), Herald's JSON envelope through Jackson records; "
                + "the responder decodes, prices and PUBLISHes on Lettuce's event loop; async commands, auto-flush";
    }

    @Override
    public CompletionStage<Quote> request(QuoteRequest request) {
        return requester.request(request);
    }

    @Override
    public String errors() {
        StringBuilder summary = new StringBuilder();
        append(summary, "failed", requester.failed.get());
        append(summary, "lateReplies", requester.late.get());
        append(summary, "undecodable", requester.undecodable.get() + responder.undecodable.get());
        append(summary, "pending", requester.pending.size());
        return summary.toString().strip();
    }

    private static void append(StringBuilder summary, String name, long count) {
        if (count > 0) {
            summary.append(name).append('=').append(count).append(' ');
        }
    }

    @Override
    public void close() {
        try {
            requester.close();
        } finally {
            responder.close();
        }
    }

    /** A responder's error, as the requester's stage fails with it. */
    static final class RemoteFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RemoteFailure(RemoteError error) {
            super(error.type() + ": " + error.message(), null, false, false);
        }
    }

    /** The requesting service. */
    private static final class Requester {
        private final String channel;
        private final String replyChannel;
        private final String idPrefix = Long.toHexString(UUID.randomUUID().getMostSignificantBits()) + "-";
        private final AtomicLong sequence = new AtomicLong();
        private final Map<String, CompletableFuture<Quote>> pending = new ConcurrentHashMap<>();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicLong late = new AtomicLong();
        private final AtomicLong undecodable = new AtomicLong();
        private final RedisClient client;
        private final StatefulRedisConnection<String, byte[]> connection;
        private final RedisAsyncCommands<String, byte[]> commands;
        private final StatefulRedisPubSubConnection<String, byte[]> replies;

        Requester(String redisUri, String channel, String replyChannel) {
            this.channel = channel;
            this.replyChannel = replyChannel;
            this.client = RedisClient.create(RedisURI.create(redisUri));
            this.connection = client.connect(CODEC);
            this.commands = connection.async();
            this.replies = client.connectPubSub(CODEC);
            replies.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String from, byte[] message) {
                    onReply(message);
                }
            });
            replies.sync().subscribe(replyChannel);
        }

        CompletionStage<Quote> request(QuoteRequest request) {
            String id = idPrefix + sequence.incrementAndGet();
            CompletableFuture<Quote> reply = new CompletableFuture<>();
            byte[] message;
            try {
                message = REQUEST_WRITER.writeValueAsBytes(new RequestEnvelope(id, replyChannel, request));
            } catch (IOException e) {
                failed.incrementAndGet();
                reply.completeExceptionally(e);
                return reply;
            }
            pending.put(id, reply);
            reply.orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).whenComplete((quote, failure) -> {
                if (failure instanceof TimeoutException && pending.remove(id, reply)) {
                    failed.incrementAndGet();
                }
            });
            commands.publish(channel, message).whenComplete((receivers, failure) -> {
                if (failure != null) {
                    fail(id, failure);
                } else if (receivers == 0) {
                    fail(id, new IllegalStateException("no responder subscribed to " + channel));
                }
            });
            return reply;
        }

        private void fail(String id, Throwable failure) {
            CompletableFuture<Quote> reply = pending.remove(id);
            if (reply != null) {
                failed.incrementAndGet();
                reply.completeExceptionally(failure);
            }
        }

        private void onReply(byte[] message) {
            ReplyEnvelope envelope;
            try {
                envelope = REPLY_READER.readValue(message);
            } catch (IOException e) {
                undecodable.incrementAndGet();
                return;
            }
            CompletableFuture<Quote> reply = pending.remove(envelope.id());
            if (reply == null) {
                late.incrementAndGet();
            } else if (envelope.error() != null) {
                failed.incrementAndGet();
                reply.completeExceptionally(new RemoteFailure(envelope.error()));
            } else {
                reply.complete(envelope.payload());
            }
        }

        void close() {
            replies.close();
            connection.close();
            client.shutdown(0, 5, TimeUnit.SECONDS);
            IllegalStateException closed = new IllegalStateException("requester closed");
            pending.values().forEach(reply -> reply.completeExceptionally(closed));
            pending.clear();
        }
    }

    /** The responding service. */
    private static final class Responder {
        private final AtomicLong undecodable = new AtomicLong();
        private final RedisClient client;
        private final StatefulRedisConnection<String, byte[]> connection;
        private final RedisAsyncCommands<String, byte[]> commands;
        private final StatefulRedisPubSubConnection<String, byte[]> requests;

        Responder(String redisUri, String channel) {
            this.client = RedisClient.create(RedisURI.create(redisUri));
            this.connection = client.connect(CODEC);
            this.commands = connection.async();
            this.requests = client.connectPubSub(CODEC);
            requests.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String from, byte[] message) {
                    serve(message);
                }
            });
            requests.sync().subscribe(channel);
        }

        private void serve(byte[] message) {
            RequestEnvelope request;
            try {
                request = REQUEST_READER.readValue(message);
            } catch (IOException e) {
                undecodable.incrementAndGet();
                return;
            }
            ReplyEnvelope reply;
            try {
                reply = new ReplyEnvelope(request.id(), Quotes.quote(request.payload()), null);
            } catch (RuntimeException e) {
                reply = new ReplyEnvelope(request.id(), null, new RemoteError(e.getClass().getName(), e.getMessage()));
            }
            try {
                commands.publish(request.replyTo(), REPLY_WRITER.writeValueAsBytes(reply));
            } catch (IOException e) {
                undecodable.incrementAndGet();
            }
        }

        void close() {
            requests.close();
            connection.close();
            client.shutdown(0, 5, TimeUnit.SECONDS);
        }
    }
}
