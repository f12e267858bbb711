package dev.herald.plugged;

import dev.herald.internal.memory.InMemoryTransport;
import dev.herald.spi.DeadLetterStore;
import dev.herald.spi.Transport;
import dev.herald.spi.TransportHealth;
import dev.herald.spi.TransportListener;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A transport defined in test code, plugged with {@code Herald.builder().transport(...)}: it carries messages in
 * memory and lets a test play what a networked transport says (connected, lost, restored, resubscribed) and what
 * its server reports for {@code health()}.
 */
final class ScriptedTransport implements Transport {

    private final InMemoryTransport inner = new InMemoryTransport();
    private volatile TransportListener listener;
    /** Whether the server refuses SUBSCRIBE and PSUBSCRIBE. */
    volatile boolean refuseSubscribes;
    /** Whether the server never acknowledges SUBSCRIBE and PSUBSCRIBE (it still subscribes). */
    volatile boolean neverAcknowledge;
    /** Whether every caller is on the transport's own thread. */
    volatile boolean ioThread;
    /** The subscribe and unsubscribe commands, in the order sent. */
    final List<String> commands = new CopyOnWriteArrayList<>();
    /** What the server reports for health; by default what the in-memory transport holds. */
    volatile Function<Collection<String>, TransportHealth> health;
    /**
     * When set, UNSUBSCRIBE and PUNSUBSCRIBE are acknowledged only once this completes (the server unsubscribes at
     * once); a failed one fails them.
     */
    volatile CompletableFuture<Void> unsubscribeAcks;
    /** When set, every publish fails with it, as a server that could not be reached would make it. */
    volatile RuntimeException failPublishes;
    /** Whether {@link #close()} was called. */
    volatile boolean closed;
    /** How many holds {@link #holdSubscribes()} gave out, and how many of them were released. */
    final AtomicInteger holds = new AtomicInteger();
    final AtomicInteger releases = new AtomicInteger();

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
        RuntimeException failure = failPublishes;
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        return inner.publish(channel, payload);
    }

    private CompletionStage<Void> answer(String command, Supplier<CompletionStage<Void>> call) {
        commands.add(command);
        if (refuseSubscribes) {
            return CompletableFuture.failedFuture(new IllegalStateException("no subscribing here"));
        }
        CompletionStage<Void> done = call.get();
        return neverAcknowledge ? new CompletableFuture<>() : done;
    }

    @Override
    public CompletionStage<Void> subscribe(String channel) {
        return answer("SUBSCRIBE " + channel, () -> inner.subscribe(channel));
    }

    @Override
    public CompletionStage<Void> unsubscribe(String channel) {
        commands.add("UNSUBSCRIBE " + channel);
        return acknowledged(inner.unsubscribe(channel));
    }

    private CompletionStage<Void> acknowledged(CompletionStage<Void> done) {
        CompletableFuture<Void> acks = unsubscribeAcks;
        return acks == null ? done : done.thenCombine(acks, (a, b) -> null);
    }

    @Override
    public CompletionStage<Void> psubscribe(String pattern) {
        return answer("PSUBSCRIBE " + pattern, () -> inner.psubscribe(pattern));
    }

    @Override
    public CompletionStage<Void> punsubscribe(String pattern) {
        commands.add("PUNSUBSCRIBE " + pattern);
        return acknowledged(inner.punsubscribe(pattern));
    }

    @Override
    public CompletionStage<String> ping() {
        return inner.ping();
    }

    @Override
    public CompletionStage<TransportHealth> health(Collection<String> channels) {
        Function<Collection<String>, TransportHealth> scripted = health;
        return scripted == null ? inner.health(channels)
                : CompletableFuture.completedFuture(scripted.apply(channels));
    }

    @Override
    public DeadLetterStore deadLetters() {
        return inner.deadLetters();
    }

    @Override
    public boolean isIoThread() {
        return ioThread;
    }

    @Override
    public Runnable holdSubscribes() {
        holds.incrementAndGet();
        return releases::incrementAndGet;
    }

    @Override
    public void close() {
        closed = true;
        inner.close();
    }

    @Override
    public String description() {
        return "a scripted transport";
    }
}
