package dev.herald.bench.e2e;

import dev.herald.Herald;
import dev.herald.HeraldError;
import dev.herald.Subscription;
import dev.herald.bench.model.ConfirmedOrderEventsPublisher;
import dev.herald.bench.model.OrderCreated;
import dev.herald.bench.model.OrderEventsPublisher;
import dev.herald.bench.model.OrderEventsSubscriber;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Herald as a user writes it: the builder with its defaults (plus the contender's channel prefix, which
 * Herald applies once when it binds a channel), the generated
 * {@code OrderEventsPublisher} (fire-and-forget) and {@code ConfirmedOrderEventsPublisher} (a stage per
 * publish), and the generated {@code OrderEventsSubscriber}, whose handler runs on Herald's threads. The
 * error handler only counts, so that dropped or failed messages show up in the report.
 */
final class HeraldContender implements Contender {

    private final Herald herald;
    private final OrderEventsPublisher publisher;
    private final ConfirmedOrderEventsPublisher confirmed;
    private final Subscription subscription;
    private final Map<HeraldError.Kind, AtomicLong> errors = new EnumMap<>(HeraldError.Kind.class);

    HeraldContender(String redisUri, String prefix, Sink sink) {
        for (HeraldError.Kind kind : HeraldError.Kind.values()) {
            errors.put(kind, new AtomicLong());
        }
        this.herald = Herald.builder()
                .redis(redisUri)
                .channelPrefix(prefix)
                .errorHandler(error -> errors.get(error.kind()).incrementAndGet())
                .build();
        this.publisher = new OrderEventsPublisher(herald);
        this.confirmed = new ConfirmedOrderEventsPublisher(herald);
        this.subscription = new OrderEventsSubscriber(herald).orderCreated(sink::accept);
    }

    @Override
    public String name() {
        return "Herald";
    }

    @Override
    public String description() {
        return "Herald typed channels: generated publisher (void / CompletionStage<Void>) and subscriber, default settings";
    }

    @Override
    public void send(OrderCreated order) {
        publisher.orderCreated(order);
    }

    @Override
    public void sendConfirmed(OrderCreated order, Acks acks) {
        confirmed.orderCreated(order).whenComplete(acks);
    }

    /** @return the errors Herald reported, by kind, and the messages the subscription dropped */
    String errorSummary() {
        StringBuilder summary = new StringBuilder();
        errors.forEach((kind, count) -> {
            if (count.get() > 0) {
                summary.append(kind).append('=').append(count.get()).append(' ');
            }
        });
        if (subscription.dropped() > 0) {
            summary.append("dropped=").append(subscription.dropped());
        }
        return summary.toString().strip();
    }

    @Override
    public void close() {
        herald.close();
    }
}
