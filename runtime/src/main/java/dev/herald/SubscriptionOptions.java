package dev.herald;

import java.util.Objects;

/**
 * Per-subscription settings; anything not set falls back to the Herald's (see {@link HeraldBuilder}).
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

    private static final SubscriptionOptions INHERIT = new SubscriptionOptions(null, null, null);

    private final Integer bufferCapacity;
    private final OverflowPolicy overflowPolicy;
    private final RetryPolicy retryPolicy;

    private SubscriptionOptions(Integer bufferCapacity, OverflowPolicy overflowPolicy, RetryPolicy retryPolicy) {
        this.bufferCapacity = bufferCapacity;
        this.overflowPolicy = overflowPolicy;
        this.retryPolicy = retryPolicy;
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
     * These options with unset values taken from {@code defaults}.
     *
     * @param defaults the fallback
     * @return the merged options
     */
    public SubscriptionOptions orElse(SubscriptionOptions defaults) {
        return new SubscriptionOptions(bufferCapacity != null ? bufferCapacity : defaults.bufferCapacity,
                overflowPolicy != null ? overflowPolicy : defaults.overflowPolicy,
                retryPolicy != null ? retryPolicy : defaults.retryPolicy);
    }

    @Override
    public String toString() {
        return "SubscriptionOptions[buffer=" + bufferCapacity + ", overflow=" + overflowPolicy + ", retry=" + retryPolicy + "]";
    }

    /** Builds {@link SubscriptionOptions}. */
    public static final class Builder {
        private Integer bufferCapacity;
        private OverflowPolicy overflowPolicy;
        private RetryPolicy retryPolicy;

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

        /** @return the options */
        public SubscriptionOptions build() {
            return new SubscriptionOptions(bufferCapacity, overflowPolicy, retryPolicy);
        }
    }
}
