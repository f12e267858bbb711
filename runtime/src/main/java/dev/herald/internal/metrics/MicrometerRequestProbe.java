package dev.herald.internal.metrics;

import dev.herald.internal.ChannelProbe;
import dev.herald.internal.RequestProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** The request meters of one declared request channel, registered once. */
final class MicrometerRequestProbe implements RequestProbe {

    private final ChannelProbe channel;
    private final Timer roundTrip;
    private final Counter timeouts;
    private final Counter noResponder;
    private final Counter remoteErrors;

    MicrometerRequestProbe(MicrometerInstruments owner, String declared) {
        this.channel = owner.channel(declared);
        MeterRegistry meters = owner.meters();
        Tags tags = Tags.of(MeterNames.CHANNEL, declared);
        this.roundTrip = Timer.builder(MeterNames.ROUND_TRIP).tags(tags)
                .description("From a request to its reply (error replies included)").register(meters);
        this.timeouts = Counter.builder(MeterNames.TIMEOUTS).tags(tags)
                .description("Requests that timed out").register(meters);
        this.noResponder = Counter.builder(MeterNames.NO_RESPONDER).tags(tags)
                .description("Requests nobody was subscribed to").register(meters);
        this.remoteErrors = Counter.builder(MeterNames.REMOTE_ERRORS).tags(tags)
                .description("Requests answered with an error reply").register(meters);
    }

    @Override
    public ChannelProbe channel() {
        return channel;
    }

    @Override
    public void replied(long startNanos, boolean remoteError) {
        roundTrip.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        if (remoteError) {
            remoteErrors.increment();
        }
    }

    @Override
    public void timedOut() {
        timeouts.increment();
    }

    @Override
    public void noResponder() {
        noResponder.increment();
    }
}
