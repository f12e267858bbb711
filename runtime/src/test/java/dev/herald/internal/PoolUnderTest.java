package dev.herald.internal;

import static org.awaitility.Awaitility.await;

import dev.herald.HeraldError;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A {@link HandlerPool} opened for a test: it records what the pool hands to the error handler (with the
 * time it arrived), knows the pool's watchdog thread, and shuts the pool down when closed.
 */
final class PoolUnderTest implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    /** A report the pool handed to the error handler, and when it arrived ({@link System#nanoTime()}). */
    record Report(long at, HeraldError error) {
        String text() {
            return error.cause().getMessage();
        }
    }

    final HandlerPool pool;
    final Thread watchdog;
    final List<Report> reports = new CopyOnWriteArrayList<>();
    /** Runs on the reporting thread after each report is recorded; a test may make it block. */
    volatile Consumer<HeraldError> onReport = error -> { };

    /**
     * @param maxRunning the bound on handler threads (0 for the default)
     * @param threadFactory makes the handler threads, or null for the pool's own
     */
    PoolUnderTest(int maxRunning, ThreadFactory threadFactory) {
        Set<Thread> before = watchdogs();
        this.pool = new HandlerPool(new HandlerPool.Config(maxRunning, false, threadFactory), this::report);
        Set<Thread> started = watchdogs();
        started.removeAll(before);
        if (started.size() != 1) {
            throw new IllegalStateException("expected one new watchdog thread, found " + started);
        }
        this.watchdog = started.iterator().next();
    }

    private static Set<Thread> watchdogs() {
        Set<Thread> watchdogs = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().matches("herald-\\d+-watchdog")) {
                watchdogs.add(thread);
            }
        }
        return watchdogs;
    }

    private void report(HeraldError error) {
        reports.add(new Report(System.nanoTime(), error));
        onReport.accept(error);
    }

    /** @return the names of this pool's threads start with it, such as {@code herald-3-} */
    String threadPrefix() {
        return watchdog.getName().substring(0, watchdog.getName().length() - "watchdog".length());
    }

    /** @return how many of this pool's handler threads are alive */
    long liveHandlerThreads() {
        String prefix = threadPrefix() + "handler-";
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith(prefix))
                .count();
    }

    /** @return the reports so far whose text starts with {@code start} */
    List<Report> reportsStartingWith(String start) {
        return reports.stream().filter(r -> r.text().startsWith(start)).toList();
    }

    /** Waits until at least {@code count} reports start with {@code start}; returns them all. */
    List<Report> awaitReports(String start, int count) {
        await().atMost(WAIT).until(() -> reportsStartingWith(start).size() >= count);
        return reportsStartingWith(start);
    }

    /** Waits until the watchdog parks with nothing to watch (it does not tick while idle). */
    void awaitWatchdogIdle() {
        awaitWatchdog(Thread.State.WAITING);
    }

    /** Waits until the watchdog parks between two ticks. */
    void awaitWatchdogBetweenTicks() {
        awaitWatchdog(Thread.State.TIMED_WAITING);
    }

    private void awaitWatchdog(Thread.State state) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(2)).until(() -> watchdog.getState() == state
                && LockSupport.getBlocker(watchdog) instanceof PoolWatchdog);
    }

    /**
     * The executor behind the pool's callback threads. A test swaps its thread factory to make starting a
     * callback thread fail, or to keep a thread alive after its executor ended: there is no other way in.
     */
    ThreadPoolExecutor callbackExecutor() throws ReflectiveOperationException {
        Field threads = CallbackThreads.class.getDeclaredField("threads");
        threads.setAccessible(true);
        return (ThreadPoolExecutor) threads.get(pool.callbacks());
    }

    /** Shuts the pool down with a deadline of {@code deadline} from now. */
    HandlerPool.Stopped shutdown(Duration deadline) {
        return pool.shutdown(System.nanoTime() + deadline.toNanos(), deadline);
    }

    /** Lets the reports through and shuts the pool down (again: shutting down twice is harmless). */
    @Override
    public void close() {
        onReport = error -> { };
        shutdown(Duration.ofSeconds(5));
    }

    static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
