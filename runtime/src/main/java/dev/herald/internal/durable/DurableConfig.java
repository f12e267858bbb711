package dev.herald.internal.durable;

import dev.herald.RetryPolicy;
import dev.herald.StreamRetention;
import dev.herald.spi.DurableLog;
import java.time.Duration;
import java.util.Map;

/**
 * What durable channels are told by the builder.
 *
 * @param defaultGroup the application's consumer group, or {@code null} when each subscription must name one
 * @param consumerName this Herald's consumer name in every group
 * @param maxDeliveries how often an entry is delivered before it is dead-lettered without its handler
 * @param claimIdle how long an entry stays pending before another consumer of its group claims it
 * @param readCount the most entries a consumer holds read and not yet acknowledged
 * @param discoveryInterval how often a template subscription looks for new streams
 * @param block how long one read waits for new entries
 * @param retention the retention of channels not named in {@code retentions}
 * @param retentions retentions by declared channel or template name, without prefix
 * @param retryPolicy the retry policy of subscriptions that set none
 * @param commandTimeout how long a blocking subscribe or close waits
 * @param threadName the name of the timer thread
 * @param maxPayloadBytes the largest entry payload parsed; a larger one is reported and dead-lettered unparsed
 */
public record DurableConfig(String defaultGroup, String consumerName, int maxDeliveries, Duration claimIdle, int readCount,
        Duration discoveryInterval, Duration block, DurableLog.Retention retention, Map<String, DurableLog.Retention> retentions,
        RetryPolicy retryPolicy, Duration commandTimeout, String threadName, int maxPayloadBytes) {

    /** Copies the retentions. */
    public DurableConfig {
        retentions = Map.copyOf(retentions);
    }

    /**
     * The SPI's form of a retention, made once when Herald starts rather than per append.
     *
     * @param retention the application's retention
     * @return the log's
     */
    public static DurableLog.Retention toLog(StreamRetention retention) {
        return retention.isUnbounded() ? DurableLog.Retention.unbounded()
                : retention.maxAge() != null ? DurableLog.Retention.maxAge(retention.maxAge())
                : DurableLog.Retention.maxLength(retention.maxLength());
    }

    /**
     * @param declared the channel's names as declared, without prefix: the concrete one first, then its template
     * @return the retention the first of them was given, or the default
     */
    DurableLog.Retention retentionOf(String... declared) {
        for (String name : declared) {
            DurableLog.Retention r = name == null ? null : retentions.get(name);
            if (r != null) {
                return r;
            }
        }
        return retention;
    }
}
