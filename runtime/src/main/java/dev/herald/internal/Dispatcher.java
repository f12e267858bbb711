package dev.herald.internal;

import dev.herald.spi.TransportListener;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the transport tells Herald, taken on the transport's thread: each message goes to the buffers of
 * its channel's or pattern's subscriptions (no lock, no decoding here), and connection events go to the
 * {@link ConnectionEvents}. A message for several subscriptions of a channel goes to them as one
 * {@link SharedPayload}, so that it is decoded once when its payload type allows.
 */
final class Dispatcher implements TransportListener {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final SubscriptionTable table;
    private final ConnectionEvents events;
    private final Executor callbacks;
    private final long startedAt = System.nanoTime();

    Dispatcher(SubscriptionTable table, ConnectionEvents events, Executor callbacks) {
        this.table = table;
        this.events = events;
        this.callbacks = callbacks;
    }

    @Override
    public void onConnected() {
        Duration waited = Duration.ofNanos(System.nanoTime() - startedAt);
        callbacks.execute(() -> {
            LOG.info("Herald: connected to Redis {} ms after start", waited.toMillis());
            events.notifyListener(listener -> listener.onConnected(waited));
        });
    }

    @Override
    public void onConnectionLost() {
        events.lost();
    }

    @Override
    public void onConnectionRestored() {
        events.restored();
    }

    @Override
    public void onResubscribed(int channels, int patterns) {
        events.resubscribed(channels, patterns);
    }

    @Override
    public void onMessage(String channel, byte[] payload) {
        Registry.Entry entry = table.channel(channel);
        if (entry == null) {
            return;
        }
        Iterator<Delivery<?>> deliveries = entry.deliveries.iterator(); // a snapshot
        if (!deliveries.hasNext()) {
            return;
        }
        Delivery<?> first = deliveries.next();
        if (!first.sharesDecoded || !deliveries.hasNext()) {
            // one subscription, or a payload type each decodes for itself: the bytes alone, nothing to share
            first.offer(payload);
            while (deliveries.hasNext()) {
                deliveries.next().offer(payload);
            }
            return;
        }
        // several subscriptions: one of them decodes, the others take its value
        SharedPayload shared = new SharedPayload(payload);
        first.offer(shared);
        do {
            deliveries.next().offer(shared);
        } while (deliveries.hasNext());
    }

    @Override
    public void onPatternMessage(String pattern, String channel, byte[] payload) {
        Registry.Entry entry = table.pattern(pattern);
        if (entry != null) {
            for (Delivery<?> delivery : entry.deliveries) {
                delivery.offer(channel, payload);
            }
        }
    }
}
