package dev.herald.internal.redis.cluster;

import dev.herald.HeraldException;
import dev.herald.internal.Waits;
import dev.herald.spi.TransportListener;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every wanted sharded channel subscribed exactly once, on the master that owns its slot. The desired state
 * of a channel is that master, read from Lettuce's topology ({@link Partitions}); the actual state is the node
 * whose {@code ssubscribed} push acknowledged it (its <em>holder</em>). Whenever they may differ (a node gave a
 * channel up by an unrequested {@code sunsubscribe}, the topology changed, a node's connection dropped or came
 * back, or the periodic tick) it moves each channel's want to its owner's {@link NodeSubscriber}, which sends
 * {@code SSUBSCRIBE} there and {@code SUNSUBSCRIBE} where it is no longer wanted. Only the holder's messages are
 * delivered, so a channel never delivers twice while it moves. A channel that lost its holder starts an outage,
 * reported as a lost connection; once every wanted channel is held on its owner again it is reported as restored
 * and re-subscribed.
 *
 * <p>Non-blocking. Lock order: this object, then a node's reconciler; stages the reconcilers complete are
 * followed on {@code executor}, never under their lock.
 */
final class ShardedSubscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(ShardedSubscriptions.class);
    /** How long a node that gave a channel up is not asked to take it again while the topology still names it. */
    private static final long DROPPED_NANOS = 10_000_000_000L;

    private final Supplier<Partitions> partitions;
    private final Runnable refreshTopology;
    private final Function<RedisClusterNode, RedisURI> nodeUri;
    private final RedisClient nodeClient;
    private final Executor executor;
    private final Map<String, ShardedChannel> channels = new ConcurrentHashMap<>();
    private final Map<String, NodeSubscriber> nodes = new ConcurrentHashMap<>();
    /** During an outage, the channels not held on their owner yet. */
    private final Set<String> interrupted = new HashSet<>();
    private boolean outage;
    private volatile TransportListener listener;
    private boolean closed;

    /**
     * @param partitions the cluster's topology as Lettuce knows it now
     * @param refreshTopology asks Lettuce to read the topology again, without waiting
     * @param nodeUri how to connect to a node (the seed's credentials and TLS, the node's address)
     * @param nodeClient makes the nodes' pub/sub connections
     * @param executor where stages of the reconcilers are followed
     */
    ShardedSubscriptions(Supplier<Partitions> partitions, Runnable refreshTopology,
            Function<RedisClusterNode, RedisURI> nodeUri, RedisClient nodeClient, Executor executor) {
        this.partitions = partitions;
        this.refreshTopology = refreshTopology;
        this.nodeUri = nodeUri;
        this.nodeClient = nodeClient;
        this.executor = executor;
    }

    void start(TransportListener listener) {
        this.listener = listener;
    }

    /** Wants a channel; the stage completes once its owner acknowledged it. */
    synchronized CompletionStage<Void> want(String name) {
        if (closed) {
            return CompletableFuture.failedFuture(new HeraldException("the cluster transport is closed"));
        }
        ShardedChannel channel = channels.computeIfAbsent(name, ShardedChannel::new);
        if (channel.settled()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> waiter = channel.await();
        if (outage) {
            interrupted.add(name); // the outage ends once this one is held too
        }
        place(channel);
        return waiter;
    }

    /** No longer wants a channel; the stage completes once the node it was wanted on has it no more. */
    CompletionStage<Void> unwant(String name) {
        List<CompletableFuture<Void>> waiters;
        CompletionStage<Void> done = CompletableFuture.completedFuture(null);
        synchronized (this) {
            ShardedChannel channel = channels.remove(name);
            if (channel == null) {
                return done;
            }
            channel.holder(null);
            if (channel.assigned != null) {
                // a node that answers with a redirect does not serve the slot, and so holds no subscription to it
                done = node(channel.assigned).unwant(name).handle((ok, failure) -> {
                    if (failure != null && !ShardedCommands.redirected(Waits.unwrap(failure))) {
                        throw new CompletionException(Waits.unwrap(failure));
                    }
                    return null;
                });
            }
            waiters = channel.takeWaiters();
            uninterrupt(name);
        }
        waiters.forEach(waiter -> waiter.complete(null)); // nothing to wait for any more
        return done;
    }

    /** Moves every channel to its owner and asks again where a subscription is missing. */
    synchronized void reconcile() {
        if (closed) {
            return;
        }
        boolean unplaced = false;
        for (ShardedChannel channel : channels.values()) {
            place(channel);
            unplaced |= channel.assigned == null;
        }
        if (unplaced || !interrupted.isEmpty()) {
            refreshTopology.run();
        }
        closeForgottenNodes();
    }

    /** Closes the connections to nodes the topology no longer lists and nothing is wanted on. */
    private void closeForgottenNodes() {
        Set<String> known = new HashSet<>();
        partitions.get().forEach(node -> known.add(node.getNodeId()));
        for (NodeSubscriber node : nodes.values()) {
            String id = node.nodeId();
            if (!known.contains(id) && channels.values().stream().noneMatch(c -> id.equals(c.assigned))) {
                LOG.debug("Herald: cluster node {} left the topology; closing its pub/sub connection", id);
                nodes.remove(id);
                node.close();
            }
        }
    }

    /** Wants the channel on the master that owns its slot now, and no longer on any other node. */
    private void place(ShardedChannel channel) {
        RedisClusterNode master = partitions.get().getMasterBySlot(channel.slot);
        String owner = master == null ? null : master.getNodeId();
        if (owner != null && !owner.equals(channel.droppedBy)) {
            channel.droppedBy = null; // the topology caught up: that node may own it again one day
        } else if (owner != null && System.nanoTime() - channel.droppedAt < DROPPED_NANOS) {
            owner = null; // the topology has not caught up with the node that gave it up
        }
        if (owner == null) {
            return; // wait for the topology; the tick asks for it again
        }
        if (!owner.equals(channel.assigned)) {
            if (channel.assigned != null) {
                node(channel.assigned).unwant(channel.name);
            }
            channel.assigned = owner;
            nodes.computeIfAbsent(owner, id -> new NodeSubscriber(id, nodeUri.apply(master), nodeClient, this));
        }
        if (!channel.settled()) {
            String assigned = owner;
            node(owner).want(channel.name).whenCompleteAsync((ok, failure) -> {
                if (failure != null) {
                    refused(channel.name, assigned, Waits.unwrap(failure));
                }
            }, executor);
        }
    }

    private void refused(String name, String nodeId, Throwable failure) {
        if (ShardedCommands.redirected(failure)) {
            LOG.debug("Herald: node {} redirected SSUBSCRIBE {}: {}", nodeId, name, failure.getMessage());
            refreshTopology.run(); // the topology moved on; the next reconcile follows it
            return;
        }
        List<CompletableFuture<Void>> waiters;
        synchronized (this) {
            ShardedChannel channel = channels.get(name);
            if (channel == null || !nodeId.equals(channel.assigned)) {
                return;
            }
            waiters = channel.takeWaiters();
        }
        waiters.forEach(waiter -> waiter.completeExceptionally(failure));
    }

    private NodeSubscriber node(String nodeId) {
        return nodes.get(nodeId);
    }

    /** A node acknowledged {@code SSUBSCRIBE}: it holds the channel if that is where the channel is wanted. */
    void subscribed(String nodeId, String name) {
        List<CompletableFuture<Void>> waiters;
        synchronized (this) {
            ShardedChannel channel = channels.get(name);
            if (channel == null || !nodeId.equals(channel.assigned)) {
                return; // not wanted there: that node's reconciler takes it back
            }
            channel.holder(nodeId);
            channel.held = true;
            waiters = channel.takeWaiters();
            uninterrupt(name);
        }
        waiters.forEach(waiter -> waiter.complete(null));
    }

    /**
     * A node pushed {@code sunsubscribe}. For a channel still wanted there the node gave it up on its own (its slot
     * moved, or the node became a replica): the channel is no longer wanted there and moves on once the topology
     * names its new owner.
     */
    synchronized void unsubscribed(String nodeId, String name) {
        ShardedChannel channel = channels.get(name);
        if (channel == null || closed) {
            return;
        }
        if (nodeId.equals(channel.holder())) {
            channel.holder(null);
            interrupt(channel);
        }
        if (nodeId.equals(channel.assigned)) {
            LOG.debug("Herald: cluster node {} dropped sharded channel {}; following the topology", nodeId, name);
            channel.assigned = null;
            channel.droppedBy = nodeId;
            channel.droppedAt = System.nanoTime();
            node(nodeId).unwant(name);
            refreshTopology.run();
            place(channel);
        }
    }

    /** A node's pub/sub connection dropped: the channels it held are interrupted until held again. */
    synchronized void nodeLost(String nodeId) {
        if (closed) {
            return;
        }
        for (ShardedChannel channel : channels.values()) {
            if (nodeId.equals(channel.holder())) {
                channel.holder(null);
                interrupt(channel);
            }
        }
        refreshTopology.run(); // a dead master is replaced by its replica; the tick follows the new topology
    }

    /** A node's pub/sub connection is back: its reconciler subscribes again; the owners may have changed meanwhile. */
    void nodeRestored(String nodeId) {
        reconcile();
    }

    /** A message arrived from a node: delivered only if that node holds the channel. */
    void message(String nodeId, String name, byte[] payload) {
        ShardedChannel channel = channels.get(name);
        if (channel == null || !channel.deliver(nodeId, listener, payload)) {
            LOG.trace("Herald: dropped a message on {} from node {}, which does not hold it", name, nodeId);
        }
    }

    /**
     * A channel that was held lost its holder. The first such loss starts an outage, which lasts until every
     * channel wanted meanwhile is held again on its owner.
     */
    private void interrupt(ShardedChannel channel) {
        if (!channel.held) {
            return;
        }
        if (!outage) {
            outage = true;
            channels.values().stream().filter(c -> !c.settled()).forEach(c -> interrupted.add(c.name));
            listener.onConnectionLost();
        }
        interrupted.add(channel.name);
    }

    private void uninterrupt(String name) {
        if (interrupted.remove(name) && interrupted.isEmpty() && outage) {
            outage = false;
            listener.onConnectionRestored();
            listener.onResubscribed(channels.size(), 0);
        }
    }

    /** @return how many channels are wanted, and whether each is held on its owner with its node connected */
    synchronized boolean allHeld() {
        for (ShardedChannel channel : channels.values()) {
            NodeSubscriber node = channel.assigned == null ? null : node(channel.assigned);
            if (!channel.settled() || node == null || !node.isOpen()) {
                return false;
            }
        }
        return true;
    }

    /** @return the node subscribers made so far */
    List<NodeSubscriber> nodes() {
        return new ArrayList<>(nodes.values());
    }

    /** Closes every node's connection. */
    CompletionStage<Void> close() {
        synchronized (this) {
            closed = true;
        }
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        nodes.values().forEach(node -> closing.add(node.close().toCompletableFuture()));
        channels.values().forEach(channel -> channel.takeWaiters().forEach(waiter ->
                waiter.completeExceptionally(new HeraldException("the cluster transport was closed"))));
        return CompletableFuture.allOf(closing.toArray(CompletableFuture<?>[]::new));
    }

    /** @return the node subscriber whose connection this is, or null */
    NodeSubscriber nodeOf(Object connection) {
        for (NodeSubscriber node : nodes.values()) {
            if (node.connection() == connection) {
                return node;
            }
        }
        return null;
    }
}
