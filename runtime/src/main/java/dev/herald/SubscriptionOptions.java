package dev.herald;

import java.util.Objects;

/**
 * Per-subscription settings; anything not set falls back to the Herald's (see {@link HeraldBuilder}).
 * A subscription to a durable channel uses the retry policy, the consumer group and the consumer name; it buffers
 * nothing beyond {@link HeraldBuilder#durableReadCount(int)} entries and drops nothing, so the buffer capacity and
 * the overflow policy do not apply to it.
 *
 * <pre>{@code
 * SubscriptionOptions slowConsumer = SubscriptionOptions.builder()
 *         .bufferCapacity(100_000)
 *         .overflowPolicy(OverflowPolicy.DROP_OLDEST)
 *         .retryPolicy(RetryPolicy.exponential(3, Duration.ofMillis(50)))
 *         .build();
 * herald.channel("prices", PayloadType.of(Price.class)).withOptions(slowConsumer).subscribe(this::onPrice);
 * new OrderEventsSubscriber(herald, slowConsumer);     // every subscription of a generated subscriber
 * }</pre>
 */
public final class SubscriptionOptions {

    private static final SubscriptionOptions INHERIT = new SubscriptionOptions(null, null, null, null, null);

    private final Integer bufferCapacity;
    private final OverflowPolicy overflowPolicy;
    private final RetryPolicy retryPolicy;
    private final String consumerGroup;
    private final String consumerName;

    private SubscriptionOptions(Integer bufferCapacity, OverflowPolicy overflowPolicy, RetryPolicy retryPolicy,
            String consumerGroup, String consumerName) {
        this.bufferCapacity = bufferCapacity;
        this.overflowPolicy = overflowPolicy;
        this.retryPolicy = retryPolicy;
        this.consumerGroup = consumerGroup;
        this.consumerName = consumerName;
    }

    /** @return options that take everything from the Herald */
    public static SubscriptionOptions inherit() {
        return INHERIT;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the buffer capacity, or {@code null} to inherit */
    public Integer bufferCapacity() {
        return bufferCapacity;
    }

    /** @return the overflow policy, or {@code null} to inherit */
    public OverflowPolicy overflowPolicy() {
        return overflowPolicy;
    }

    /** @return the retry policy, or {@code null} to inherit */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * @return the consumer group of a durable channel's subscription, or {@code null} to inherit
     *     {@link HeraldBuilder#consumerGroup(String)}
     */
    public String consumerGroup() {
        return consumerGroup;
    }

    /**
     * @return the consumer name of a durable channel's subscription within its group, or {@code null} to inherit
     *     {@link HeraldBuilder#consumerName(String)}
     */
    public String consumerName() {
        return consumerName;
    }

    /**
     * These options with unset values taken from {@code defaults}.
     *
     * @param defaults the fallback
     * @return the merged options
     */
    public SubscriptionOptions orElse(SubscriptionOptions defaults) {
        return new SubscriptionOptions(bufferCapacity != null ? bufferCapacity : defaults.bufferCapacity,
                overflowPolicy != null ? overflowPolicy : defaults.overflowPolicy,
                retryPolicy != null ? retryPolicy : defaults.retryPolicy,
                consumerGroup != null ? consumerGroup : defaults.consumerGroup,
                consumerName != null ? consumerName : defaults.consumerName);
    }

    @Override
    public String toString() {
        return "SubscriptionOptions[buffer=" + bufferCapacity + ", overflow=" + overflowPolicy + ", retry=" + retryPolicy
                + (consumerGroup != null ? ", group=" + consumerGroup : "")
                + (consumerName != null ? ", consumer=" + consumerName : "") + "]";
    }

    /** Builds {@link SubscriptionOptions}. */
    public static final class Builder {
        private Integer bufferCapacity;
        private OverflowPolicy overflowPolicy;
        private RetryPolicy retryPolicy;
        private String consumerGroup;
        private String consumerName;

        private Builder() {
        }

        /**
         * @param bufferCapacity messages buffered before the overflow policy applies; at least 1
         * @return this builder
         */
        public Builder bufferCapacity(int bufferCapacity) {
            if (bufferCapacity < 1) {
                throw new IllegalArgumentException("bufferCapacity must be at least 1, was " + bufferCapacity);
            }
            this.bufferCapacity = bufferCapacity;
            return this;
        }

        /**
         * @param overflowPolicy what a full buffer does
         * @return this builder
         */
        public Builder overflowPolicy(OverflowPolicy overflowPolicy) {
            this.overflowPolicy = Objects.requireNonNull(overflowPolicy, "overflowPolicy");
            return this;
        }

        /**
         * @param retryPolicy how a failing handler is retried
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * The consumer group a subscription to a durable channel joins: every group gets every message, and within a
         * group each message goes to one consumer. Overrides {@link HeraldBuilder#consumerGroup(String)}; ignored by
         * other channels.
         *
         * @param consumerGroup the group's name; not blank
         * @return this builder
         * @throws IllegalArgumentException when the name is blank
         */
        public Builder consumerGroup(String consumerGroup) {
            this.consumerGroup = Checks.name(consumerGroup, "consumerGroup");
            return this;
        }

        /**
         * The name a subscription to a durable channel has within its group. Overrides
         * {@link HeraldBuilder#consumerName(String)}; ignored by other channels. Two live subscriptions of one group
         * must not share a name.
         *
         * @param consumerName the consumer's name; not blank
         * @return this builder
         * @throws IllegalArgumentException when the name is blank
         */
        public Builder consumerName(String consumerName) {
            this.consumerName = Checks.name(consumerName, "consumerName");
            return this;
        }

        /** @return the options */
        public SubscriptionOptions build() {
            return new SubscriptionOptions(bufferCapacity, overflowPolicy, retryPolicy, consumerGroup, consumerName);
        }
    }
}
