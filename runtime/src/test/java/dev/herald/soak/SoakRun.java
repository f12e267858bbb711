package dev.herald.soak;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.ConnectionListener;
import dev.herald.Health;
import dev.herald.Herald;
import dev.herald.HeraldError;
import dev.herald.MessageHandler;
import dev.herald.PatternHandler;
import dev.herald.PayloadType;
import dev.herald.ShutdownReport;
import dev.herald.Subscription;
import dev.herald.TypedChannel;
import dev.herald.testing.RedisServer;
import dev.herald.testing.RedisServerExtension;
import dev.herald.testing.RedisServerExtension.Dedicated;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The soak: churn, load and faults against a redis-server of its own for {@code -Dsoak.minutes} (default 10), printing
 * a line per check and a summary. Not part of the normal build (the class name matches no surefire default include);
 * run it with {@code mvn -B -ntp -pl runtime -am verify -Psoak -Dsoak.minutes=10}.
 *
 * <ul>
 *   <li>churn: three threads subscribe and unsubscribe a rotating set of channels (untyped {@code subscribe} and
 *       {@code unsubscribe}, a typed channel's {@code subscribeAsync}) and patterns ({@code psubscribe},
 *       {@code punsubscribe}), each keeping what it currently wants;
 *   <li>load: one thread publishes all the time (CompletionStage {@code publish} and fire-and-forget {@code send}) to
 *       channels, some subscribed, with a sequence number per channel; every subscription checks the numbers it gets
 *       only increase;
 *   <li>faults, every 20 to 40 s in turn: CLIENT KILL TYPE pubsub, kill -9 and restart, CLIENT PAUSE 1500 ALL (longer
 *       than the 1 s command timeout).
 * </ul>
 *
 * {@code -Dsoak.faults=CLIENT_PAUSE,KILL_9_RESTART} injects only those, in that order.
 *
 * <p>After each fault the churn pauses and the run checks the server against what is wanted. Every wait is bounded: a
 * check that does not hold in time fails, and the run goes on.
 */
@ExtendWith(RedisServerExtension.class)
class SoakRun {

    private static final double MINUTES = Double.parseDouble(System.getProperty("soak.minutes", "10"));
    /** The faults to inject in turn, {@code -Dsoak.faults=CLIENT_PAUSE,...}; default all of them. */
    private static final List<Fault> FAULTS = System.getProperty("soak.faults", "").isBlank()
            ? List.of(Fault.values())
            : Stream.of(System.getProperty("soak.faults").split(",")).map(String::trim).map(Fault::valueOf).toList();
    private static final String PREFIX = "soak:";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final Duration CONVERGE = Duration.ofSeconds(10);
    private static final Duration STAGE_BOUND = Duration.ofSeconds(10);
    private static final Duration PROBE_BOUND = Duration.ofSeconds(15);
    private static final int FAULT_MIN_SECONDS = 20;
    private static final int FAULT_MAX_SECONDS = 40;
    private static final int HANDLER_THREADS = 8;
    /** Completion callbacks run on an unbounded pool that idles threads out after 30 s; a leak grows past this. */
    private static final int CALLBACK_THREAD_ALLOWANCE = 16;
    private static final long HEAP_BOUND_MB = 256;
    private static final int SLOTS_PER_CHURNER = 6;
    private static final int IDLE_CHANNELS = 3;
    private static final int MAX_IN_FLIGHT_PUBLISHES = 200;
    private static final Set<HeraldError.Kind> UNEXPECTED_ERRORS =
            Set.of(HeraldError.Kind.DECODE, HeraldError.Kind.HANDLER, HeraldError.Kind.INTERNAL);

    /** The payload: the channel it was published to and that channel's sequence number. */
    public record Msg(String channel, long seq) {}

    enum Fault { CLIENT_KILL_PUBSUB, KILL_9_RESTART, CLIENT_PAUSE }

    enum Api { UNTYPED_CHANNEL, TYPED_CHANNEL, PATTERN }

    private final long startNanos = System.nanoTime();
    private final Checks checks = new Checks();
    private final Map<HeraldError.Kind, LongAdder> errors = new EnumMap<>(HeraldError.Kind.class);
    private final Map<String, LongAdder> churnFailures = new ConcurrentHashMap<>();
    private final Map<Fault, Integer> faults = new EnumMap<>(Fault.class);
    private final AtomicInteger disconnects = new AtomicInteger();
    private final LongAdder published = new LongAdder();
    private final LongAdder publishFailed = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final AtomicLong orderViolations = new AtomicLong();
    private final AtomicReference<String> firstOrderViolation = new AtomicReference<>();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT_PUBLISHES);
    /** Churn steps hold the read lock; the checks take the write lock so that what is wanted stands still. */
    private final ReentrantReadWriteLock churnGate = new ReentrantReadWriteLock();
    private volatile boolean churnPaused;
    private final CountDownLatch aborted = new CountDownLatch(1);
    /** Serializes "take the next sequence number, publish" between the load thread and the probes. */
    private final Object publishLock = new Object();
    private final Map<String, AtomicLong> sequences = new LinkedHashMap<>();
    private final Map<String, TypedChannel<Msg>> typedTargets = new LinkedHashMap<>();
    private final List<Slot> slots = new ArrayList<>();

    private RedisServer redis;
    private Herald herald;
    private String round = "start";

    @Test
    void soak(@Dedicated RedisServer server) throws Exception {
        this.redis = server;
        for (HeraldError.Kind kind : HeraldError.Kind.values()) {
            errors.put(kind, new LongAdder());
        }
        herald = Herald.builder().redis(redis.uri()).commandTimeout(COMMAND_TIMEOUT)
                .handlerThreads(HANDLER_THREADS).virtualThreads(false)
                .errorHandler(error -> errors.get(error.kind()).increment())
                .connectionListener(new ConnectionListener() {
                    @Override
                    public void onDisconnected() {
                        disconnects.incrementAndGet();
                    }
                }).build();
        createSlotsAndTargets();
        print("soak for %.1f min against %s: %d channels, %d patterns, %d idle channels; command timeout %d ms",
                MINUTES, redis, 2 * SLOTS_PER_CHURNER, SLOTS_PER_CHURNER, IDLE_CHANNELS, COMMAND_TIMEOUT.toMillis());

        ScheduledExecutorService workers = Executors.newScheduledThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "soak-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (Api api : Api.values()) {
                List<Slot> own = slots.stream().filter(s -> s.api == api).toList();
                workers.scheduleWithFixedDelay(guarded("churn " + api, () -> churnStep(own)), 0, 100,
                        TimeUnit.MILLISECONDS);
            }
            workers.scheduleWithFixedDelay(guarded("load", this::publishBatch), 0, 5, TimeUnit.MILLISECONDS);

            long end = startNanos + (long) (MINUTES * 60e9);
            for (int n = 1; ; n++) {
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (remainingMillis < TimeUnit.SECONDS.toMillis(FAULT_MIN_SECONDS)) {
                    break;
                }
                long waitMillis = Math.min(remainingMillis, TimeUnit.SECONDS.toMillis(
                        ThreadLocalRandom.current().nextInt(FAULT_MIN_SECONDS, FAULT_MAX_SECONDS + 1)));
                if (aborted.await(waitMillis, TimeUnit.MILLISECONDS)) {
                    break;
                }
                Fault fault = FAULTS.get((n - 1) % FAULTS.size());
                round = "after fault #" + n + " " + fault;
                inject(fault);
                checkAll();
            }
            aborted.await(Math.max(0, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())), TimeUnit.MILLISECONDS);
        } finally {
            workers.shutdown();
            round = "end of churn and load";
            checks.check("churn and load threads stop within 30 s", workers.awaitTermination(30, TimeUnit.SECONDS),
                    "");
            workers.shutdownNow();
        }
        round = "final";
        checkAll();
        closeAndCheck();
        printSummary();
        assertEquals(0, checks.failed.get(), "soak checks failed; the first: " + checks.firstFailure.get());
    }

    // ------------------------------------------------------------------------------------------------ set-up

    private void createSlotsAndTargets() {
        for (int i = 0; i < SLOTS_PER_CHURNER; i++) {
            slots.add(new Slot(Api.UNTYPED_CHANNEL, PREFIX + "ch:" + i, PREFIX + "ch:" + i));
        }
        for (int i = SLOTS_PER_CHURNER; i < 2 * SLOTS_PER_CHURNER; i++) {
            slots.add(new Slot(Api.TYPED_CHANNEL, PREFIX + "ch:" + i, PREFIX + "ch:" + i));
        }
        for (int i = 0; i < SLOTS_PER_CHURNER; i++) {
            slots.add(new Slot(Api.PATTERN, PREFIX + "p:" + i + ":*", PREFIX + "p:" + i + ":x"));
        }
        List<String> targets = new ArrayList<>(slots.stream().map(s -> s.publishTo).toList());
        for (int i = 0; i < IDLE_CHANNELS; i++) {
            targets.add(PREFIX + "idle:" + i);
        }
        for (String target : targets) {
            sequences.put(target, new AtomicLong());
            typedTargets.put(target, herald.channel(target, PayloadType.of(Msg.class)));
        }
    }

    /**
     * A scheduled task whose unexpected failure (Herald calls that fail as expected are caught inside) fails the run
     * and ends it early, rather than cancelling the task silently.
     */
    private Runnable guarded(String name, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                checks.check(name + " step completes", false, stackTrace(e));
                aborted.countDown();
                throw e;
            }
        };
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------------ churn

    /** One subscription or unsubscription on a random slot this churner owns; skipped while the checks run. */
    private void churnStep(List<Slot> own) {
        if (churnPaused || !churnGate.readLock().tryLock()) {
            return;
        }
        try {
            Slot slot = own.get(ThreadLocalRandom.current().nextInt(own.size()));
            if (slot.subscription == null) {
                slot.subscribe();
            } else {
                slot.unsubscribe();
            }
        } finally {
            churnGate.readLock().unlock();
        }
    }

    /** Counts a churn call that failed (expected during faults) by where and what. */
    private void churnFailed(String what, Throwable e) {
        Throwable cause = (e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null
                ? e.getCause() : e;
        churnFailures.computeIfAbsent(what + ": " + cause.getClass().getSimpleName(), k -> new LongAdder())
                .increment();
    }

    /**
     * A channel or pattern one churner owns, and the subscription it currently wants ({@code null}: none). Touched
     * only by its churner, or by the checks while the churn is paused.
     */
    private final class Slot {
        final Api api;
        final String name;
        final String publishTo;
        final TypedChannel<Msg> typed;
        Subscription subscription;
        Object handler;
        Receiver receiver;
        int unsubscribes;

        Slot(Api api, String name, String publishTo) {
            this.api = api;
            this.name = name;
            this.publishTo = publishTo;
            this.typed = api == Api.TYPED_CHANNEL ? herald.channel(name, PayloadType.of(Msg.class)) : null;
        }

        void subscribe() {
            Receiver next = new Receiver(name);
            try {
                switch (api) {
                    case UNTYPED_CHANNEL -> {
                        MessageHandler<Msg> h = m -> next.accept(name, m);
                        subscription = herald.subscribe(name, Msg.class, h);
                        handler = h;
                    }
                    case TYPED_CHANNEL -> {
                        MessageHandler<Msg> h = m -> next.accept(name, m);
                        CompletableFuture<Subscription> stage = typed.subscribeAsync(h).toCompletableFuture();
                        try {
                            subscription = stage.get(STAGE_BOUND.toMillis(), TimeUnit.MILLISECONDS);
                            handler = h;
                        } catch (TimeoutException e) {
                            checks.check("subscribeAsync('" + name + "') completes within " + STAGE_BOUND.toSeconds()
                                    + " s", false, "still pending; unsubscribing it when it completes");
                            stage.thenAccept(Subscription::unsubscribe);
                        }
                    }
                    case PATTERN -> {
                        PatternHandler<Msg> h = next::accept;
                        subscription = herald.psubscribe(name, Msg.class, h);
                        handler = h;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                churnFailed(api + " subscribe", e);
            }
            if (subscription != null) {
                receiver = next;
            }
        }

        /** Unwanted from the moment it is asked for, whatever the stage says later. */
        void unsubscribe() {
            Subscription current = subscription;
            int way = unsubscribes++ % 3;
            CompletionStage<Void> stage;
            String how;
            if (way == 0) {
                how = "subscription.unsubscribe()";
                stage = current.unsubscribe();
            } else if (api == Api.PATTERN) {
                how = way == 1 ? "punsubscribe(pattern, handler)" : "punsubscribe(pattern)";
                stage = way == 1 ? herald.punsubscribe(name, (PatternHandler<?>) handler) : herald.punsubscribe(name);
            } else if (api == Api.TYPED_CHANNEL && way == 1) {
                how = "subscription.close()";
                stage = CompletableFuture.runAsync(current::close);
            } else {
                how = way == 1 ? "unsubscribe(channel, handler)" : "unsubscribe(channel)";
                stage = way == 1 ? herald.unsubscribe(name, (MessageHandler<?>) handler) : herald.unsubscribe(name);
            }
            subscription = null;
            handler = null;
            receiver = null;
            try {
                stage.toCompletableFuture().get(STAGE_BOUND.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                checks.check(how + " on '" + name + "' completes within " + STAGE_BOUND.toSeconds() + " s", false,
                        "still pending");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                churnFailed(api + " " + how, e);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ load

    /** Four publishes to random targets: CompletionStage publishes and fire-and-forget sends in turn. */
    private void publishBatch() {
        List<String> targets = new ArrayList<>(sequences.keySet());
        for (int i = 0; i < 4; i++) {
            String target = targets.get(ThreadLocalRandom.current().nextInt(targets.size()));
            if (i % 2 == 0) {
                if (inFlight.tryAcquire()) {
                    publishNext(target).whenComplete((n, e) -> inFlight.release());
                }
            } else {
                synchronized (publishLock) {
                    typedTargets.get(target).send(new Msg(target, sequences.get(target).incrementAndGet()));
                }
                sent.increment();
            }
        }
    }

    /** Publishes the target's next sequence number and counts the outcome; returns the stage and the number. */
    private CompletionStage<Long> publishNext(String target) {
        CompletionStage<Long> stage;
        synchronized (publishLock) {
            stage = herald.publish(target, new Msg(target, sequences.get(target).incrementAndGet()));
        }
        return stage.whenComplete((n, e) -> (e == null ? published : publishFailed).increment());
    }

    /** What one subscription received: counts, and the last sequence number per channel, which must increase. */
    private final class Receiver {
        final String subscribedTo;
        final Map<String, Long> lastSeq = new ConcurrentHashMap<>();

        Receiver(String subscribedTo) {
            this.subscribedTo = subscribedTo;
        }

        void accept(String channel, Msg message) {
            received.increment();
            Long previous = lastSeq.put(channel, message.seq());
            if (!channel.equals(message.channel()) || (previous != null && message.seq() <= previous)) {
                orderViolations.incrementAndGet();
                firstOrderViolation.compareAndSet(null, "subscription to '" + subscribedTo + "' got " + message
                        + " on '" + channel + "' after seq " + previous);
            }
        }

        long highest(String channel) {
            return lastSeq.getOrDefault(channel, 0L);
        }
    }

    // ------------------------------------------------------------------------------------------------ faults

    private void inject(Fault fault) {
        faults.merge(fault, 1, Integer::sum);
        switch (fault) {
            case CLIENT_KILL_PUBSUB -> print("inject %s: killed %s connection(s)", fault,
                    redis.command("CLIENT", "KILL", "TYPE", "pubsub"));
            case KILL_9_RESTART -> {
                int before = disconnects.get();
                redis.kill();
                boolean noticed = waitFor(Duration.ofSeconds(10), () -> disconnects.get() > before);
                redis.restart();
                print("inject %s: killed, Herald %s the disconnect, restarted on port %d", fault,
                        noticed ? "noticed" : "did NOT notice within 10 s", redis.port());
            }
            case CLIENT_PAUSE -> {
                print("inject %s: CLIENT PAUSE 1500 ALL -> %s", fault, redis.command("CLIENT", "PAUSE", "1500", "ALL"));
                boolean back = waitFor(Duration.ofSeconds(10), redis::ping);
                print("inject %s: server answers PING again: %s", fault, back);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ checks

    /** Pauses the churn, checks everything, resumes. */
    private void checkAll() throws InterruptedException {
        churnPaused = true;
        boolean quiet = churnGate.writeLock().tryLock(SETTLE.toSeconds(), TimeUnit.SECONDS);
        try {
            checks.check("churn pauses within " + SETTLE.toSeconds() + " s", quiet, "");
            if (quiet) {
                checkServerState();
                checkProbes();
            }
            checkOrder();
            checkThreads();
            checkHeap();
            checkErrors();
        } finally {
            if (quiet) {
                churnGate.writeLock().unlock();
            }
            churnPaused = false;
        }
    }

    private void checkServerState() {
        Set<String> wantedChannels = slots.stream().filter(s -> s.api != Api.PATTERN && s.subscription != null)
                .map(s -> s.name).collect(Collectors.toCollection(TreeSet::new));
        long wantedPatterns = slots.stream().filter(s -> s.api == Api.PATTERN && s.subscription != null).count();

        // one settling budget for the three waits, so that a run that does not converge still moves on promptly
        long settleBy = System.nanoTime() + SETTLE.toNanos();
        AtomicReference<Health> lastHealth = new AtomicReference<>();
        boolean healthy = waitFor(SETTLE, () -> {
            lastHealth.set(herald.health().toCompletableFuture().get(5, TimeUnit.SECONDS));
            return lastHealth.get().healthy();
        });
        checks.check("herald.health().healthy() within " + SETTLE.toSeconds() + " s", healthy,
                String.valueOf(lastHealth.get()));

        AtomicReference<Set<String>> server = new AtomicReference<>(Set.of());
        boolean same = waitFor(left(settleBy), () -> {
            server.set(new TreeSet<>(redis.pubsubChannels(PREFIX + "*")));
            return server.get().equals(wantedChannels);
        });
        Set<String> leaked = new TreeSet<>(server.get());
        leaked.removeAll(wantedChannels);
        Set<String> missing = new TreeSet<>(wantedChannels);
        missing.removeAll(server.get());
        checks.check("PUBSUB CHANNELS " + PREFIX + "* == wanted (" + wantedChannels.size() + ")", same,
                same ? "" : "leaked " + leaked + ", missing " + missing);

        Map<String, Long> wrong = new TreeMap<>();
        for (Slot slot : slots) {
            if (slot.api != Api.PATTERN) {
                long numsub = redis.numsub(slot.name);
                if (numsub != (slot.subscription != null ? 1 : 0)) {
                    wrong.put(slot.name + (slot.subscription != null ? " (wanted)" : " (unwanted)"), numsub);
                }
            }
        }
        checks.check("PUBSUB NUMSUB: wanted == 1, unwanted == 0 (" + 2 * SLOTS_PER_CHURNER + " channels)",
                wrong.isEmpty(), wrong.isEmpty() ? "" : "wrong: " + wrong);

        AtomicReference<String> numpat = new AtomicReference<>();
        boolean patterns = waitFor(left(settleBy), () -> {
            numpat.set(redis.command("PUBSUB", "NUMPAT"));
            return numpat.get().equals(Long.toString(wantedPatterns));
        });
        checks.check("PUBSUB NUMPAT == wanted patterns (" + wantedPatterns + ")", patterns, "server: " + numpat.get());

        String pubsubClients = redis.command("CLIENT", "LIST", "TYPE", "pubsub");
        long connections = pubsubClients.isBlank() ? 0 : pubsubClients.lines().count();
        checks.check("at most one pub/sub connection on the server", connections <= 1, connections + " connections");

        List<String> inactive = slots.stream().filter(s -> s.subscription != null && !s.subscription.isActive())
                .map(s -> s.name).toList();
        checks.check("every wanted subscription isActive()", inactive.isEmpty(),
                inactive.isEmpty() ? "" : "inactive: " + inactive);
    }

    /** Every live subscription receives a message published now. */
    private void checkProbes() {
        List<String> silent = new ArrayList<>();
        int probed = 0;
        for (Slot slot : slots) {
            if (slot.subscription == null) {
                continue;
            }
            probed++;
            Receiver receiver = slot.receiver;
            long seq;
            synchronized (publishLock) {
                seq = sequences.get(slot.publishTo).get() + 1;
            }
            AtomicReference<CompletionStage<Long>> probe = new AtomicReference<>(publishNext(slot.publishTo));
            boolean got = waitFor(PROBE_BOUND, () -> {
                if (probe.get().toCompletableFuture().isCompletedExceptionally()) {
                    probe.set(publishNext(slot.publishTo)); // lost in the fault's tail: publish another
                }
                return receiver.highest(slot.publishTo) >= seq;
            });
            if (!got) {
                silent.add(slot.name + " (last seq " + receiver.highest(slot.publishTo) + ", probe " + seq + ")");
            }
        }
        checks.check("every live subscription receives a probe within " + PROBE_BOUND.toSeconds() + " s (" + probed
                + ")", silent.isEmpty(), silent.isEmpty() ? "" : "silent: " + silent);
    }

    private void checkOrder() {
        long violations = orderViolations.get();
        checks.check("per-subscription order never violated (" + received.sum() + " received)", violations == 0,
                violations == 0 ? "" : violations + " violations, first: " + firstOrderViolation.get());
    }

    private void checkThreads() {
        List<String> names = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("herald-")).sorted().toList();
        long handlers = names.stream().filter(n -> n.contains("-handler-")).count();
        long callbacks = names.stream().filter(n -> n.contains("-callback-")).count();
        int bound = HANDLER_THREADS + 1 + CALLBACK_THREAD_ALLOWANCE;
        checks.check("herald- threads within the pool bound (handlers <= " + HANDLER_THREADS + ", all <= " + bound
                        + ")", handlers <= HANDLER_THREADS && names.size() <= bound,
                names.size() + " threads: " + handlers + " handler, " + callbacks + " callback"
                        + (names.size() > bound ? ": " + names : ""));
    }

    private void checkHeap() {
        System.gc();
        long usedMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        checks.check("heap after GC < " + HEAP_BOUND_MB + " MB", usedMb < HEAP_BOUND_MB, usedMb + " MB");
    }

    private void checkErrors() {
        Map<HeraldError.Kind, Long> counts = new EnumMap<>(HeraldError.Kind.class);
        errors.forEach((kind, n) -> counts.put(kind, n.sum()));
        boolean none = UNEXPECTED_ERRORS.stream().allMatch(kind -> counts.get(kind) == 0);
        checks.check("error handler: no " + UNEXPECTED_ERRORS.stream().sorted().toList() + " errors", none,
                "by kind " + counts);
    }

    /** Shuts Herald down: nothing stays subscribed on the server and no herald- thread stays behind. */
    private void closeAndCheck() {
        round = "after shutdown";
        ShutdownReport report = herald.shutdown(Duration.ofSeconds(10));
        print("shutdown: %s", report);
        AtomicReference<String> left = new AtomicReference<>();
        boolean clean = waitFor(CONVERGE, () -> {
            left.set("channels " + redis.pubsubChannels(PREFIX + "*") + ", NUMPAT "
                    + redis.command("PUBSUB", "NUMPAT"));
            return redis.pubsubChannels(PREFIX + "*").isEmpty() && "0".equals(redis.command("PUBSUB", "NUMPAT"));
        });
        checks.check("after shutdown the server has no subscriptions", clean, left.get());
        AtomicReference<List<String>> threads = new AtomicReference<>();
        boolean gone = waitFor(Duration.ofSeconds(40), () -> {
            threads.set(Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(n -> n.startsWith("herald-")).sorted().toList());
            return threads.get().isEmpty();
        });
        checks.check("after shutdown no herald- thread is left (40 s)", gone, "left: " + threads.get());
    }

    // ------------------------------------------------------------------------------------------------ output

    /** What is left of a budget, and at least one poll. */
    private static Duration left(long deadlineNanos) {
        return Duration.ofNanos(Math.max(TimeUnit.MILLISECONDS.toNanos(500), deadlineNanos - System.nanoTime()));
    }

    /** Waits for a condition, bounded; a condition that throws counts as not yet true. */
    private static boolean waitFor(Duration atMost, Callable<Boolean> condition) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private void print(String format, Object... args) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
        System.out.printf("SOAK %02d:%02d  %s%n", seconds / 60, seconds % 60, String.format(format, args));
    }

    private void printSummary() {
        double minutes = (System.nanoTime() - startNanos) / 60e9;
        print("==================== soak summary ====================");
        print("ran %.1f min (asked %.1f)", minutes, MINUTES);
        print("faults injected: %s", faults);
        print("checks: %d passed, %d failed", checks.passed.get(), checks.failed.get());
        print("published: %d acknowledged, %d failed, %d fire-and-forget; received: %d", published.sum(),
                publishFailed.sum(), sent.sum(), received.sum());
        Map<HeraldError.Kind, Long> counts = new EnumMap<>(HeraldError.Kind.class);
        errors.forEach((kind, n) -> counts.put(kind, n.sum()));
        print("error handler by kind: %s", counts);
        Map<String, Long> failures = new TreeMap<>();
        churnFailures.forEach((what, n) -> failures.put(what, n.sum()));
        print("churn calls that failed (expected during faults): %s", failures);
        print("first failure: %s", checks.firstFailure.get() == null ? "none" : checks.firstFailure.get());
    }

    /** Counts and prints checks; keeps the first failure in full. */
    private final class Checks {
        final AtomicInteger passed = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicReference<String> firstFailure = new AtomicReference<>();

        void check(String name, boolean ok, String detail) {
            (ok ? passed : failed).incrementAndGet();
            String line = (ok ? "PASS  " : "FAIL  ") + "[" + round + "] " + name
                    + (detail.isEmpty() ? "" : ": " + detail);
            print("%s", line);
            if (!ok) {
                long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
                firstFailure.compareAndSet(null, "at " + seconds + " s " + line);
            }
        }
    }
}
