package dev.herald.internal.durable;

import dev.herald.HeraldException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Unwrapping and bounded waiting for the stages of the log. */
final class Stages {

    private Stages() {
    }

    /** @return the failure inside the wrappers a stage adds */
    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * Waits for a stage, bounded.
     *
     * @throws HeraldException when it fails, times out, or the wait is interrupted; a failure that is a runtime
     *     exception the caller should see (such as an {@link IllegalStateException}) is thrown as it is
     */
    static <T> T await(CompletionStage<T> stage, Duration timeout, String what) {
        try {
            return stage.toCompletableFuture().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HeraldException("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException runtime && !(cause instanceof CompletionException)) {
                throw runtime;
            }
            throw new HeraldException(what + " failed: " + cause, cause);
        } catch (TimeoutException e) {
            throw new HeraldException(what + " did not complete within " + timeout, e);
        }
    }
}
