package dev.herald.bench.e2e;

import dev.herald.Herald;
import dev.herald.HeraldError;
import dev.herald.Subscription;
import dev.herald.bench.model.DurableOrderEvents;
import dev.herald.bench.model.DurableOrderEventsPublisher;
import dev.herald.bench.model.DurableOrderEventsSubscriber;
import dev.herald.bench.model.OrderCreated;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Herald's durable channel as a user writes it: the generated publisher appends ({@code XADD}, coalesced into
 * pipelined writes by Herald), the generated subscriber joins the consumer group {@value DurableContender#GROUP}
 * and hands each order to the handler, which Herald runs on its handler threads and acknowledges ({@code XACK},
 * batched) after it returned. Herald's keys are {@code herald:stream:} and {@code herald:dead-letters:} followed by
 * the channel prefix, so with the prefix {@code herald:} the harness's {@code SCAN MATCH herald:*} finds them.
 */
final class HeraldDurableContender implements DurableContender {

    private final Herald herald;
    private final DurableOrderEvents publisher;
    private final Subscription subscription;
    private final AtomicLong failed = new AtomicLong();

    HeraldDurableContender(String redisUri, String prefix, DurableSink sink) {
        this.herald = Herald.builder().redis(redisUri).channelPrefix(prefix).consumerGroup(GROUP)
                .errorHandler((HeraldError error) -> failed.incrementAndGet()).build();
        this.publisher = new DurableOrderEventsPublisher(herald);
        this.subscription = new DurableOrderEventsSubscriber(herald).orderCreated(sink::handle);
    }

    @Override
    public String name() {
        return "Herald";
    }

    @Override
    public String description() {
        return "generated publisher (XADD, pipelined by Herald) and subscriber in consumer group 'bench': "
                + "XREADGROUP COUNT 100 on a connection of its own, handler on Herald's threads, XACK after it returned";
    }

    @Override
    public void append(OrderCreated order) {
        publisher.orderCreated(order);
    }

    @Override
    public String errors() {
        long count = failed.get();
        return count == 0 ? "" : count + " error(s) reported to the error handler";
    }

    @Override
    public void close() {
        subscription.close();
        herald.close();
    }
}
