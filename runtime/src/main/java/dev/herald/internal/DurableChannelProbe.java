package dev.herald.internal;

import dev.herald.internal.durable.DurableProbe;
import java.util.HashMap;
import java.util.Map;

/** A channel's probe as the durable core sees it: the same meters and observations, the entry's fields as the trace. */
final class DurableChannelProbe implements DurableProbe {

    private final ChannelProbe probe;

    private DurableChannelProbe(ChannelProbe probe) {
        this.probe = probe;
    }

    /**
     * @param probe the channel's probe
     * @return its durable view; {@link DurableProbe#NONE} when it measures nothing
     */
    static DurableProbe of(ChannelProbe probe) {
        return probe.active() ? new DurableChannelProbe(probe) : DurableProbe.NONE;
    }

    /**
     * @param probe a durable probe
     * @return the channel probe behind it, or {@link ChannelProbe#NONE}
     */
    static ChannelProbe channelProbeOf(DurableProbe probe) {
        return probe instanceof DurableChannelProbe measured ? measured.probe : ChannelProbe.NONE;
    }

    /** @return a map for an entry's fields, for the trace context to be written in */
    static Map<String, String> headers() {
        return new HashMap<>(4);
    }

    @Override
    public boolean active() {
        return true;
    }

    @Override
    public Object publishing(String channel, Map<String, String> headers) {
        return probe.publishing(channel, null, headers);
    }

    @Override
    public void published(Object publishing, Throwable failure) {
        probe.published(publishing, failure);
    }

    @Override
    public Object processing(String channel, Map<String, String> headers) {
        return probe.processing(channel, null, headers);
    }

    @Override
    public void processed(Object processing, long startNanos, Throwable failure) {
        probe.processed(processing, startNanos, failure);
    }

    @Override
    public void delivered() {
        probe.delivered();
    }

    @Override
    public void redelivered() {
        probe.redelivered();
    }

    @Override
    public void claimed(int count) {
        probe.claimed(count);
    }

    @Override
    public void groupState(String group, String stream, long pending, long lag) {
        probe.groupState(group, stream, pending, lag);
    }

    @Override
    public void retried() {
        probe.retried();
    }

    @Override
    public void failed(Throwable failure) {
        probe.failed(failure);
    }

    @Override
    public void undecodable() {
        probe.undecodable();
    }

    @Override
    public void deadLettered() {
        probe.deadLettered();
    }
}
