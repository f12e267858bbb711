package dev.herald.bench.e2e;

import dev.herald.Herald;
import dev.herald.Subscription;
import dev.herald.bench.model.DurableOrderEventsSubscriber;
import dev.herald.bench.model.Orders;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A backlog consumed with a bounded heap (issue 12): appends N orders to a durable channel with no consumer, then
 * starts one consumer and times how long it takes to handle them all, sampling the heap used
 * ({@link MemoryMXBean#getHeapMemoryUsage()}) every 50 ms and reporting the most seen. Run it with a small heap to show the bound: {@code java -Xmx64m -jar benchmarks.jar durable-backlog
 * [entries]} (default 1,000,000). Needs {@code redis-server} on the PATH; its Redis is started here and keeps the
 * stream in its own memory.
 */
public final class DurableBacklog {

    private DurableBacklog() {
    }

    /**
     * Runs it.
     *
     * @param args the number of entries, optionally
     * @throws Exception when Redis cannot be started or the run fails
     */
    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        try (RedisServer redis = RedisServer.start("redis-server")) {
            long appendStart = System.nanoTime();
            try (Herald publisher = Herald.builder().redis(redis.uri()).channelPrefix("backlog:")
                    .durableRetention(dev.herald.StreamRetention.unbounded()).build()) {
                List<CompletableFuture<Void>> window = new ArrayList<>();
                for (int i = 0; i < entries; i++) {
                    window.add(publisher.channel(dev.herald.bench.model.DurableOrderEventsBinding.ORDER_CREATED)
                            .sendAsync(Orders.order(i)).toCompletableFuture());
                    if (window.size() == 10_000) {
                        CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                        window.clear();
                    }
                }
                CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            }
            double appendSeconds = (System.nanoTime() - appendStart) / 1e9;
            System.gc();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long before = memory.getHeapMemoryUsage().getUsed();
            AtomicLong handled = new AtomicLong();
            long most = before;
            long start = System.nanoTime();
            try (Herald consumer = Herald.builder().redis(redis.uri()).channelPrefix("backlog:").consumerGroup("bench")
                    .build()) {
                Subscription subscription = new DurableOrderEventsSubscriber(consumer)
                        .orderCreated(order -> handled.incrementAndGet());
                while (handled.get() < entries) {
                    most = Math.max(most, memory.getHeapMemoryUsage().getUsed());
                    java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
                }
                subscription.close();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("durable backlog: %,d entries appended in %.1f s; consumed by one consumer in %.1f s "
                    + "(%,.0f msg/s); heap used: %,d KiB before, at most %,d KiB while consuming; max heap %,d KiB%n",
                    entries, appendSeconds, seconds, entries / seconds, before / 1024, most / 1024,
                    Runtime.getRuntime().maxMemory() / 1024);
        }
    }
}
