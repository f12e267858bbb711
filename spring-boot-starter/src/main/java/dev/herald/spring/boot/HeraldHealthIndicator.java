package dev.herald.spring.boot;

import dev.herald.Herald;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports {@link Herald#health()} to Actuator, as the {@code herald} health contributor: UP when the connection
 * carrying the subscriptions is up and the server agrees with Herald on every channel and pattern, DOWN otherwise
 * or when the server cannot be asked within the command timeout. The details say what the server counts, the
 * outages so far, and the channels the server has no subscriber on (at most {@value #MAX_LISTED}).
 */
public final class HeraldHealthIndicator extends AbstractHealthIndicator {

    /** The most unsubscribed channels named in the details. */
    static final int MAX_LISTED = 20;

    private final Herald herald;
    private final Duration timeout;

    /**
     * Creates the indicator.
     *
     * @param herald the Herald to ask
     * @param timeout how long to wait for the server's answer
     */
    public HeraldHealthIndicator(Herald herald, Duration timeout) {
        super("Herald health check failed");
        this.herald = Objects.requireNonNull(herald, "herald");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        dev.herald.Health health = herald.health().toCompletableFuture().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        List<String> unsubscribed = health.channels().entrySet().stream()
                .filter(channel -> !channel.getValue())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        (health.healthy() ? builder.up() : builder.down())
                .withDetail("connected", health.connected())
                .withDetail("channels", health.expectedChannels())
                .withDetail("serverChannels", health.serverChannels())
                .withDetail("patterns", health.expectedPatterns())
                .withDetail("serverPatterns", health.serverPatterns())
                .withDetail("outages", health.outages())
                .withDetail("lastOutage", health.lastOutage().toString());
        if (!unsubscribed.isEmpty()) {
            builder.withDetail("unsubscribedChannels", unsubscribed.subList(0, Math.min(MAX_LISTED, unsubscribed.size())));
            builder.withDetail("unsubscribedChannelCount", unsubscribed.size());
        }
    }
}
