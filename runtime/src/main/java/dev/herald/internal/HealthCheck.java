package dev.herald.internal;

import dev.herald.Health;
import dev.herald.spi.Transport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@code health()}: what this Herald holds, checked against what the server reports for it, and the
 * outages {@link ConnectionEvents} counted.
 */
final class HealthCheck {

    private final SubscriptionTable table;
    private final Transport transport;
    private final ConnectionEvents events;

    HealthCheck(SubscriptionTable table, Transport transport, ConnectionEvents events) {
        this.table = table;
        this.transport = transport;
        this.events = events;
    }

    CompletionStage<Health> check() {
        SubscriptionTable.Held held = table.held();
        return transport.health(held.channels()).thenApply(server -> {
            Map<String, Boolean> subscribed = new LinkedHashMap<>();
            for (String channel : held.channels()) {
                subscribed.put(channel, server.subscribers().getOrDefault(channel, 0L) > 0);
            }
            return new Health(server.connected(), subscribed, held.channels().size(), server.channels(),
                    held.patterns(), server.patterns(), events.outages(), events.lastOutage());
        });
    }
}
