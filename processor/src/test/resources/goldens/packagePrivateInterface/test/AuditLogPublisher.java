package test;

import dev.herald.Herald;
import dev.herald.TypedChannel;
import java.util.concurrent.CompletionStage;

/** Publishes the channels of {@link AuditLog} through a {@link Herald}; thread-safe, never blocks. */
@javax.annotation.processing.Generated("dev.herald.processor.HeraldProcessor")
final class AuditLogPublisher implements AuditLog {
    private final TypedChannel<String> entryChannel;
    private final TypedChannel<Integer> countChannel;

    /**
     * Creates a publisher; binds each channel's codec once.
     * @param herald the Herald to publish through
     */
    public AuditLogPublisher(Herald herald) {
        this.entryChannel = herald.channel(AuditLogBinding.ENTRY);
        this.countChannel = herald.channel(AuditLogBinding.COUNT);
    }

    /** Publishes to {@code audit:entry}, fire-and-forget; failures to send go to the error handler. */
    public void entry(String line) {
        this.entryChannel.send(line);
    }

    /** Publishes to {@code audit:count}; the stage completes when Redis accepted the message. */
    public CompletionStage<Void> count(int value) {
        return this.countChannel.sendAsync(value);
    }
}
