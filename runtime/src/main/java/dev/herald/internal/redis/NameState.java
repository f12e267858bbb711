package dev.herald.internal.redis;

import java.util.ArrayList;
import java.util.List;

/**
 * What the {@link SubscriptionReconciler} knows of one channel or pattern: whether it is wanted, what the server
 * last acknowledged, the commands on their way for it, and who waits for them. Guarded by the reconciler's lock.
 */
final class NameState {

    /** The value of {@link #queuedIn} for a name that waits in no queue. */
    static final int NOT_QUEUED = -1;

    boolean wanted;
    /** What the server last acknowledged on this connection (and what a client library would re-send). */
    boolean serverHas;
    /** Commands sent on the current connection whose acknowledgement for this name has not arrived. */
    int pendingSubscribes;
    int pendingUnsubscribes;
    /** The {@link CommandQueues queue} this name waits in for its next command, or {@link #NOT_QUEUED}. */
    int queuedIn = NOT_QUEUED;
    private List<AckWaiter> subscribeWaiters;
    private List<AckWaiter> unsubscribeWaiters;

    /** @return whether nothing about this name needs remembering */
    boolean idle() {
        return !wanted && !serverHas && pendingSubscribes == 0 && pendingUnsubscribes == 0 && queuedIn == NOT_QUEUED
                && subscribeWaiters == null && unsubscribeWaiters == null;
    }

    boolean queued() {
        return queuedIn != NOT_QUEUED;
    }

    boolean queuedToUnsubscribe() {
        return queuedIn != NOT_QUEUED && !CommandQueues.subscribes(queuedIn);
    }

    /** @return how many commands of this kind were sent and not acknowledged for this name */
    int pending(boolean subscribe) {
        return subscribe ? pendingSubscribes : pendingUnsubscribes;
    }

    /** A command of this kind was sent for this name. */
    void sent(boolean subscribe) {
        if (subscribe) {
            pendingSubscribes++;
        } else {
            pendingUnsubscribes++;
        }
    }

    /** A command of this kind was acknowledged for this name, or will never be. */
    void settled(boolean subscribe) {
        if (subscribe) {
            pendingSubscribes = Math.max(0, pendingSubscribes - 1);
        } else {
            pendingUnsubscribes = Math.max(0, pendingUnsubscribes - 1);
        }
    }

    /** Nothing sent on the connection will be acknowledged any more: it went down, or this is a new one. */
    void forgetPending() {
        pendingSubscribes = 0;
        pendingUnsubscribes = 0;
    }

    /** The connection went down: nothing sent on it will be acknowledged, and the queues were emptied. */
    void connectionLost() {
        forgetPending();
        queuedIn = NOT_QUEUED;
        // serverHas stays: it is what the client library re-subscribes on reconnect
    }

    /** The caller waits for this name's subscription (or unsubscription) to be acknowledged, among others. */
    void await(boolean subscribe, AckWaiter waiter) {
        waiter.expect();
        if (subscribe) {
            subscribeWaiters = add(subscribeWaiters, waiter);
        } else {
            unsubscribeWaiters = add(unsubscribeWaiters, waiter);
        }
    }

    /** Those waiting for this kind of acknowledgement have it, or need it no more. */
    void release(boolean subscribe) {
        List<AckWaiter> waiters = take(subscribe);
        if (waiters != null) {
            waiters.forEach(AckWaiter::countDown);
        }
    }

    /** Those waiting for this kind of acknowledgement will not get it. */
    void fail(boolean subscribe, Throwable failure) {
        List<AckWaiter> waiters = take(subscribe);
        if (waiters != null) {
            waiters.forEach(waiter -> waiter.fail(failure));
        }
    }

    /** The connection is closed: a subscription waited for fails, an unsubscription is done (it holds nothing). */
    void closed(Throwable failure) {
        fail(true, failure);
        List<AckWaiter> waiters = take(false);
        if (waiters != null) {
            waiters.forEach(AckWaiter::complete);
        }
    }

    private List<AckWaiter> take(boolean subscribe) {
        List<AckWaiter> waiters;
        if (subscribe) {
            waiters = subscribeWaiters;
            subscribeWaiters = null;
        } else {
            waiters = unsubscribeWaiters;
            unsubscribeWaiters = null;
        }
        return waiters;
    }

    private static List<AckWaiter> add(List<AckWaiter> waiters, AckWaiter waiter) {
        List<AckWaiter> list = waiters != null ? waiters : new ArrayList<>(1);
        list.add(waiter);
        return list;
    }
}
