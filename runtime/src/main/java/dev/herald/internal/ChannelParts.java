package dev.herald.internal;

/**
 * What a typed or template channel works with: the names (checks and the prefix), the publish path and
 * the subscriber.
 *
 * @param names checks channel names and adds or strips the prefix
 * @param outbound publishes
 * @param subscriber subscribes
 */
record ChannelParts(ChannelNames names, Outbound outbound, Subscriber subscriber) {
}
