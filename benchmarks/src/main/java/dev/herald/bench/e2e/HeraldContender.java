package dev.herald.bench.e2e;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.HeraldError;
import dev.herald.Subscription;
import dev.herald.bench.model.ConfirmedOrderEventsPublisher;
import dev.herald.bench.model.OrderCreated;
import dev.herald.bench.model.OrderEventsPublisher;
import dev.herald.bench.model.OrderEventsSubscriber;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Herald as a user writes it: the builder with its defaults (plus the contender's channel prefix, which
 * Herald applies once when it binds a channel), the generated
 * {@code OrderEventsPublisher} (fire-and-forget) and {@code ConfirmedOrderEventsPublisher} (a stage per
 * publish), and the generated {@code OrderEventsSubscriber}, whose handler runs on Herald's threads. The
 * error handler only counts, so that dropped or failed messages show up in the report.
 */
final class HeraldContender implements Contender {

    private final String name;
    private final String description;
    private final Herald herald;
    private final Herald subscribingHerald;
    private final OrderEventsPublisher publisher;
    private final ConfirmedOrderEventsPublisher confirmed;
    private final Subscription subscription;
    private final Map<HeraldError.Kind, AtomicLong> errors = new EnumMap<>(HeraldError.Kind.class);

    HeraldContender(String redisUri, String prefix, Sink sink) {
        this("Herald", "Herald typed channels: generated publisher (void / CompletionStage<Void>) and subscriber, "
                + "default settings", redisUri, null, null, prefix, sink, UnaryOperator.identity());
    }

    /**
     * Herald with metrics and observations on, as Spring Boot wires them without tracing: a
     * {@code SimpleMeterRegistry} for Herald's meters, and an {@code ObservationRegistry} whose one handler is a
     * {@code DefaultMeterObservationHandler} on the same registry (a timer and a long task timer per
     * {@code herald.publish} and {@code herald.process}).
     *
     * @param redisUri the server
     * @param prefix the channel prefix
     * @param sink receives the decoded orders
     * @return the connected contender
     */
    static HeraldContender observed(String redisUri, String prefix, Sink sink) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        return new HeraldContender(OBSERVED, "Herald as above, with meterRegistry(SimpleMeterRegistry) and "
                + "observationRegistry(an ObservationRegistry with DefaultMeterObservationHandler): every meter, and a "
                + "herald.publish and a herald.process observation per message, what Spring Boot sets up without "
                + "tracing", redisUri, null, null, prefix, sink,
                builder -> builder.meterRegistry(meters).observationRegistry(observations));
    }

    /** The name of the {@link #observed} contender in tables and on the chart. */
    static final String OBSERVED = "Herald metrics+observations";

    /**
     * Herald with its meters only: {@code meterRegistry(SimpleMeterRegistry)}, no observation registry. Tells the
     * meters' cost from the observations' in the same run.
     *
     * @param redisUri the server
     * @param prefix the channel prefix
     * @param sink receives the decoded orders
     * @return the connected contender
     */
    static HeraldContender metered(String redisUri, String prefix, Sink sink) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        return new HeraldContender(METERED, "Herald as above, with meterRegistry(SimpleMeterRegistry) only: every meter, "
                + "no observation", redisUri, null, null, prefix, sink, builder -> builder.meterRegistry(meters));
    }

    /** The name of the {@link #metered} contender in tables and on the chart. */
    static final String METERED = "Herald metrics";

    private HeraldContender(String name, String description, String redisUri, String subscriberUri,
            String clusterSeeds, String prefix, Sink sink, UnaryOperator<HeraldBuilder> measured) {
        this.name = name;
        this.description = description;
        for (HeraldError.Kind kind : HeraldError.Kind.values()) {
            errors.put(kind, new AtomicLong());
        }
        this.herald = clusterSeeds != null ? builder(prefix).redisCluster(clusterSeeds).build()
                : measured.apply(builder(prefix).redis(redisUri)).build();
        this.subscribingHerald = subscriberUri != null ? builder(prefix).redis(subscriberUri).build() : herald;
        this.publisher = new OrderEventsPublisher(herald);
        this.confirmed = new ConfirmedOrderEventsPublisher(herald);
        this.subscription = new OrderEventsSubscriber(subscribingHerald).orderCreated(sink::accept);
    }

    /**
     * Herald on a Redis Cluster: {@code redisCluster(seeds)}, {@code SPUBLISH} and one {@code SSUBSCRIBE} on the
     * master that owns the channel's slot.
     *
     * @param seeds the cluster's nodes, comma-separated
     * @param prefix the channel prefix
     * @param sink receives the decoded orders
     * @return the connected contender
     */
    static HeraldContender sharded(String seeds, String prefix, Sink sink) {
        return new HeraldContender("Herald sharded", "Herald on the cluster: redisCluster(seeds), generated publisher "
                + "and subscriber, default settings (SPUBLISH; one SSUBSCRIBE on the slot's master)",
                null, null, seeds, prefix, sink, UnaryOperator.identity());
    }

    /**
     * Herald with classic {@code PUBLISH}/{@code SUBSCRIBE} on a cluster. Herald has no classic mode on a cluster
     * (its cluster transport always shards), so this is Herald's single-server transport pointed at cluster
     * nodes, which accept {@code PUBLISH} and {@code SUBSCRIBE} for any channel: the publishing Herald on one
     * master, the subscribing one on another, and the cluster bus copies every message to every node.
     *
     * @param publisherNode the node the publishing Herald connects to
     * @param subscriberNode the node the subscribing Herald connects to
     * @param prefix the channel prefix
     * @param sink receives the decoded orders
     * @return the connected contender
     */
    static HeraldContender classic(String publisherNode, String subscriberNode, String prefix, Sink sink) {
        return new HeraldContender("Herald classic", "Herald's single-server transport on cluster nodes (Herald has no "
                + "classic mode on a cluster): PUBLISH through one master, SUBSCRIBE on another, the cluster bus "
                + "copying every message to every node", publisherNode, subscriberNode, null, prefix, sink,
                UnaryOperator.identity());
    }

    private HeraldBuilder builder(String prefix) {
        return Herald.builder()
                .channelPrefix(prefix)
                .errorHandler(error -> errors.get(error.kind()).incrementAndGet());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
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
        if (subscribingHerald != herald) {
            subscribingHerald.close();
        }
        herald.close();
    }
}
