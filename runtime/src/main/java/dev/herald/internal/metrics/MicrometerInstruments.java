package dev.herald.internal.metrics;

import dev.herald.HeraldSettings;
import dev.herald.internal.ChannelProbe;
import dev.herald.internal.Instruments;
import dev.herald.internal.RequestProbe;
import dev.herald.observation.HeraldProcessObservationConvention;
import dev.herald.observation.HeraldPublishObservationConvention;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Herald's {@link Instruments} in Micrometer: one {@link MicrometerChannelProbe} per declared channel, made once and
 * kept, and the gauges and counters of the Herald itself. Without a meter registry the meters are an empty
 * composite registry's, which count nothing; without an observation registry, {@link ObservationRegistry#NOOP}.
 */
public final class MicrometerInstruments implements Instruments {

    private static final Logger LOG = LoggerFactory.getLogger(MicrometerInstruments.class);

    private final MeterRegistry meters;
    private final ObservationRegistry observations;
    private final HeraldPublishObservationConvention publishConvention;
    private final HeraldProcessObservationConvention processConvention;
    private final String system;
    private final ConcurrentHashMap<String, MicrometerChannelProbe> channels = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, MicrometerRequestProbe> requests = new ConcurrentHashMap<>();
    private final Counter reconnects;
    private final Counter lateReplies;
    private final List<Meter> gauges = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private final AtomicLong lastHandlerFailureLog = new AtomicLong();

    private MicrometerInstruments(HeraldSettings settings, String system) {
        this.meters = settings.meterRegistry() != null ? settings.meterRegistry() : new CompositeMeterRegistry();
        this.observations = settings.observationRegistry() != null ? settings.observationRegistry()
                : ObservationRegistry.NOOP;
        this.publishConvention = settings.publishObservationConvention();
        this.processConvention = settings.processObservationConvention();
        this.system = system;
        this.reconnects = Counter.builder(MeterNames.RECONNECTS)
                .description("Reconnects of the subscription connection after it was lost").register(meters);
        this.lateReplies = Counter.builder(MeterNames.LATE_REPLIES)
                .description("Replies that came for no waiting request (after its timeout, or a second responder's)")
                .register(meters);
    }

    /**
     * @param settings what the builder was told; a meter or an observation registry was given
     * @param system the {@code messaging.system} of the observations: {@code redis} or {@code herald}
     * @return the instruments of one Herald
     */
    public static Instruments of(HeraldSettings settings, String system) {
        return new MicrometerInstruments(settings, system);
    }

    MeterRegistry meters() {
        return meters;
    }

    ObservationRegistry observations() {
        return observations;
    }

    HeraldPublishObservationConvention publishConvention() {
        return publishConvention;
    }

    HeraldProcessObservationConvention processConvention() {
        return processConvention;
    }

    String system() {
        return system;
    }

    @Override
    public ChannelProbe channel(String declared) {
        return channels.computeIfAbsent(declared, name -> new MicrometerChannelProbe(this, name));
    }

    @Override
    public RequestProbe requests(String declared) {
        return requests.computeIfAbsent(declared, name -> new MicrometerRequestProbe(this, name));
    }

    @Override
    public void start(Figures figures) {
        gauge(MeterNames.SUBSCRIPTIONS, Tags.empty(), "Subscriptions this Herald holds", null, figures,
                f -> f.subscriptions());
        gauge(MeterNames.BUFFERED, Tags.empty(), "Messages waiting in the subscriptions' buffers", null, figures,
                f -> f.buffered());
        gauge(MeterNames.LAST_OUTAGE, Tags.empty(), "How long the last outage of the subscription connection lasted",
                "seconds", figures, f -> f.lastOutage().toNanos() / 1e9);
        gauge(MeterNames.PENDING_REQUESTS, Tags.empty(), "Requests waiting for their reply", null, figures,
                f -> f.pendingRequests());
    }

    /**
     * Registers a gauge that is removed when the Herald closes; none once it closed (a durable consumer's last
     * report can come after).
     *
     * @param unit its base unit, or null
     */
    <S> void gauge(String name, Tags tags, String description, String unit, S state, ToDoubleFunction<S> value) {
        if (closed) {
            return;
        }
        gauges.add(Gauge.builder(name, state, value).tags(tags).description(description).baseUnit(unit)
                .strongReference(true).register(meters));
    }

    @Override
    public void reconnected(Duration outage) {
        reconnects.increment();
    }

    @Override
    public void lateReply() {
        lateReplies.increment();
    }

    @Override
    public void close() {
        closed = true;
        gauges.forEach(meters::remove);
        gauges.clear();
    }

    /** Logs an observation handler's failure, at most once a minute, so that a broken handler cannot flood the log. */
    void observationHandlerFailed(RuntimeException e) {
        long now = System.nanoTime();
        long last = lastHandlerFailureLog.get();
        if ((last == 0 || now - last > TimeUnit.MINUTES.toNanos(1)) && lastHandlerFailureLog.compareAndSet(last, now)) {
            LOG.warn("Herald: an observation handler threw; Herald goes on without that observation", e);
        }
    }

    @Override
    public String toString() {
        return "MicrometerInstruments[" + meters.getClass().getSimpleName() + ", " + system + "]";
    }
}
