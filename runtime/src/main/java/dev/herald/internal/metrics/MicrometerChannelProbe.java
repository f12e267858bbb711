package dev.herald.internal.metrics;

import dev.herald.PublishFailedException;
import dev.herald.internal.ChannelProbe;
import dev.herald.observation.DefaultHeraldProcessObservationConvention;
import dev.herald.observation.DefaultHeraldPublishObservationConvention;
import dev.herald.observation.HeraldChannelKeys;
import dev.herald.observation.HeraldProcessContext;
import dev.herald.observation.HeraldPublishContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The meters of one declared channel, registered once when the channel is first used, and its observations. A
 * message costs a counter increment or a timer record; an observation is made only when the observation registry
 * is not a no-op (it has a handler), and shares the channel's {@link HeraldChannelKeys}: the observation's own
 * allocations are then Micrometer's (the context's maps, the observation, what its handlers keep).
 */
final class MicrometerChannelProbe implements ChannelProbe {

    private final MicrometerInstruments owner;
    private final String declared;
    private final HeraldChannelKeys keys;
    private final Counter publishedSuccess;
    private final Counter publishedFailure;
    private final Counter publishedRefused;
    private final Counter delivered;
    private final Counter undecodable;
    private final Counter dropped;
    private final Counter deadLettered;
    private final Counter redelivered;
    private final Counter claimed;
    /** By group, then stream: what Redis last reported, pending and lag; the gauges sum over the streams. */
    private final Map<String, Map<String, long[]>> groups = new ConcurrentHashMap<>();
    private final Timer handlerDuration;
    private final Counter handlerFailures;
    private final Counter retries;

    MicrometerChannelProbe(MicrometerInstruments owner, String declared) {
        this.owner = owner;
        this.declared = declared;
        this.keys = new HeraldChannelKeys(declared, owner.system());
        MeterRegistry meters = owner.meters();
        Tags channel = Tags.of(MeterNames.CHANNEL, declared);
        String publishedText = "Messages published, by outcome: success (the transport accepted it), refused (not sent:"
                + " Herald closed, too large, not encodable, too many waiting), failure (failed or outcome unknown)";
        this.publishedSuccess = Counter.builder(MeterNames.PUBLISHED).tags(channel).tag(MeterNames.OUTCOME, "success")
                .description(publishedText).register(meters);
        this.publishedFailure = Counter.builder(MeterNames.PUBLISHED).tags(channel).tag(MeterNames.OUTCOME, "failure")
                .description(publishedText).register(meters);
        this.publishedRefused = Counter.builder(MeterNames.PUBLISHED).tags(channel).tag(MeterNames.OUTCOME, "refused")
                .description(publishedText).register(meters);
        this.delivered = counter(meters, MeterNames.DELIVERED, channel,
                "Messages decoded and handed to a subscription's handler (one per subscription)");
        this.undecodable = counter(meters, MeterNames.UNDECODABLE, channel, "Messages that did not decode");
        this.dropped = counter(meters, MeterNames.DROPPED, channel,
                "Messages a subscription's full buffer did not take (overflow policy)");
        this.deadLettered = counter(meters, MeterNames.DEAD_LETTERED, channel, "Messages kept as dead letters");
        this.redelivered = counter(meters, MeterNames.REDELIVERED, channel,
                "Entries of a durable channel delivered again (claimed, or re-read)");
        this.claimed = counter(meters, MeterNames.CLAIMED, channel,
                "Entries of a durable channel claimed from another consumer of the group after the claim idle time");
        this.handlerDuration = Timer.builder(MeterNames.HANDLER_DURATION).tags(channel)
                .description("Handler calls, each retry included").register(meters);
        this.handlerFailures = counter(meters, MeterNames.HANDLER_FAILURES, channel,
                "Messages whose handler failed for good (retries used up), and requests whose responder failed");
        this.retries = counter(meters, MeterNames.HANDLER_RETRIES, channel, "Handler calls tried again");
    }

    private static Counter counter(MeterRegistry meters, String name, Tags tags, String description) {
        return Counter.builder(name).tags(tags).description(description).register(meters);
    }

    @Override
    public boolean active() {
        return true;
    }

    @Override
    public Object publishing(String channel, String messageId, Map<String, String> trace) {
        ObservationRegistry observations = owner.observations();
        if (observations.isNoop()) {
            return null;
        }
        try {
            HeraldPublishContext context = new HeraldPublishContext(keys, channel,
                    messageId == null ? "publish" : "request", messageId, trace);
            return Observation.createNotStarted(owner.publishConvention(),
                    DefaultHeraldPublishObservationConvention.INSTANCE, () -> context, observations).start();
        } catch (RuntimeException e) {
            handlerFailed(e);
            return null;
        }
    }

    @Override
    public void published(Object publishing, Throwable failure) {
        if (failure == null) {
            publishedSuccess.increment();
        } else if (failure instanceof PublishFailedException) {
            publishedRefused.increment();
        } else {
            publishedFailure.increment();
        }
        if (publishing instanceof Observation observation) {
            try {
                if (failure != null) {
                    observation.error(failure);
                }
                observation.stop();
            } catch (RuntimeException e) {
                handlerFailed(e);
            }
        }
    }

    @Override
    public Object processing(String channel, String messageId, Map<String, String> trace) {
        ObservationRegistry observations = owner.observations();
        if (observations.isNoop()) {
            return null;
        }
        try {
            HeraldProcessContext context = new HeraldProcessContext(keys, channel, messageId, trace);
            return Observation.createNotStarted(owner.processConvention(),
                    DefaultHeraldProcessObservationConvention.INSTANCE, () -> context, observations).start().openScope();
        } catch (RuntimeException e) {
            handlerFailed(e);
            return null;
        }
    }

    @Override
    public void processed(Object processing, long startNanos, Throwable failure) {
        handlerDuration.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        if (processing instanceof Observation.Scope scope) {
            try {
                Observation observation = scope.getCurrentObservation();
                scope.close();
                if (failure != null) {
                    observation.error(failure);
                }
                observation.stop();
            } catch (RuntimeException e) {
                handlerFailed(e);
            }
        }
    }

    /** An observation handler of the application's threw: Herald's own work goes on, and says so once a minute at most. */
    private void handlerFailed(RuntimeException e) {
        owner.observationHandlerFailed(e);
    }

    @Override
    public void delivered() {
        delivered.increment();
    }

    @Override
    public void retried() {
        retries.increment();
    }

    @Override
    public void failed(Throwable failure) {
        handlerFailures.increment();
        // a responder that failed while its herald.process observation is current: the observation says so too
        Observation current = owner.observations().getCurrentObservation();
        if (current != null && current.getContext() instanceof HeraldProcessContext) {
            current.error(failure);
        }
    }

    @Override
    public void undecodable() {
        undecodable.increment();
    }

    @Override
    public void dropped(long count) {
        dropped.increment(count);
    }

    @Override
    public void deadLettered() {
        deadLettered.increment();
    }

    @Override
    public void redelivered() {
        redelivered.increment();
    }

    @Override
    public void claimed(int count) {
        claimed.increment(count);
    }

    @Override
    public void groupState(String group, String stream, long pending, long lag) {
        Map<String, long[]> streams = groups.computeIfAbsent(group, this::registerGroupGauges);
        streams.put(stream, new long[] {pending, lag});
    }

    /** Registers a group's gauges, summing what was last reported for each of the channel's streams. */
    private Map<String, long[]> registerGroupGauges(String group) {
        Map<String, long[]> streams = new ConcurrentHashMap<>();
        Tags tags = Tags.of(MeterNames.CHANNEL, declared, MeterNames.GROUP, group);
        owner.gauge(MeterNames.DURABLE_PENDING, tags, "Entries of a durable channel delivered to the group and not yet"
                + " acknowledged, as Redis last reported (XPENDING), summed over the channel's streams", null, streams,
                s -> sum(s, 0));
        owner.gauge(MeterNames.DURABLE_LAG, tags, "Entries of a durable channel not yet delivered to the group, as Redis"
                + " last reported (XINFO GROUPS lag), summed over the channel's streams", null, streams,
                s -> sum(s, 1));
        return streams;
    }

    private static double sum(Map<String, long[]> streams, int which) {
        long total = 0;
        for (long[] state : streams.values()) {
            if (state[which] < 0) {
                return Double.NaN; // the log cannot tell
            }
            total += state[which];
        }
        return total;
    }

    @Override
    public String toString() {
        return "ChannelProbe[" + declared + "]";
    }
}
