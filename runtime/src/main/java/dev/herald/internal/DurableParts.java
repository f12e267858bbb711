package dev.herald.internal;

import dev.herald.HeraldSettings;
import dev.herald.StreamRetention;
import dev.herald.internal.durable.DurableChannels;
import dev.herald.internal.durable.DurableConfig;
import dev.herald.internal.durable.DurableRuntime;
import dev.herald.spi.DurableLog;
import dev.herald.spi.Transport;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Herald's durable channels: puts the transport-neutral core together from the Herald's handler threads, error
 * handler and dead letters, refuses durable channels on a transport without a log, and ends them on close.
 */
final class DurableParts {

    private static final Logger LOG = LoggerFactory.getLogger(DurableParts.class);
    /** How long one read of a durable channel waits for new entries, at most. */
    private static final Duration MAX_BLOCK = Duration.ofSeconds(2);

    private final Transport transport;
    /** Null when the transport has no durable log. */
    private final DurableChannels channels;

    DurableParts(HeraldSettings settings, Transport transport, HandlerPool handlers, Failures failures,
            DeadLetterKeeper deadLetters) {
        this.transport = transport;
        DurableLog log = transport.durable();
        if (log == null) {
            this.channels = null;
            return;
        }
        DurableConfig config = new DurableConfig(settings.consumerGroup(), settings.consumerName(), settings.maxDeliveries(),
                settings.claimIdle(), settings.durableReadCount(), settings.durableDiscoveryInterval(),
                block(settings.claimIdle()), DurableConfig.toLog(settings.durableRetention()),
                retentions(settings.durableRetentions()),
                settings.subscriptionDefaults().retryPolicy(), settings.commandTimeout(), handlers.threadName("durable"),
                settings.maxPayloadBytes());
        DurableRuntime runtime = new DurableRuntime(channel -> new HandlerLane(handlers, channel), failures.executor(),
                failures::reportAsync, (declared, subscription, channel, payload, failure, attempts, probe) -> deadLetters.keep(
                        declared, subscription, channel, payload, failure, attempts, DurableChannelProbe.channelProbeOf(probe)),
                transport::isIoThread);
        this.channels = new DurableChannels(log, config, runtime);
    }

    /** @return the retentions by declared channel, in the log's form, converted once */
    private static Map<String, DurableLog.Retention> retentions(Map<String, StreamRetention> byChannel) {
        Map<String, DurableLog.Retention> converted = new HashMap<>();
        byChannel.forEach((channel, retention) -> converted.put(channel, DurableConfig.toLog(retention)));
        return converted;
    }

    /** @return how long one read waits: at most 2 s, and half the claim idle time, so that claims are not late */
    private static Duration block(Duration claimIdle) {
        Duration half = claimIdle.dividedBy(2);
        Duration block = half.compareTo(MAX_BLOCK) < 0 ? half : MAX_BLOCK;
        return block.toMillis() < 10 ? Duration.ofMillis(10) : block;
    }

    /**
     * @param channel the durable channel asked for, for the message
     * @return the durable channels
     * @throws IllegalStateException naming the transport when it has no durable log
     */
    DurableChannels channels(String channel) {
        if (channels == null) {
            throw new IllegalStateException("durable channel '" + channel + "' needs a transport that keeps streams, and "
                    + transport.description() + " (" + transport.getClass().getName() + ") has none: its durable()"
                    + " returns null. Use Redis or the in-memory transport, implement Transport.durable(), or declare the"
                    + " channel without durable = true");
        }
        return channels;
    }

    /**
     * Ends the durable subscriptions before the handler threads stop: reading stops, the handlers running finish and
     * are acknowledged, up to the deadline; what is not handled stays pending for another consumer.
     *
     * @param end the deadline, in {@link System#nanoTime()} terms
     */
    void close(long end) {
        if (channels == null) {
            return;
        }
        try {
            channels.closeAll().toCompletableFuture().get(Math.max(end - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("Herald: durable subscriptions did not end before the deadline: {}", e.toString());
        }
    }

    /** Stops the timer of the durable subscriptions, once the handler threads stopped. */
    void stopTimer() {
        if (channels != null) {
            channels.stopTimer();
        }
    }
}
