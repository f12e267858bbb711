package dev.herald.internal.durable;

import dev.herald.HeraldError;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What durable subscriptions need from the Herald they belong to: where handlers run, where the log's answers are
 * handed over to, where failures and dead letters go.
 *
 * @param lanes makes, for a channel, an executor that runs tasks one at a time in order on Herald's handler threads
 * @param callbacks Herald's threads for short callbacks: every stage of the log is continued there, never on the
 *     transport's thread
 * @param failures reports to the error handler, from any thread
 * @param deadLetters keeps what could not be handled
 * @param onTransportThread tells whether the calling thread is the transport's, where nothing may wait
 */
public record DurableRuntime(Function<String, Executor> lanes, Executor callbacks, Consumer<HeraldError> failures,
        DeadLetterSink deadLetters, BooleanSupplier onTransportThread) {

    /** Keeps a dead letter; never throws. */
    @FunctionalInterface
    public interface DeadLetterSink {
        /**
         * @param declared the declared name the dead letters are kept under, prefix included
         * @param subscription the subscription, as a dead letter names it
         * @param channel the concrete channel, prefix included
         * @param payload the entry's payload
         * @param failure why
         * @param attempts how many times the handler was called
         * @param probe counts it once it is kept
         */
        void keep(String declared, String subscription, String channel, byte[] payload, Throwable failure, int attempts,
                DurableProbe probe);
    }
}
