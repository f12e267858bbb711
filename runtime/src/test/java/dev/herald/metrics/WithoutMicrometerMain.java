package dev.herald.metrics;

import dev.herald.Herald;
import dev.herald.OverflowPolicy;
import dev.herald.PayloadType;
import dev.herald.RequestChannel;
import dev.herald.RetryPolicy;
import dev.herald.SubscriptionOptions;
import dev.herald.TemplateChannel;
import dev.herald.TypedChannel;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs Herald in memory without a registry, through every path a probe sits on: publishes, a template, a pattern,
 * a failing handler with retries and a dead letter, an overflow, request-reply. {@link WithoutMicrometerTest} runs it
 * in a JVM of its own, with and without Micrometer on the class path. It names no Micrometer class itself.
 */
public final class WithoutMicrometerMain {

    private WithoutMicrometerMain() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("micrometer on the class path: " + present("io/micrometer/core/instrument/MeterRegistry.class"));
        try (Herald herald = Herald.builder().retryPolicy(RetryPolicy.exponential(2, Duration.ofMillis(1)))
                .errorHandler(error -> { }).build()) {
            LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();
            TypedChannel<Order> orders = herald.channel("orders", PayloadType.of(Order.class));
            orders.subscribe(received::add);
            orders.publish(new Order("o1", 1)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            orders.send(new Order("o2", 2));
            TemplateChannel<Order> perUser = herald.template("notifications:{userId}", PayloadType.of(Order.class));
            perUser.subscribeAll((values, order) -> received.add(values.string(0)));
            perUser.publish(new Order("n1", 1), "u-1").toCompletableFuture().get(10, TimeUnit.SECONDS);
            herald.psubscribe("user:*", String.class, (channel, message) -> received.add(message));
            herald.publish("user:1", "hello").toCompletableFuture().get(10, TimeUnit.SECONDS);

            herald.subscribe("failing", String.class, message -> {
                throw new IllegalStateException("fails on purpose");
            });
            herald.publish("failing", "x").toCompletableFuture().get(10, TimeUnit.SECONDS);

            CountDownLatch release = new CountDownLatch(1);
            herald.channel("slow", PayloadType.of(String.class))
                    .withOptions(SubscriptionOptions.builder().bufferCapacity(1).overflowPolicy(OverflowPolicy.DROP_NEWEST).build())
                    .subscribe(message -> release.await(10, TimeUnit.SECONDS));
            for (int i = 0; i < 5; i++) {
                herald.publish("slow", "m" + i);
            }
            release.countDown();

            RequestChannel<Order, String> quotes = herald.requests("quotes", PayloadType.of(Order.class),
                    PayloadType.of(String.class));
            quotes.respond(order -> "quoted " + order.id());
            String reply = quotes.request(new Order("q", 1)).toCompletableFuture().get(10, TimeUnit.SECONDS);

            for (int i = 0; i < 4; i++) {
                if (received.poll(10, TimeUnit.SECONDS) == null) {
                    throw new AssertionError("a message was not delivered");
                }
            }
            if (!reply.equals("quoted q")
                    || herald.deadLetters().read("failing", 10).toCompletableFuture().get(10, TimeUnit.SECONDS).size() != 1) {
                throw new AssertionError("request-reply or the dead letter did not work: " + reply);
            }
        }
        System.out.println("herald without a registry: ok");
    }

    /** Looks for the class file without loading the class, which would spoil the child JVM's class-load log. */
    private static boolean present(String classFile) {
        return WithoutMicrometerMain.class.getClassLoader().getResource(classFile) != null;
    }
}
