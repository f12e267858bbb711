package dev.herald.internal.redis;

import dev.herald.spi.TransportHealth;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;

/**
 * The transport's health as the server sees it: the pub/sub connection's subscription counts from
 * {@code CLIENT LIST} (found by the client name it reconnects with) and each channel's subscribers from
 * {@code PUBSUB NUMSUB}, both asked on the publish connection.
 */
final class HealthProbe {

    private final RedisAsyncCommands<String, byte[]> commands;
    private final PublishFlusher flusher;
    private final BooleanSupplier subscriberConnected;
    private final String subscriberName;

    /**
     * @param commands the publish connection's commands
     * @param flusher flushes them
     * @param subscriberConnected whether the pub/sub connection is open now
     * @param subscriberName the pub/sub connection's client name
     */
    HealthProbe(RedisAsyncCommands<String, byte[]> commands, PublishFlusher flusher, BooleanSupplier subscriberConnected,
            String subscriberName) {
        this.commands = commands;
        this.flusher = flusher;
        this.subscriberConnected = subscriberConnected;
        this.subscriberName = subscriberName;
    }

    /** @see dev.herald.spi.Transport#health */
    CompletionStage<TransportHealth> health(Collection<String> channels) {
        boolean connected = subscriberConnected.getAsBoolean();
        CompletionStage<Map<String, Long>> subscribers = channels.isEmpty()
                ? CompletableFuture.completedFuture(Map.of())
                : commands.pubsubNumsub(channels.toArray(new String[0]));
        CompletionStage<String> clientList = commands.clientList();
        flusher.flushSoon();
        return clientList.thenCombine(subscribers, (clients, counts) -> {
            int subs = 0;
            int psubs = 0;
            for (String line : clients.split("\n")) {
                if (line.contains(" name=" + subscriberName + " ")) {
                    subs = field(line, "sub");
                    psubs = field(line, "psub");
                }
            }
            return new TransportHealth(connected, subs, psubs, counts);
        });
    }

    private static int field(String clientLine, String name) {
        for (String field : clientLine.split(" ")) {
            if (field.startsWith(name + "=")) {
                return Integer.parseInt(field.substring(name.length() + 1));
            }
        }
        return 0;
    }
}
