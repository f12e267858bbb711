package dev.herald.plugged;

import dev.herald.internal.memory.InMemoryTransport;
import dev.herald.spi.DeadLetterStore;
import dev.herald.spi.DurableLog;
import dev.herald.spi.Transport;
import dev.herald.spi.TransportHealth;
import dev.herald.spi.TransportListener;
import java.util.Collection;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/** A plugged transport: the in-memory one, with the durable log a test chooses, or none. */
final class DelegatingTransport implements Transport {

    private final InMemoryTransport memory = new InMemoryTransport();
    private final DurableLog durable;

    /** @param durable what {@link #durable()} returns, given the in-memory log; null for a transport without one */
    DelegatingTransport(UnaryOperator<DurableLog> durable) {
        this.durable = durable.apply(memory.durable());
    }

    @Override
    public void start(TransportListener listener) {
        memory.start(listener);
    }

    @Override
    public CompletionStage<Long> publish(String channel, byte[] payload) {
        return memory.publish(channel, payload);
    }

    @Override
    public CompletionStage<Void> subscribe(String channel) {
        return memory.subscribe(channel);
    }

    @Override
    public CompletionStage<Void> unsubscribe(String channel) {
        return memory.unsubscribe(channel);
    }

    @Override
    public CompletionStage<Void> psubscribe(String pattern) {
        return memory.psubscribe(pattern);
    }

    @Override
    public CompletionStage<Void> punsubscribe(String pattern) {
        return memory.punsubscribe(pattern);
    }

    @Override
    public CompletionStage<String> ping() {
        return memory.ping();
    }

    @Override
    public CompletionStage<TransportHealth> health(Collection<String> channels) {
        return memory.health(channels);
    }

    @Override
    public DeadLetterStore deadLetters() {
        return memory.deadLetters();
    }

    @Override
    public DurableLog durable() {
        return durable;
    }

    @Override
    public boolean isIoThread() {
        return false;
    }

    @Override
    public void close() {
        memory.close();
    }

    @Override
    public String description() {
        return "a test transport";
    }
}
