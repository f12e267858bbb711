package dev.herald.internal.redis;

import dev.herald.HeraldException;
import dev.herald.internal.Waits;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * for it (a {@link NameStates}), and sends the SUBSCRIBE/UNSUBSCRIBE (PSUBSCRIBE/PUNSUBSCRIBE) needed
 * to close the gap: in batches of up to {@code batchSize} names ({@link CommandQueues}), one command in flight
 * at a time (concurrent requests coalesce into the next command), never while disconnected. Acknowledgements
 * are counted per name, from the server's own replies (one per name, whatever the number of names in the
 * command), never from a client's command future, which for a multi-name SUBSCRIBE completes on the first reply.
 *
 * <p>Every command is idempotent on the server and a connection executes its commands in order, so the
 * state a name ends in is the effect of the last command sent for it; the reconciler only has to make
 * that command match what is wanted, on the live connection and after every reconnect (its commands then
 * follow whatever the client library re-sent on its own). An acknowledgement that leaves the server
 * different from what is wanted, with no command on its way to fix it, schedules one.
 *
 * <p>Thread-safe; every method is non-blocking. The {@link SubscriptionCommands} and the stages it completes
 * are called under the reconciler's lock, possibly on an I/O thread: they must not block.
 */
public final class SubscriptionReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionReconciler.class);

    private final SubscriptionCommands commands;
    private final int batchSize;
    private final NameStates table = new NameStates();
    private final CommandQueues queues = new CommandQueues();
    private InFlightCommand inFlight;
    private boolean connected;
    /** A command was not taken by the connection: nothing more is sent until it reconnects. */
    private boolean stalled;
    private boolean closed;
    /** How many callers hold the commands back so that what they want next goes out together. */
    private int holds;
    private final ResubscriptionWatch resubscription;

    /**
     * @param commands sends the commands and reads their failures
     * @param batchSize the most names in one command
     * @param resubscribed told, with the number of wanted channels and patterns, once the server acknowledged
     *     the wanted set after {@link #connectionRestored()}; called under the lock, must hand over at once
     * @param connected whether the connection is up now
     */
    public SubscriptionReconciler(SubscriptionCommands commands, int batchSize, BiConsumer<Integer, Integer> resubscribed,
            boolean connected) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        this.commands = commands;
        this.batchSize = batchSize;
        this.resubscription = new ResubscriptionWatch(table, resubscribed);
        this.connected = connected;
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
        AckWaiter waiter = new AckWaiter();
        for (PubSubName name : PubSubName.all(names, pattern)) {
            NameState state = table.getOrAdd(name);
            table.want(name, state);
            if (connected && state.serverHas && state.pendingUnsubscribes == 0 && !state.queuedToUnsubscribe()) {
                continue; // the server has it and nothing on its way takes it away
            }
            state.await(true, waiter);
            if (!(state.pendingSubscribes > 0 && state.pendingUnsubscribes == 0 && !state.queued())) {
                queues.enqueue(name, state);
            }
        }
        CompletableFuture<Void> stage = waiter.stage();
        pump();
        return stage;
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
        AckWaiter waiter = new AckWaiter();
        for (PubSubName name : PubSubName.all(names, pattern)) {
            NameState state = table.get(name);
            if (state == null) {
                continue;
            }
            if (table.unwant(name, state)) {
                resubscription.settled(name);
            }
            // the subscriptions waiting for it ended before they were acknowledged: nothing to wait for
            state.release(true);
            if (!connected) {
                queues.remove(name, state);
                table.forgetIfIdle(name, state);
                continue; // a reconnect unsubscribes it if the client library re-subscribes it
            }
            if (!state.serverHas && state.pendingSubscribes == 0 && !state.queued()) {
                table.forgetIfIdle(name, state);
                continue; // the server does not have it and nothing on its way gives it
            }
            state.await(false, waiter);
            if (!(state.pendingUnsubscribes > 0 && state.pendingSubscribes == 0 && !state.queued())) {
                queues.enqueue(name, state);
            }
        }
        CompletableFuture<Void> stage = waiter.stage();
        pump();
        return stage;
    }

    /**
     * Holds back the commands until the returned action runs, so that the subscribes and unsubscribes asked for
     * meanwhile go out merged into as few commands as can carry them (a generated {@code listen}, for one).
     *
     * @return releases the hold and sends what is waiting; running it again does nothing
     */
    synchronized Runnable hold() {
        holds++;
        AtomicBoolean released = new AtomicBoolean();
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
            InFlightCommand sent = queues.next(batchSize, table::get);
            if (sent == null) {
                return;
            }
            inFlight = sent;
            sent.sendWith(commands).whenComplete((ok, failure) -> {
                if (failure != null) {
                    failed(sent, Waits.unwrap(failure));
                }
            });
        }
    }

    private synchronized void failed(InFlightCommand command, Throwable failure) {
        if (inFlight != command) {
            return; // acknowledged meanwhile, or the connection was reset
        }
        inFlight = null;
        CommandFailure kind = commands.classify(failure);
        LOG.debug("Herald: {}{} of {} name(s) failed ({}): {}", command.pattern() ? "P" : "",
                command.subscribe() ? "SUBSCRIBE" : "UNSUBSCRIBE", command.pending().size(), kind, failure.toString());
        for (PubSubName name : command.pending()) {
            NameState state = table.get(name);
            if (state == null) {
                continue;
            }
            if (kind != CommandFailure.TIMED_OUT) {
                state.settled(command.subscribe()); // the command will not reach the server
            }
            if (kind == CommandFailure.NOT_SENT) {
                if (connected && state.wanted != state.serverHas) {
                    queues.enqueue(name, state);
                }
                continue; // the waiters wait for the reconnect
            }
            if (command.subscribe() == state.wanted) {
                state.fail(command.subscribe(), failure);
            }
            table.forgetIfIdle(name, state);
        }
        if (kind == CommandFailure.NOT_SENT) {
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
        PubSubName key = new PubSubName(name, pattern);
        NameState state = table.get(key);
        if (state == null) {
            if (!subscribed || closed) {
                return; // nothing wanted, nothing on the server
            }
            state = table.getOrAdd(key); // subscribed by someone else's command on this connection: not wanted
        }
        state.serverHas = subscribed;
        state.settled(subscribed);
        boolean commandDone = false;
        if (inFlight != null && inFlight.acknowledge(key, pattern, subscribed)) {
            inFlight = null;
            commandDone = true;
        }
        if (subscribed == state.wanted) {
            if (state.pending(!subscribed) == 0) {
                state.release(subscribed);
            }
            resubscription.settled(key);
        }
        if (connected && !closed && state.wanted != state.serverHas && !state.queued()
                && state.pending(state.wanted) == 0) {
            // the server moved away from what is wanted and nothing on its way brings it back
            queues.enqueue(key, state);
            commandDone = true;
        }
        table.forgetIfIdle(key, state);
        if (commandDone) {
            pump();
        }
    }

    /** The connection dropped: the server forgot its subscriptions, and nothing sent on it will be acknowledged. */
    public synchronized void connectionLost() {
        connected = false;
        stalled = false;
        inFlight = null;
        resubscription.cancel();
        queues.clear();
        table.forEach((name, state) -> state.connectionLost());
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
        Set<PubSubName> resync = new HashSet<>();
        table.forEachThenForgetIdle((name, state) -> {
            state.forgetPending();
            if (state.wanted || state.serverHas) {
                queues.enqueue(name, state);
                resync.add(name);
            } else {
                queues.remove(name, state);
            }
        });
        resubscription.begin(resync);
        pump();
    }

    /** Fails every stage still waiting; sends nothing more. */
    public synchronized void close() {
        closed = true;
        HeraldException failure = new HeraldException("the subscription connection was closed");
        table.forEach((name, state) -> state.closed(failure));
    }
}
