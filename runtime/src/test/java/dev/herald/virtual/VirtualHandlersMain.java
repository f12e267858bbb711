package dev.herald.virtual;

import dev.herald.Herald;
import dev.herald.ShutdownReport;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run by {@link VirtualHandlerThreadsTest} on a Java 21+ JVM: 10,000 subscriptions to one channel whose
 * handlers all block at once, then one line with what it saw.
 */
public final class VirtualHandlersMain {

    private VirtualHandlersMain() {
    }

    /**
     * Runs the check and prints one {@code RESULT} line.
     *
     * @param args the number of subscriptions
     * @throws Exception when the JVM has no virtual threads or the handlers do not all run
     */
    public static void main(String[] args) throws Exception {
        int subscriptions = Integer.parseInt(args[0]);
        Method isVirtual = Thread.class.getMethod("isVirtual");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CountDownLatch allRunning = new CountDownLatch(subscriptions);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch allDone = new CountDownLatch(subscriptions);
        AtomicInteger virtual = new AtomicInteger();
        AtomicInteger heraldNamed = new AtomicInteger();
        String platformWhenForced;
        try (Herald herald = Herald.builder().build()) {
            for (int i = 0; i < subscriptions; i++) {
                herald.subscribe("blocking", Integer.class, n -> {
                    if ((Boolean) isVirtual.invoke(Thread.currentThread())) {
                        virtual.incrementAndGet();
                    }
                    if (Thread.currentThread().getName().startsWith("herald-")) {
                        heraldNamed.incrementAndGet();
                    }
                    allRunning.countDown();
                    release.await();
                    allDone.countDown();
                });
            }
            threads.resetPeakThreadCount();
            herald.publish("blocking", 1);
            if (!allRunning.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException(allRunning.getCount() + " handlers never started");
            }
            int platformPeak = threads.getPeakThreadCount();
            release.countDown();
            if (!allDone.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException(allDone.getCount() + " handlers never finished");
            }
            ShutdownReport report = herald.shutdown(Duration.ofSeconds(10));
            try (Herald forced = Herald.builder().virtualThreads(false).build()) {
                CountDownLatch handled = new CountDownLatch(1);
                AtomicInteger forcedVirtual = new AtomicInteger();
                forced.subscribe("platform", Integer.class, n -> {
                    if ((Boolean) isVirtual.invoke(Thread.currentThread())) {
                        forcedVirtual.incrementAndGet();
                    }
                    handled.countDown();
                });
                forced.publish("platform", 1);
                if (!handled.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the forced platform handler never ran");
                }
                platformWhenForced = forcedVirtual.get() == 0 ? "platform" : "virtual";
            }
            System.out.println("RESULT running=" + subscriptions + " virtual=" + virtual.get() + " heraldNamed="
                    + heraldNamed.get() + " platformPeak=" + platformPeak + " stillRunning=" + report.stillRunning().size()
                    + " forced=" + platformWhenForced);
        }
    }
}
