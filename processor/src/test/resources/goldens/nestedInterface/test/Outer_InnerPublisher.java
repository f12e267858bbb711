package test;

import dev.herald.Herald;
import dev.herald.TypedChannel;

/** Publishes the channels of {@link Outer.Inner} through a {@link Herald}; thread-safe, never blocks. */
@javax.annotation.processing.Generated("dev.herald.processor.HeraldProcessor")
public final class Outer_InnerPublisher implements Outer.Inner {
    private final TypedChannel<Outer.Ping> pingChannel;

    /**
     * Creates a publisher; binds each channel's codec once.
     * @param herald the Herald to publish through
     */
    public Outer_InnerPublisher(Herald herald) {
        this.pingChannel = herald.channel(Outer_InnerBinding.PING);
    }

    /** Publishes to {@code outer:ping}, fire-and-forget; failures to send go to the error handler. */
    public void ping(Outer.Ping ping) {
        this.pingChannel.send(ping);
    }
}
