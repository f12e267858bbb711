package dev.herald.internal.redis.cluster;

import dev.herald.internal.redis.CommandFailure;
import dev.herald.internal.redis.SubscriptionCommands;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * {@code SSUBSCRIBE} and {@code SUNSUBSCRIBE} on one node's pub/sub connection. Its reconciler sends one name per
 * command: a cluster refuses a sharded command whose channels hash to different slots ({@code CROSSSLOT}).
 */
final class ShardedCommands implements SubscriptionCommands {

    private final Supplier<StatefulRedisPubSubConnection<String, byte[]>> connection;

    /** @param connection the node's connection, null until it is made */
    ShardedCommands(Supplier<StatefulRedisPubSubConnection<String, byte[]>> connection) {
        this.connection = connection;
    }

    @Override
    public CompletionStage<?> send(boolean pattern, boolean subscribe, String[] names) {
        StatefulRedisPubSubConnection<String, byte[]> current = connection.get();
        if (pattern || current == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    pattern ? "sharded pub/sub has no patterns" : "the node's pub/sub connection is not made yet"));
        }
        return subscribe ? current.async().ssubscribe(names) : current.async().sunsubscribe(names);
    }

    @Override
    public CommandFailure classify(Throwable failure) {
        return CommandFailure.ofLettuce(failure);
    }

    /**
     * Whether a refusal says that the slot is served elsewhere: the topology moved on, not the channel is wrong.
     *
     * @param failure the refusal, unwrapped
     * @return true for a {@code MOVED} or {@code ASK} redirect
     */
    static boolean redirected(Throwable failure) {
        String message = failure.getMessage();
        return failure instanceof RedisCommandExecutionException && message != null
                && (message.startsWith("MOVED") || message.startsWith("ASK"));
    }
}
