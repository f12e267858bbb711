/**
 * The Redis transport, over Lettuce: everything Redis-specific lives here and nothing outside imports it but the
 * wiring ({@link dev.herald.internal.redis.RedisTransport#connect}, {@link
 * dev.herald.internal.redis.BackgroundRedisTransport}, {@link dev.herald.internal.redis.RedisSettings}).
 *
 * <p>One job per class. {@code RedisConnector} opens the publish and the pub/sub connection. The publish path is
 * {@code PublishDispatcher} (bounded by {@code PendingPublishes}, each publish a {@code PublishCommand}) and
 * {@code PublishFlusher} (coalesced flushes on the connection's event loop). The subscribe side is
 * {@code SubscriptionReconciler}, which drives the server's subscriptions towards the wanted set
 * ({@code NameStates}) through batched commands ({@code CommandQueues}, sent by {@code PubSubCommands}) and
 * never sees the connection; {@code PubSubRelay} hands it the server's acknowledgements and the listener the
 * messages, and {@code ConnectionMonitor} tells both of reconnects. {@code HealthProbe}, {@code RedisDeadLetterStore}
 * and {@code ConnectFailures} each do what their names say.
 */
package dev.herald.internal.redis;
