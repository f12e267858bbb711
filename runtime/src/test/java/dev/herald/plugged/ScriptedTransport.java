package dev.herald.plugged;

import dev.herald.internal.memory.InMemoryTransport;
import dev.herald.spi.DeadLetterStore;
import dev.herald.spi.Transport;
import dev.herald.spi.TransportHealth;
import dev.herald.spi.TransportListener;
import java.util.Collection;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A transport defined in test code, plugged with {@code Herald.builder().transport(...)}: it carries messages in
 * memory and lets a test play what a networked transport says (connected, lost, restored, resubscribed) and what
 * its server reports for {@code health()}.
 */
final class ScriptedTransport implements Transport {

    private final InMemoryTransport inner = new InMemoryTransport();
    private volatile TransportListener listener;
    /** What the server reports for health; by default what the in-memory transport holds. */
    volatile Function<Collection<String>, TransportHealth> health;

    @Override
    public void start(TransportListener listener) {
        this.listener = listener;
        inner.start(listener);
    }

    /** @return what Herald gave the transport to tell it what happens */
    TransportListener listener() {
        return listener;
    }

    @Override
    public CompletionStage<Long> publish(String channel, byte[] payload) {
        return inner.publish(channel, payload);
    }

    @Override
    public CompletionStage<Void> subscribe(String channel) {
        return inner.subscribe(channel);
    }

    @Override
    public CompletionStage<Void> unsubscribe(String channel) {
        return inner.unsubscribe(channel);
    }

    @Override
    public CompletionStage<Void> psubscribe(String pattern) {
        return inner.psubscribe(pattern);
    }

    @Override
    public CompletionStage<Void> punsubscribe(String pattern) {
        return inner.punsubscribe(pattern);
    }

    @Override
    public CompletionStage<String> ping() {
        return inner.ping();
    }

    @Override
    public CompletionStage<TransportHealth> health(Collection<String> channels) {
        Function<Collection<String>, TransportHealth> scripted = health;
        return scripted == null ? inner.health(channels)
                : java.util.concurrent.CompletableFuture.completedFuture(scripted.apply(channels));
    }

    @Override
    public DeadLetterStore deadLetters() {
        return inner.deadLetters();
    }

    @Override
    public boolean isIoThread() {
        return false;
    }

    @Override
    public void close() {
        inner.close();
    }

    @Override
    public String description() {
        return "a scripted transport";
    }
}
