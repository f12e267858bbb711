/**
 * The Redis Cluster transport: sharded pub/sub ({@code SPUBLISH}, one {@code SSUBSCRIBE} per channel on the
 * master that owns its slot), kept on the right node through slot migrations, failovers and reconnects. It
 * uses Lettuce's cluster client for publishing, for the topology and for commands to one node, and a pub/sub
 * connection of its own per node, so that it always knows which node a message or an acknowledgement came
 * from; each such connection's subscriptions are kept in line by the single-server transport's
 * {@link dev.herald.internal.redis.SubscriptionReconciler}.
 */
package dev.herald.internal.redis.cluster;
