package dev.herald.internal;

/**
 * What a typed or template channel works with: the names (checks and the prefix), the publish path, the
 * subscriber, and the probes that measure each declared channel.
 *
 * @param names checks channel names and adds or strips the prefix
 * @param outbound publishes
 * @param subscriber subscribes
 * @param instruments gives each declared channel its probe
 */
record ChannelParts(ChannelNames names, Outbound outbound, Subscriber subscriber, Instruments instruments) {
}
