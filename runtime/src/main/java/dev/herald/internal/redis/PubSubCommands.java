package dev.herald.internal.redis;

import io.lettuce.core.pubsub.api.async.RedisPubSubAsyncCommands;
import java.util.concurrent.CompletionStage;

/** The subscription commands of the pub/sub connection, sent through Lettuce, and how Lettuce reports their failures. */
final class PubSubCommands implements SubscriptionCommands {

    private final RedisPubSubAsyncCommands<String, byte[]> commands;

    PubSubCommands(RedisPubSubAsyncCommands<String, byte[]> commands) {
        this.commands = commands;
    }

    @Override
    public CompletionStage<?> send(boolean pattern, boolean subscribe, String[] names) {
        if (pattern) {
            return subscribe ? commands.psubscribe(names) : commands.punsubscribe(names);
        }
        return subscribe ? commands.subscribe(names) : commands.unsubscribe(names);
    }

    @Override
    public CommandFailure classify(Throwable failure) {
        return CommandFailure.ofLettuce(failure);
    }
}
