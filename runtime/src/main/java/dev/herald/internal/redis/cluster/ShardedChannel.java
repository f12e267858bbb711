package dev.herald.internal.redis.cluster;

import dev.herald.spi.TransportListener;
import io.lettuce.core.cluster.SlotHash;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One wanted sharded channel: the node it is wanted on (the master owning its slot when last looked), the node
 * whose acknowledgement of it is current (the only node whose messages on it are delivered), and the callers
 * waiting for that acknowledgement. Guarded by the {@link ShardedSubscriptions}' lock, except {@link #holder},
 * which message delivery reads under this object's own lock.
 */
final class ShardedChannel {

    final String name;
    final int slot;
    /** The node id it is wanted on, or null while no master is known for its slot. */
    String assigned;
    /** The node that gave it up last without being asked (its slot moved, or it was demoted), and when. */
    String droppedBy;
    long droppedAt;
    /** Whether it was held once: losing the holder then is an interruption to report. */
    boolean held;
    private String holder; // guarded by this
    private List<CompletableFuture<Void>> waiters;

    ShardedChannel(String name) {
        this.name = name;
        this.slot = SlotHash.getSlot(name);
    }

    synchronized String holder() {
        return holder;
    }

    synchronized void holder(String nodeId) {
        holder = nodeId;
    }

    /**
     * Hands a message to the listener if it came from the holder, so that while the channel moves from one node to
     * another only one of them delivers it.
     *
     * @return whether it was delivered
     */
    synchronized boolean deliver(String nodeId, TransportListener listener, byte[] payload) {
        if (!nodeId.equals(holder)) {
            return false;
        }
        listener.onMessage(name, payload);
        return true;
    }

    /** @return whether it is held on the node it is wanted on */
    boolean settled() {
        String current = holder();
        return current != null && current.equals(assigned);
    }

    /** @return a stage completed once it is {@link #settled()} */
    CompletableFuture<Void> await() {
        CompletableFuture<Void> waiter = new CompletableFuture<>();
        if (waiters == null) {
            waiters = new ArrayList<>(1);
        }
        waiters.add(waiter);
        return waiter;
    }

    /** @return the waiting callers, forgotten here; the caller completes them outside the lock */
    List<CompletableFuture<Void>> takeWaiters() {
        List<CompletableFuture<Void>> taken = waiters == null ? List.of() : waiters;
        waiters = null;
        return taken;
    }
}
