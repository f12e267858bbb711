package dev.herald.internal;

import dev.herald.PayloadCodec;
import dev.herald.PublishFailedException;
import dev.herald.spi.Transport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The publish path: refuses once Herald is closed, encodes, bounds the payload's size and hands the bytes
 * to the transport, whose stage is the caller's. Every failure before the transport is a
 * {@link PublishFailedException}; the transport bounds what waits to be written and tells a publish that
 * was not sent from one whose outcome is unknown. Each publish is measured by its declared channel's
 * {@link ChannelProbe}; with {@link ChannelProbe#NONE} that costs one check.
 */
final class Outbound {

    private final Transport transport;
    private final int maxPayloadBytes;
    private final Failures failures;
    private volatile boolean closed;

    Outbound(Transport transport, int maxPayloadBytes, Failures failures) {
        this.transport = transport;
        this.maxPayloadBytes = maxPayloadBytes;
        this.failures = failures;
    }

    /** Publishes; the stage has the receiver count. */
    <T> CompletionStage<Long> publish(String channel, PayloadCodec<T> codec, T payload, ChannelProbe probe) {
        if (probe.active()) {
            return measured(probe, probe.publishing(channel, null, null), publish(channel, codec, payload, ChannelProbe.NONE));
        }
        byte[] bytes;
        try {
            bytes = encode(channel, codec, payload);
        } catch (PublishFailedException e) {
            return CompletableFuture.failedFuture(e);
        }
        return transport.publish(channel, bytes);
    }

    /**
     * Publishes bytes encoded already (a request-reply envelope); the stage has the receiver count.
     *
     * @param what what the bytes are, for the message of a refusal
     * @param probe measures it
     * @param publishing what the probe's {@link ChannelProbe#publishing} returned, when it is active
     */
    CompletionStage<Long> publishBytes(String channel, byte[] bytes, String what, ChannelProbe probe, Object publishing) {
        CompletionStage<Long> sent;
        try {
            sent = transport.publish(channel, checked(channel, bytes, what));
        } catch (PublishFailedException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return probe.active() ? measured(probe, publishing, sent) : sent;
    }

    /** {@link #publishBytes} when the receiver count is not wanted, and the bytes are not measured (a reply). */
    CompletionStage<Void> sendBytes(String channel, byte[] bytes, String what) {
        try {
            return transport.send(channel, checked(channel, bytes, what));
        } catch (PublishFailedException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Publishes when the receiver count is not wanted. */
    <T> CompletionStage<Void> send(String channel, PayloadCodec<T> codec, T payload, ChannelProbe probe) {
        if (probe.active()) {
            return measured(probe, probe.publishing(channel, null, null), send(channel, codec, payload, ChannelProbe.NONE));
        }
        byte[] bytes;
        try {
            bytes = encode(channel, codec, payload);
        } catch (PublishFailedException e) {
            return CompletableFuture.failedFuture(e);
        }
        return transport.send(channel, bytes);
    }

    /**
     * Fire and forget: publishes, and a failure goes to the error handler.
     *
     * @param reportFailure made by {@link #failureReporter} for this channel and probe: it counts the outcome too, so
     *     that a measured publish costs no callback of its own unless it is observed
     */
    <T> void sendReporting(String channel, PayloadCodec<T> codec, T payload, FailureReporter reportFailure,
            ChannelProbe probe) {
        if (!probe.active()) {
            // nothing to count: no stage, no callback per message; the transport tells only a failure
            byte[] bytes;
            try {
                bytes = encode(channel, codec, payload);
            } catch (PublishFailedException e) {
                reportFailure.accept(e);
                return;
            }
            transport.sendAndForget(channel, bytes, reportFailure);
            return;
        }
        Object publishing = probe.publishing(channel, null, null);
        if (publishing == null) {
            send(channel, codec, payload, ChannelProbe.NONE).whenComplete(reportFailure);
            return;
        }
        send(channel, codec, payload, ChannelProbe.NONE).whenComplete((sent, failure) -> {
            probe.published(publishing, failure == null ? null : Waits.unwrap(failure));
            if (failure != null) {
                failures.publishFailures(channel).accept(sent, failure);
            }
        });
    }

    /** Hands the outcome to the probe; the caller's stage completes after it. */
    private static <R> CompletionStage<R> measured(ChannelProbe probe, Object publishing, CompletionStage<R> sent) {
        return sent.whenComplete((result, failure) -> probe.published(publishing,
                failure == null ? null : Waits.unwrap(failure)));
    }

    /**
     * @param probe the channel's probe: when it is active, the reporter counts every outcome too
     * @return what reports a fire-and-forget publish's failure on one channel; made once where the channel is fixed
     */
    FailureReporter failureReporter(String channel, ChannelProbe probe) {
        return new FailureReporter(failures.publishFailures(channel), probe);
    }

    /**
     * Reports a fire-and-forget publish's failure to the error handler; when its channel is measured, it counts every
     * outcome too. A stage's callback, or told a failure alone by {@link Transport#sendAndForget}.
     */
    static final class FailureReporter implements BiConsumer<Void, Throwable>, Consumer<Throwable> {
        private final BiConsumer<Void, Throwable> report;
        private final ChannelProbe probe;

        FailureReporter(BiConsumer<Void, Throwable> report, ChannelProbe probe) {
            this.report = report;
            this.probe = probe;
        }

        @Override
        public void accept(Void sent, Throwable failure) {
            if (probe.active()) {
                probe.published(null, failure == null ? null : Waits.unwrap(failure));
            }
            report.accept(sent, failure);
        }

        @Override
        public void accept(Throwable failure) {
            accept(null, failure);
        }
    }

    /** Refuses every later publish. */
    void close() {
        closed = true;
    }

    /**
     * Encodes for a durable channel's log, with the checks of a publish.
     *
     * @throws PublishFailedException when Herald is closed, the payload cannot be encoded or is too large
     */
    <T> byte[] encoded(String channel, PayloadCodec<T> codec, T payload) {
        return encode(channel, codec, payload);
    }

    private <T> byte[] encode(String channel, PayloadCodec<T> codec, T payload) {
        refuseWhenClosed(channel);
        byte[] bytes;
        try {
            bytes = codec.encode(payload);
        } catch (Exception | StackOverflowError e) {
            throw new PublishFailedException("cannot encode payload for channel '" + channel + "': " + e.getMessage(), e);
        }
        return withinLimit(channel, bytes, "payload");
    }

    /** @return the bytes, when Herald is open and they are within maxPayloadBytes */
    private byte[] checked(String channel, byte[] bytes, String what) {
        refuseWhenClosed(channel);
        return withinLimit(channel, bytes, what);
    }

    /** @return the bytes, when they are within maxPayloadBytes */
    private byte[] withinLimit(String channel, byte[] bytes, String what) {
        if (bytes.length > maxPayloadBytes) {
            throw new PublishFailedException(what + " for channel '" + channel + "' is " + bytes.length
                    + " bytes, more than maxPayloadBytes (" + maxPayloadBytes + "); not sent");
        }
        return bytes;
    }

    private void refuseWhenClosed(String channel) {
        if (closed) {
            throw new PublishFailedException("Herald is closed: cannot publish to '" + channel + "'");
        }
    }
}
