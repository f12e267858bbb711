package dev.herald.internal.redis;

import dev.herald.PublishFailedException;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The publish path, of the single-server transport ({@code PUBLISH}) and the cluster's ({@code SPUBLISH}, routed
 * by Lettuce's cluster connection to the slot's master): hands each command to Lettuce as a {@link PublishCommand} that is the caller's stage,
 * unless {@link PendingPublishes too many wait already}, and has the {@link PublishFlusher} send it soon.
 * Publishes issued while disconnected fail at once instead of queueing without bound.
 */
public final class PublishDispatcher {

    private final StatefulConnection<String, byte[]> connection;
    private final CommandType type;
    private final PublishFlusher flusher;
    /** The publishes handed to Lettuce and not yet completed, bounded. */
    private final PendingPublishes pending;

    /**
     * @param connection the publish connection: a server's, or a cluster's (which routes each command by its key)
     * @param type {@code PUBLISH} or {@code SPUBLISH}
     * @param flusher flushes it
     * @param settings the bounds on pending publishes
     */
    public PublishDispatcher(StatefulConnection<String, byte[]> connection, CommandType type, PublishFlusher flusher,
            RedisSettings settings) {
        this.connection = connection;
        this.type = type;
        this.flusher = flusher;
        this.pending = new PendingPublishes(settings.maxPendingPublishes(), settings.maxPendingPublishBytes());
    }

    /**
     * @param channel the full channel name
     * @param payload the message
     * @return the caller's stage, completing with the receiver count
     * @see dev.herald.spi.Transport#publish
     */
    public CompletionStage<Long> publish(String channel, byte[] payload) {
        return dispatch(channel, payload, new IntegerOutput<>(RedisConnector.CODEC), null);
    }

    /**
     * @param channel the full channel name
     * @param payload the message
     * @return the caller's stage, completing with {@code null} once the message was accepted
     * @see dev.herald.spi.Transport#send
     */
    public CompletionStage<Void> send(String channel, byte[] payload) {
        // no receiver count wanted: the command is the stage, with no second one to map it
        return dispatch(channel, payload, new SendOutput(), null);
    }

    /**
     * Fire and forget: as {@link #send}, with no stage for anyone to wait on: the command itself tells
     * {@code onFailure} when it fails, and no callback is attached to it per message.
     *
     * @param channel the full channel name
     * @param payload the message
     * @param onFailure told the failure, once, if it fails
     * @see dev.herald.spi.Transport#sendAndForget
     */
    public void sendAndForget(String channel, byte[] payload, Consumer<? super Throwable> onFailure) {
        dispatch(channel, payload, new SendOutput(), onFailure);
    }

    /**
     * Hands one PUBLISH to Lettuce, unless too many wait already. The command is the caller's stage and
     * gives its room back when it completes; a refusal, a failure before it was written and one after
     * are told apart by its exception type (see {@link PublishCommand}).
     */
    private <T> CompletionStage<T> dispatch(String channel, byte[] payload, CommandOutput<String, byte[], T> output,
            Consumer<? super Throwable> onFailure) {
        long size = (long) payload.length + channel.length();
        if (!pending.tryAcquire(size)) {
            PublishFailedException refused = new PublishFailedException(type + " to '" + channel + "' was not sent: "
                    + pending.describeRefusal(size));
            if (onFailure != null) {
                onFailure.accept(refused);
            }
            return CompletableFuture.failedFuture(refused);
        }
        PublishCommand<T> command = new PublishCommand<>(new Command<>(type, output,
                new CommandArgs<>(RedisConnector.CODEC).addKey(channel).addValue(payload)), channel, pending, size, onFailure);
        try {
            connection.dispatch(command);
        } catch (RuntimeException e) {
            command.completeExceptionally(e);
            return command;
        }
        flusher.flushSoon();
        return command;
    }

    /** @return how many publishes were handed to Lettuce and have not completed */
    long pendingPublishes() {
        return pending.count();
    }

    /** @return the payload and channel bytes of the {@link #pendingPublishes() pending publishes} */
    long pendingPublishBytes() {
        return pending.bytes();
    }

    /** A PUBLISH whose receiver count is dropped. */
    private static final class SendOutput extends CommandOutput<String, byte[], Void> {

        SendOutput() {
            super(RedisConnector.CODEC, null);
        }

        @Override
        public void set(long receivers) {
            // not wanted
        }

        @Override
        public void set(ByteBuffer reply) {
            // PUBLISH answers with an integer; nothing else is wanted either
        }
    }
}
