package dev.herald.internal.memory;

import java.util.LinkedHashSet;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/** A consumer group of an in-memory stream: where it has read to, what is pending for whom, its consumers. */
final class MemoryGroup {

    /** An entry delivered and not acknowledged. */
    static final class Pending {
        String consumer;
        long deliveries;
        long deliveredAt;

        Pending(String consumer, long deliveredAt) {
            this.consumer = consumer;
            this.deliveries = 1;
            this.deliveredAt = deliveredAt;
        }

        /** Delivers it again, to {@code to}: counted, and idle from now. */
        void redeliver(String to, long now) {
            consumer = to;
            deliveries++;
            deliveredAt = now;
        }
    }

    StreamId lastDelivered = StreamId.ZERO;
    final NavigableMap<StreamId, Pending> pending = new TreeMap<>();
    final Set<String> consumers = new LinkedHashSet<>();
}
