package dev.herald.internal.redis;

import dev.herald.HeraldException;
import dev.herald.internal.Waits;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one pub/sub connection's subscriptions on the server towards the set its owner wants, whatever
 * happens on the way: a SUBSCRIBE acknowledged after its caller gave up, an UNSUBSCRIBE asked for while
 * the connection was down, a client library that re-subscribes on reconnect whatever it remembers, a
 * server that dropped the connection.
 *
 * <p>It keeps, per channel and per pattern, whether it is wanted and what the server last acknowledged
 * for it, and sends the SUBSCRIBE/UNSUBSCRIBE (PSUBSCRIBE/PUNSUBSCRIBE) needed to close the gap: in
 * batches of up to {@code batchSize} names, one command in flight at a time (concurrent requests
 * coalesce into the next command), never while disconnected. Acknowledgements are counted per name, from
 * the server's own replies (one per name, whatever the number of names in the command), never from a
 * client's command future, which for a multi-name SUBSCRIBE completes on the first reply.
 *
 * <p>Every command is idempotent on the server and a connection executes its commands in order, so the
 * state a name ends in is the effect of the last command sent for it; the reconciler only has to make
 * that command match what is wanted, on the live connection and after every reconnect (its commands then
 * follow whatever the client library re-sent on its own). An acknowledgement that leaves the server
 * different from what is wanted, with no command on its way to fix it, schedules one.
 *
 * <p>Thread-safe; every method is non-blocking. The {@link Commands} and the stages it completes are
 * called under the reconciler's lock, possibly on an I/O thread: they must not block.
 */
public final class SubscriptionReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionReconciler.class);

    /** How many names go in one command unless told otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 1_000;

    /** Sends one pub/sub command on the connection being reconciled. */
    @FunctionalInterface
    public interface Commands {

        /**
         * Sends {@code SUBSCRIBE}, {@code UNSUBSCRIBE}, {@code PSUBSCRIBE} or {@code PUNSUBSCRIBE} for some names.
         * The server's per-name acknowledgements must be passed to {@link #acknowledged}; the stage is only
         * read for a failure (an error reply, a timeout, a connection that refused the write).
         *
         * @param pattern whether the names are patterns
         * @param subscribe whether to subscribe (or unsubscribe)
         * @param names one or more names
         * @return the command's stage
         */
        CompletionStage<?> send(boolean pattern, boolean subscribe, String[] names);
    }

    /** How a command failed, for the reconciler to decide what follows. */
    public enum Failure {
        /** The server answered with an error: the command did nothing. */
        REFUSED,
        /** No answer in time: the server may still execute it. */
        TIMED_OUT,
        /** The connection did not take the command: a reconnect follows, and a full reconcile with it. */
        NOT_SENT
    }

    /** A channel or a pattern. */
    private record Name(String name, boolean pattern) {
    }

    /** One caller waiting for names to be acknowledged. */
    private static final class Waiter {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        int remaining;

        void countDown() {
            if (--remaining == 0) {
                done.complete(null);
            }
        }
    }

    private static final int NOT_QUEUED = -1;

    /** What is known of one name. */
    private static final class State {
        boolean wanted;
        /** What the server last acknowledged on this connection (and what a client library would re-send). */
        boolean serverHas;
        /** Commands sent on the current connection whose acknowledgement for this name has not arrived. */
        int pendingSubscribes;
        int pendingUnsubscribes;
        /** The queue this name waits in for its next command, or {@link #NOT_QUEUED}. */
        int queuedIn = NOT_QUEUED;
        List<Waiter> subscribeWaiters;
        List<Waiter> unsubscribeWaiters;

        boolean idle() {
            return !wanted && !serverHas && pendingSubscribes == 0 && pendingUnsubscribes == 0 && queuedIn == NOT_QUEUED
                    && subscribeWaiters == null && unsubscribeWaiters == null;
        }
    }

    /** The command in flight: the names whose acknowledgement it still waits for. */
    private static final class Batch {
        final boolean pattern;
        final boolean subscribe;
        final Set<Name> pending;

        Batch(boolean pattern, boolean subscribe, Set<Name> pending) {
            this.pattern = pattern;
            this.subscribe = subscribe;
            this.pending = pending;
        }
    }

    private final Commands commands;
    private final int batchSize;
    private final BiConsumer<Integer, Integer> resubscribed;
    private final java.util.function.Function<Throwable, Failure> classify;
    private final Map<Name, State> states = new HashMap<>();
    /** Names waiting for a command, by {@link #queue(boolean, boolean)}: insertion-ordered, so FIFO. */
    private final List<LinkedHashSet<Name>> queues = List.of(
            new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
    private int wantedChannels;
    private int wantedPatterns;
    private Batch inFlight;
    private boolean connected;
    /** A command was not taken by the connection: nothing more is sent until it reconnects. */
    private boolean stalled;
    private boolean closed;
    /** How many callers hold the commands back so that what they want next goes out together. */
    private int holds;
    /** After a reconnect: the names whose acknowledgement completes the re-subscription; null otherwise. */
    private Set<Name> resyncPending;

    /**
     * @param commands sends the commands
     * @param batchSize the most names in one command
     * @param classify says how a command's failure is to be read
     * @param resubscribed told, with the number of wanted channels and patterns, once the server acknowledged
     *     the wanted set after {@link #connectionRestored()}; called under the lock, must hand over at once
     * @param connected whether the connection is up now
     */
    public SubscriptionReconciler(Commands commands, int batchSize, java.util.function.Function<Throwable, Failure> classify,
            BiConsumer<Integer, Integer> resubscribed, boolean connected) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        this.commands = commands;
        this.batchSize = batchSize;
        this.classify = classify;
        this.resubscribed = resubscribed;
        this.connected = connected;
    }

    private static int queue(boolean pattern, boolean subscribe) {
        return (pattern ? 2 : 0) + (subscribe ? 1 : 0);
    }

    private static List<Name> names(Collection<String> names, boolean pattern) {
        List<Name> result = new ArrayList<>(names.size());
        for (String name : names) {
            result.add(new Name(name, pattern));
        }
        return result;
    }

    /**
     * Wants names subscribed.
     *
     * @param names the channels or patterns
     * @param pattern whether they are patterns
     * @return a stage that completes once the server acknowledged every one of them (at once for those it
     *     already has, or for one {@linkplain #unwant unwanted} first); while disconnected, once the connection is
     *     back and they are acknowledged. It fails when the server refuses or does not answer in time; the
     *     names stay wanted until {@link #unwant} is called
     */
    public synchronized CompletionStage<Void> want(Collection<String> names, boolean pattern) {
        if (closed) {
            return CompletableFuture.failedFuture(new HeraldException("the subscription connection is closed"));
        }
        Waiter waiter = new Waiter();
        for (Name name : names(names, pattern)) {
            State state = states.computeIfAbsent(name, n -> new State());
            if (!state.wanted) {
                state.wanted = true;
                count(name, 1);
            }
            if (connected && state.serverHas && state.pendingUnsubscribes == 0 && !queuedToUnsubscribe(state)) {
                continue; // the server has it and nothing on its way takes it away
            }
            waiter.remaining++;
            state.subscribeWaiters = add(state.subscribeWaiters, waiter);
            if (!(state.pendingSubscribes > 0 && state.pendingUnsubscribes == 0 && state.queuedIn == NOT_QUEUED)) {
                enqueue(name, state);
            }
        }
        if (waiter.remaining == 0) {
            waiter.done.complete(null);
        }
        pump();
        return waiter.done;
    }

    /**
     * No longer wants names subscribed. A stage still waiting for one of them to be subscribed stops waiting
     * for it.
     *
     * @param names the channels or patterns
     * @param pattern whether they are patterns
     * @return a stage that completes once the server acknowledged the unsubscription of each one it may have;
     *     at once while disconnected (the server dropped the connection's subscriptions with it; the names
     *     are unsubscribed again after a reconnect should the client library re-subscribe them)
     */
    public synchronized CompletionStage<Void> unwant(Collection<String> names, boolean pattern) {
        Waiter waiter = new Waiter();
        for (Name name : names(names, pattern)) {
            State state = states.get(name);
            if (state == null) {
                continue;
            }
            if (state.wanted) {
                state.wanted = false;
                count(name, -1);
                if (resyncPending != null && resyncPending.remove(name)) {
                    checkResync();
                }
            }
            if (state.subscribeWaiters != null) {
                // the subscriptions waiting for it ended before they were acknowledged: nothing to wait for
                state.subscribeWaiters.forEach(Waiter::countDown);
                state.subscribeWaiters = null;
            }
            if (!connected) {
                if (state.queuedIn != NOT_QUEUED) {
                    queues.get(state.queuedIn).remove(name);
                    state.queuedIn = NOT_QUEUED;
                }
                forgetIfIdle(name, state);
                continue; // a reconnect unsubscribes it if the client library re-subscribes it
            }
            if (!state.serverHas && state.pendingSubscribes == 0 && state.queuedIn == NOT_QUEUED) {
                forgetIfIdle(name, state);
                continue; // the server does not have it and nothing on its way gives it
            }
            waiter.remaining++;
            state.unsubscribeWaiters = add(state.unsubscribeWaiters, waiter);
            if (!(state.pendingUnsubscribes > 0 && state.pendingSubscribes == 0 && state.queuedIn == NOT_QUEUED)) {
                enqueue(name, state);
            }
        }
        if (waiter.remaining == 0) {
            waiter.done.complete(null);
        }
        pump();
        return waiter.done;
    }

    private static boolean queuedToUnsubscribe(State state) {
        return state.queuedIn != NOT_QUEUED && (state.queuedIn & 1) == 0;
    }

    private static List<Waiter> add(List<Waiter> waiters, Waiter waiter) {
        List<Waiter> list = waiters != null ? waiters : new ArrayList<>(1);
        list.add(waiter);
        return list;
    }

    private void count(Name name, int delta) {
        if (name.pattern()) {
            wantedPatterns += delta;
        } else {
            wantedChannels += delta;
        }
    }

    private void failWaiters(State state, Throwable failure) {
        if (state.subscribeWaiters != null) {
            state.subscribeWaiters.forEach(w -> w.done.completeExceptionally(failure));
            state.subscribeWaiters = null;
        }
    }

    /** Puts a name in the queue for the command its wanted state needs. */
    private void enqueue(Name name, State state) {
        int target = queue(name.pattern(), state.wanted);
        if (state.queuedIn == target) {
            return;
        }
        if (state.queuedIn != NOT_QUEUED) {
            queues.get(state.queuedIn).remove(name);
        }
        queues.get(target).add(name);
        state.queuedIn = target;
    }

    private void forgetIfIdle(Name name, State state) {
        if (state.idle()) {
            states.remove(name);
        }
    }

    /**
     * Holds back the commands until the returned action runs, so that the subscribes and unsubscribes asked for
     * meanwhile go out merged into as few commands as can carry them (a generated {@code listen}, for one).
     *
     * @return releases the hold and sends what is waiting; running it again does nothing
     */
    public synchronized Runnable hold() {
        holds++;
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                release();
            }
        };
    }

    private synchronized void release() {
        holds--;
        pump();
    }

    /** Sends the next command, unless one is in flight, the connection is down or a caller holds them back. */
    private void pump() {
        while (connected && !stalled && !closed && inFlight == null && holds == 0) {
            int next = NOT_QUEUED;
            for (int q = 0; q < queues.size(); q++) {
                if (!queues.get(q).isEmpty()) {
                    next = q;
                    break;
                }
            }
            if (next == NOT_QUEUED) {
                return;
            }
            boolean pattern = next >= 2;
            boolean subscribe = (next & 1) == 1;
            Set<Name> batch = new HashSet<>();
            List<String> names = new ArrayList<>(Math.min(batchSize, queues.get(next).size()));
            for (Iterator<Name> it = queues.get(next).iterator(); it.hasNext() && names.size() < batchSize; ) {
                Name name = it.next();
                it.remove();
                State state = states.get(name);
                state.queuedIn = NOT_QUEUED;
                if (subscribe) {
                    state.pendingSubscribes++;
                } else {
                    state.pendingUnsubscribes++;
                }
                batch.add(name);
                names.add(name.name());
            }
            Batch sent = new Batch(pattern, subscribe, batch);
            inFlight = sent;
            CompletionStage<?> stage;
            try {
                stage = commands.send(pattern, subscribe, names.toArray(new String[0]));
            } catch (RuntimeException e) {
                stage = CompletableFuture.failedFuture(e);
            }
            stage.whenComplete((ok, failure) -> {
                if (failure != null) {
                    failed(sent, Waits.unwrap(failure));
                }
            });
        }
    }

    private synchronized void failed(Batch batch, Throwable failure) {
        if (inFlight != batch) {
            return; // acknowledged meanwhile, or the connection was reset
        }
        inFlight = null;
        Failure kind = classify.apply(failure);
        LOG.debug("Herald: {}{} of {} name(s) failed ({}): {}", batch.pattern ? "P" : "", batch.subscribe ? "SUBSCRIBE"
                : "UNSUBSCRIBE", batch.pending.size(), kind, failure.toString());
        for (Name name : batch.pending) {
            State state = states.get(name);
            if (state == null) {
                continue;
            }
            if (kind != Failure.TIMED_OUT) {
                // the command will not reach the server: nothing of it is pending any more
                if (batch.subscribe) {
                    state.pendingSubscribes = Math.max(0, state.pendingSubscribes - 1);
                } else {
                    state.pendingUnsubscribes = Math.max(0, state.pendingUnsubscribes - 1);
                }
            }
            if (kind == Failure.NOT_SENT) {
                if (connected && state.wanted != state.serverHas) {
                    enqueue(name, state);
                }
                continue; // the waiters wait for the reconnect
            }
            List<Waiter> waiters = batch.subscribe ? state.subscribeWaiters : state.unsubscribeWaiters;
            if (waiters != null && (batch.subscribe == state.wanted)) {
                waiters.forEach(w -> w.done.completeExceptionally(failure));
                if (batch.subscribe) {
                    state.subscribeWaiters = null;
                } else {
                    state.unsubscribeWaiters = null;
                }
            }
            forgetIfIdle(name, state);
        }
        if (kind == Failure.NOT_SENT) {
            stalled = true; // the connection is going down: its reconnect sends everything wanted again
        } else {
            pump();
        }
    }

    /**
     * The server acknowledged one name of a command: a {@code subscribe}, {@code unsubscribe},
     * {@code psubscribe} or {@code punsubscribe} reply, whoever sent the command.
     *
     * @param name the channel or pattern
     * @param pattern whether it is a pattern
     * @param subscribed whether the reply says subscribed (or unsubscribed)
     */
    public synchronized void acknowledged(String name, boolean pattern, boolean subscribed) {
        Name key = new Name(name, pattern);
        State state = states.get(key);
        if (state == null) {
            if (!subscribed || closed) {
                return; // nothing wanted, nothing on the server
            }
            state = new State(); // subscribed by someone else's command on this connection: not wanted
            states.put(key, state);
        }
        state.serverHas = subscribed;
        if (subscribed) {
            state.pendingSubscribes = Math.max(0, state.pendingSubscribes - 1);
        } else {
            state.pendingUnsubscribes = Math.max(0, state.pendingUnsubscribes - 1);
        }
        boolean batchDone = false;
        if (inFlight != null && inFlight.pattern == pattern && inFlight.subscribe == subscribed && inFlight.pending.remove(key)
                && inFlight.pending.isEmpty()) {
            inFlight = null;
            batchDone = true;
        }
        if (subscribed && state.wanted && state.pendingUnsubscribes == 0 && state.subscribeWaiters != null) {
            state.subscribeWaiters.forEach(Waiter::countDown);
            state.subscribeWaiters = null;
        }
        if (!subscribed && !state.wanted && state.pendingSubscribes == 0 && state.unsubscribeWaiters != null) {
            state.unsubscribeWaiters.forEach(Waiter::countDown);
            state.unsubscribeWaiters = null;
        }
        if (resyncPending != null && subscribed == state.wanted && resyncPending.remove(key)) {
            checkResync();
        }
        if (connected && !closed && state.wanted != state.serverHas && state.queuedIn == NOT_QUEUED
                && (state.wanted ? state.pendingSubscribes == 0 : state.pendingUnsubscribes == 0)) {
            // the server moved away from what is wanted and nothing on its way brings it back
            enqueue(key, state);
            batchDone = true;
        }
        forgetIfIdle(key, state);
        if (batchDone) {
            pump();
        }
    }

    private void checkResync() {
        if (resyncPending != null && resyncPending.isEmpty()) {
            resyncPending = null;
            resubscribed.accept(wantedChannels, wantedPatterns);
        }
    }

    /** The connection dropped: the server forgot its subscriptions, and nothing sent on it will be acknowledged. */
    public synchronized void connectionLost() {
        connected = false;
        stalled = false;
        inFlight = null;
        resyncPending = null;
        for (LinkedHashSet<Name> queue : queues) {
            queue.clear();
        }
        for (State state : states.values()) {
            state.pendingSubscribes = 0;
            state.pendingUnsubscribes = 0;
            state.queuedIn = NOT_QUEUED;
            // serverHas stays: it is what the client library re-subscribes on reconnect
        }
    }

    /**
     * The connection is back, and whatever the client library re-sends on reconnect was written before this
     * call: subscribes everything wanted again and unsubscribes what the library may have re-subscribed that is
     * no longer wanted. Calls {@code resubscribed} once the server acknowledged all of it.
     */
    public synchronized void connectionRestored() {
        if (closed) {
            return;
        }
        connected = true;
        stalled = false;
        inFlight = null;
        resyncPending = new HashSet<>();
        List<Name> idle = new ArrayList<>();
        for (Map.Entry<Name, State> entry : states.entrySet()) {
            State state = entry.getValue();
            state.pendingSubscribes = 0;
            state.pendingUnsubscribes = 0;
            if (state.wanted || state.serverHas) {
                enqueue(entry.getKey(), state);
                resyncPending.add(entry.getKey());
            } else {
                if (state.queuedIn != NOT_QUEUED) {
                    queues.get(state.queuedIn).remove(entry.getKey());
                    state.queuedIn = NOT_QUEUED;
                }
                if (state.idle()) {
                    idle.add(entry.getKey());
                }
            }
        }
        idle.forEach(states::remove);
        checkResync();
        pump();
    }

    /** Fails every stage still waiting; sends nothing more. */
    public synchronized void close() {
        closed = true;
        HeraldException failure = new HeraldException("the subscription connection was closed");
        for (State state : states.values()) {
            failWaiters(state, failure);
            if (state.unsubscribeWaiters != null) {
                state.unsubscribeWaiters.forEach(w -> w.done.complete(null)); // a closed connection holds nothing
                state.unsubscribeWaiters = null;
            }
        }
    }

    /** @return whether nothing is wanted: no channel, no pattern */
    public synchronized boolean wantsNothing() {
        return wantedChannels == 0 && wantedPatterns == 0;
    }

    /**
     * For tests and diagnostics.
     *
     * @return the wanted channels
     */
    public synchronized Set<String> wantedChannels() {
        Set<String> result = new java.util.TreeSet<>();
        states.forEach((name, state) -> {
            if (state.wanted && !name.pattern()) {
                result.add(name.name());
            }
        });
        return result;
    }
}
