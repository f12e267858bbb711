package dev.herald.internal;

import dev.herald.HeraldException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Bounded waits on stages, for the few blocking calls of the API, and the failure a stage really failed with. */
public final class Waits {

    private Waits() {
    }

    static <T> T await(CompletionStage<T> stage, Duration timeout, String what) {
        try {
            return stage.toCompletableFuture().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HeraldException("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e.getCause());
            if (cause instanceof HeraldException herald) {
                throw herald;
            }
            throw new HeraldException(what + " failed: " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new HeraldException(what + " was not acknowledged within " + timeout, e);
        }
    }

    /**
     * The failure inside the wrappers a stage adds.
     *
     * @param failure what a stage failed with, possibly a {@link CompletionException} or {@link ExecutionException}
     * @return the first cause that is neither, or the innermost wrapper when it has no cause
     */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
