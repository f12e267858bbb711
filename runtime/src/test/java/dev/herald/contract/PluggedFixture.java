package dev.herald.contract;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.spi.Transport;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A transport plugged in with {@code Herald.builder().transport(...)}, one per Herald, and asked through the SPI
 * alone what it holds: a transport that is its own server (in memory, or one defined in test code) needs nothing
 * more.
 *
 * @param <T> the kind of transport
 */
final class PluggedFixture<T extends Transport> implements TransportFixture {

    private final Supplier<T> transports;
    private final Map<HeraldBuilder, T> unbuilt = new IdentityHashMap<>();
    private final Map<Herald, T> built = new IdentityHashMap<>();

    /** @param transports makes a new, unstarted transport for each Herald */
    PluggedFixture(Supplier<T> transports) {
        this.transports = transports;
    }

    @Override
    public synchronized HeraldBuilder builder() {
        T transport = transports.get();
        HeraldBuilder builder = Herald.builder().transport(transport);
        unbuilt.put(builder, transport);
        return builder;
    }

    @Override
    public Herald build(HeraldBuilder builder) {
        T transport;
        synchronized (this) {
            transport = unbuilt.remove(builder);
        }
        if (transport == null) {
            throw new IllegalArgumentException("not a builder of this fixture, or built already");
        }
        Herald herald = builder.build();
        synchronized (this) {
            built.put(herald, transport);
        }
        return herald;
    }

    /** @return the transport a Herald of this fixture runs on */
    synchronized T transportOf(Herald herald) {
        T transport = built.get(herald);
        if (transport == null) {
            throw new IllegalArgumentException("not a Herald of this fixture: " + herald);
        }
        return transport;
    }

    @Override
    public long subscribers(Herald herald, String fullChannel) {
        return answer(transportOf(herald).health(List.of(fullChannel))).subscribers().getOrDefault(fullChannel, 0L);
    }

    @Override
    public int channelsWithSubscribers(Herald herald, String prefix) {
        // the transport serves this Herald alone, so every channel it holds is under the Herald's prefix
        return answer(transportOf(herald).health(List.of())).channels();
    }

    @Override
    public long publish(Herald herald, String fullChannel, byte[] payload) {
        return answer(transportOf(herald).publish(fullChannel, payload));
    }

    /** Closes the transports of builders that were never built; the Heralds close their own. */
    @Override
    public void close() {
        List<T> never;
        synchronized (this) {
            never = new ArrayList<>(unbuilt.values());
            unbuilt.clear();
        }
        never.forEach(Transport::close);
    }

    private static <V> V answer(CompletionStage<V> stage) {
        try {
            return Waiting.done(stage);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while asking the transport", e);
        } catch (Exception e) {
            throw new AssertionError("the transport did not answer: " + e, e);
        }
    }
}
