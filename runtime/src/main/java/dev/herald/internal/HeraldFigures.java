package dev.herald.internal;

import java.time.Duration;

/**
 * The figures of one Herald that its gauges read, each from the part that owns it.
 *
 * @param table the subscriptions and their buffers
 * @param events the outages of the subscription connection
 * @param requests the requests waiting for their reply
 */
record HeraldFigures(SubscriptionTable table, ConnectionEvents events, PendingRequests requests)
        implements Instruments.Figures {

    @Override
    public int subscriptions() {
        return table.subscriptions();
    }

    @Override
    public long buffered() {
        return table.buffered();
    }

    @Override
    public Duration lastOutage() {
        return events.lastOutage();
    }

    @Override
    public int pendingRequests() {
        return requests.pending();
    }
}
