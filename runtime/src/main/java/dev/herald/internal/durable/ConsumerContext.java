package dev.herald.internal.durable;

import dev.herald.spi.DurableLog;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * What the parts of one consumer share: the log and its reader, who it is in which group, what it reads, the entries
 * it holds, whether it is closing, and the threads it continues on.
 */
record ConsumerContext(DurableLog log, DurableLog.Reader reader, String group, String consumer, DurableConfig config,
        DurableRuntime runtime, DurableTarget target, StreamSet streams, AtomicBoolean closing,
        ScheduledExecutorService timer) {

    boolean closed() {
        return closing.get();
    }

    /** Continues a stage of the log on Herald's callback threads, never on the transport's. */
    <V> void then(CompletionStage<V> stage, BiConsumer<? super V, ? super Throwable> next) {
        stage.whenCompleteAsync(next, runtime.callbacks());
    }

    /**
     * Continues a stage of the log on the thread that completes it (the transport's), for the read loop's and the
     * acknowledgements' own bookkeeping only: short, never blocking, and handing every handler on to Herald's
     * threads. That saves two thread hops per read (the next read is sent from the thread the last one was answered
     * on) and one per acknowledgement. A stage complete already continues on the callback threads instead, so that
     * reads answered at once do not recurse.
     */
    <V> void thenInline(CompletionStage<V> stage, BiConsumer<? super V, ? super Throwable> next) {
        CompletableFuture<V> future = stage.toCompletableFuture();
        if (future.isDone()) {
            future.whenCompleteAsync(next, runtime.callbacks());
        } else {
            future.whenComplete(next);
        }
    }

    /** @return what a report names: the subscription's channel, group and consumer */
    String describe() {
        return "durable channel '" + target.name() + "' (group '" + group + "', consumer '" + consumer + "')";
    }
}
