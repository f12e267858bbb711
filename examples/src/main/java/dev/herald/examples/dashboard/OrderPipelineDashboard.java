package dev.herald.examples.dashboard;

import dev.herald.Herald;
import dev.herald.MessageHandler;
import dev.herald.OverflowPolicy;
import dev.herald.RetryPolicy;
import dev.herald.SubscriptionOptions;
import dev.herald.examples.orders.OrderCreated;
import dev.herald.examples.orders.OrderEvents;
import dev.herald.examples.orders.OrderEventsPublisher;
import dev.herald.examples.orders.OrderEventsSubscriber;
import dev.herald.examples.orders.ShippingCalculated;
import dev.herald.examples.orders.ShippingEvents;
import dev.herald.examples.orders.ShippingEventsPublisher;
import dev.herald.examples.orders.ShippingEventsSubscriber;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The order pipeline of {@link dev.herald.examples.orders.OrderPipeline} under load, with Herald's meters on, and
 * the dashboard they make: the API publishes {@code order:created} at a rate that changes in four phases; the
 * shipping service answers each on {@code order:shipping:calculated}; an analytics service also takes every
 * order, with a small buffer, and slows down in the third phase (its buffer fills and the oldest orders are
 * dropped); the confirmation service fails for one order in a hundred (retried, then dead-lettered) and once
 * for another (a retry that succeeds). {@link MeterSampler} reads the meters every 100 ms and
 * {@link DashboardChart} draws them.
 */
public final class OrderPipelineDashboard {

    /** The channels the dashboard charts, as declared. */
    static final List<String> CHANNELS = List.of("order:created", "order:shipping:calculated");

    private static final int CONFIRM_ATTEMPTS = 3;
    private static final long FIRST_ORDER = 100_000;
    private static final BigDecimal PER_KG = new BigDecimal("1.50");
    private static final BigDecimal BASE = new BigDecimal("3.99");

    private final Herald herald;
    private final MeterRegistry meters;
    private final PrintStream out;
    private final AtomicLong confirmed = new AtomicLong();
    private final AtomicLong givenUp = new AtomicLong();
    private volatile boolean analyticsSlow;

    /**
     * @param herald where the services talk; made with {@code meterRegistry(meters)}
     * @param meters the registry Herald counts in
     * @param out where the summary goes
     */
    public OrderPipelineDashboard(Herald herald, MeterRegistry meters, PrintStream out) {
        this.herald = herald;
        this.meters = meters;
        this.out = out;
    }

    /**
     * Asks the registry for the handler duration's p99 over the last second or so, as a dashboard shows it; call it
     * before Herald registers its meters (before the first publish or subscribe).
     *
     * @param meters the registry Herald will be given
     * @return the registry
     */
    public static MeterRegistry withHandlerPercentiles(MeterRegistry meters) {
        meters.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("herald.handler.duration")) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentiles(0.99).expiry(Duration.ofMillis(500))
                        .bufferLength(2).build().merge(config);
            }
        });
        return meters;
    }

    /**
     * Runs the pipeline for {@code length}, waits until every order was confirmed or given up, and draws the
     * dashboard.
     *
     * @param length how long the API publishes; four phases of a quarter each
     * @param where where Herald runs, for the chart's title: {@code in memory}, {@code on Redis}
     * @param png where the dashboard goes
     * @return every sample of the meters
     * @throws InterruptedException if interrupted
     * @throws IOException when the image cannot be written
     */
    public Result run(Duration length, String where, Path png) throws InterruptedException, IOException {
        SubscriptionOptions analyticsOptions = SubscriptionOptions.builder().bufferCapacity(256)
                .overflowPolicy(OverflowPolicy.DROP_OLDEST).build();
        SubscriptionOptions confirmOptions = SubscriptionOptions.builder()
                .retryPolicy(RetryPolicy.exponential(CONFIRM_ATTEMPTS, Duration.ofMillis(1))).build();

        ShippingEvents shipping = new ShippingEventsPublisher(herald);
        new OrderEventsSubscriber(herald).orderCreated(order -> shipping.shippingCalculated(
                new ShippingCalculated(order.orderId(), shippingCost(order))));
        new OrderEventsSubscriber(herald, analyticsOptions).orderCreated(order -> {
            if (analyticsSlow) {
                // a slow call to a warehouse system: this subscription falls behind, no other one does
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(900));
            }
        });
        new ShippingEventsSubscriber(herald, confirmOptions).shippingCalculated(new ConfirmationService());

        MeterSampler sampler = new MeterSampler(meters, CHANNELS);
        sampler.start(100);
        OrderEvents api = new OrderEventsPublisher(herald);
        long published = publish(api, length);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (confirmed.get() + givenUp.get() < published && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        // one more scrape after the last message, so the chart ends at rest
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300));
        List<MeterSampler.Sample> samples = sampler.stop();
        DashboardChart.write(png, samples, String.format(Locale.ROOT,
                "Herald order pipeline %s: %,d orders in %.1f s, meters read every 100 ms", where, published,
                length.toMillis() / 1000.0));
        Result result = new Result(published, confirmed.get(), givenUp.get(), samples);
        out.printf(Locale.ROOT, "published %,d orders: %,d confirmed, %,d given up after retries (dead letters %,.0f, "
                        + "retries %,.0f, analytics dropped %,.0f); dashboard written to %s%n",
                published, result.confirmed(), result.givenUp(), last(samples, MeterSampler.DEAD_LETTERS),
                last(samples, MeterSampler.RETRIES), last(samples, MeterSampler.DROPPED), png.toAbsolutePath());
        return result;
    }

    /**
     * What one run did.
     *
     * @param published orders the API published
     * @param confirmed orders the confirmation service confirmed
     * @param givenUp orders whose confirmation failed for good (dead letters)
     * @param samples what the sampler read
     */
    public record Result(long published, long confirmed, long givenUp, List<MeterSampler.Sample> samples) {

        /** @return whether every order was confirmed or given up */
        public boolean complete() {
            return confirmed + givenUp == published;
        }
    }

    private static double last(List<MeterSampler.Sample> samples, String series) {
        return samples.isEmpty() ? 0 : samples.get(samples.size() - 1).values().getOrDefault(series, 0.0);
    }

    /** Four phases: calm, busy, busy with analytics slow, calm again. Paced on a schedule, as a real API is. */
    private long publish(OrderEvents api, Duration length) {
        int[] rates = {400, 2_000, 2_000, 300};
        long phaseNanos = length.toNanos() / rates.length;
        long start = System.nanoTime();
        long sent = 0;
        for (int phase = 0; phase < rates.length; phase++) {
            analyticsSlow = phase == 2;
            long phaseStart = start + phase * phaseNanos;
            long interval = TimeUnit.SECONDS.toNanos(1) / rates[phase];
            for (long due = phaseStart; due < phaseStart + phaseNanos; due += interval) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                sent++;
                api.orderCreated(order(sent));
            }
        }
        analyticsSlow = false;
        return sent;
    }

    private static OrderCreated order(long n) {
        return new OrderCreated(Long.toString(FIRST_ORDER + n), "u-" + (n % 500),
                List.of(new OrderCreated.Item("book", 1 + (int) (n % 3), new BigDecimal("0.8")),
                        new OrderCreated.Item("lamp", 1, new BigDecimal("2.1"))),
                new BigDecimal("49.90"), Instant.now());
    }

    private static BigDecimal shippingCost(OrderCreated order) {
        BigDecimal kg = order.items().stream()
                .map(item -> item.weightKg().multiply(BigDecimal.valueOf(item.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return BASE.add(PER_KG.multiply(kg)).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /**
     * Confirms; one order in a hundred has an address the mail service rejects (each of its three attempts fails:
     * a dead letter), another fails once (its retry succeeds). One subscription's handler runs one call at a time.
     */
    private final class ConfirmationService implements MessageHandler<ShippingCalculated> {
        private final Map<String, Integer> attempts = new HashMap<>();

        @Override
        public void onMessage(ShippingCalculated shipped) {
            long n = Long.parseLong(shipped.orderId()) - FIRST_ORDER;
            int attempt = attempts.merge(shipped.orderId(), 1, Integer::sum);
            if (n % 100 == 0) {
                if (attempt == CONFIRM_ATTEMPTS) {
                    attempts.remove(shipped.orderId());
                    givenUp.incrementAndGet();
                }
                throw new IllegalStateException("mail service rejected the address of order " + shipped.orderId());
            }
            if (n % 100 == 50 && attempt == 1) {
                throw new IllegalStateException("mail service busy, order " + shipped.orderId());
            }
            attempts.remove(shipped.orderId());
            confirmed.incrementAndGet();
        }
    }
}
