package dev.herald.internal;

import dev.herald.ErrorHandler;
import dev.herald.HeraldError;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where failures go: the application's {@link ErrorHandler}, called on a Herald thread and never allowed
 * to throw back into Herald. One per Herald.
 */
final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private final ErrorHandler handler;
    private volatile Executor callbacks = Runnable::run;

    Failures(ErrorHandler handler) {
        this.handler = handler;
    }

    /**
     * Sets the threads reports from other threads run on; set once, when the handler pool exists (the pool
     * itself reports through {@link #report}).
     */
    void runOn(Executor callbackThreads) {
        this.callbacks = task -> {
            try {
                callbackThreads.execute(task);
            } catch (RejectedExecutionException e) {
                task.run(); // closing: run where we are rather than lose the callback
            }
        };
    }

    /** @return runs callbacks off the caller's thread while Herald runs, on the caller's once it is closing */
    Executor executor() {
        return callbacks;
    }

    /** Reports on the calling thread, which must be a Herald thread. */
    void report(HeraldError error) {
        try {
            handler.onError(error);
        } catch (RuntimeException | Error e) {
            LOG.warn("Herald: the error handler threw while handling {}", error, e);
        }
    }

    /** Reports from any thread, the transport's included: the error handler runs on a Herald thread. */
    void reportAsync(HeraldError error) {
        callbacks.execute(() -> report(error));
    }

    /**
     * What a fire-and-forget publish does with its outcome: a failure goes to the error handler as
     * {@link HeraldError.Kind#PUBLISH}, naming the channel.
     *
     * @param channel the full channel name
     * @return the callback, to be made once per channel where the channel is fixed
     */
    BiConsumer<Void, Throwable> publishFailures(String channel) {
        return (sent, failure) -> {
            if (failure != null) {
                reportAsync(new HeraldError(HeraldError.Kind.PUBLISH, channel, null, Waits.unwrap(failure)));
            }
        };
    }
}
