package dev.herald.internal.redis;

import dev.herald.HeraldException;
import dev.herald.spi.DeadLetterStore;
import dev.herald.spi.DeadLetterStore.Letter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The dead letters of a {@link BackgroundRedisTransport}: those of its Redis transport once it is connected;
 * until then every call fails at once, saying why.
 */
final class DeferredDeadLetters implements DeadLetterStore {

    private final Supplier<RedisTransport> connected;
    private final Function<String, HeraldException> notConnected;

    /**
     * @param connected the connected transport, or null until there is one
     * @param notConnected the failure for what cannot be done yet
     */
    DeferredDeadLetters(Supplier<RedisTransport> connected, Function<String, HeraldException> notConnected) {
        this.connected = connected;
        this.notConnected = notConnected;
    }

    @Override
    public CompletionStage<Void> append(String name, Letter letter, Bounds bounds) {
        RedisTransport transport = connected.get();
        return transport != null ? transport.deadLetters().append(name, letter, bounds)
                : CompletableFuture.failedFuture(notConnected.apply("keep a dead letter"));
    }

    @Override
    public CompletionStage<List<Letter>> read(String name, int max) {
        RedisTransport transport = connected.get();
        return transport != null ? transport.deadLetters().read(name, max)
                : CompletableFuture.failedFuture(notConnected.apply("read dead letters"));
    }

    @Override
    public CompletionStage<Long> delete(String name, List<String> ids) {
        RedisTransport transport = connected.get();
        return transport != null ? transport.deadLetters().delete(name, ids)
                : CompletableFuture.failedFuture(notConnected.apply("delete dead letters"));
    }
}
