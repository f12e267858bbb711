package dev.herald.internal.redis;

import io.lettuce.core.api.StatefulConnection;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flushes the publish connection, whose commands are written without a flush each: one flush, soon after,
 * sends everything written so far (under load one flush carries many commands, one syscall instead of one
 * each; alone, a command waits only for the hop to the flushing thread).
 *
 * <p>Every flush runs on one thread: flushes never race (Lettuce drains its buffer under a lock but writes the
 * batch after releasing it, so two threads flushing at once could put a later batch on the wire first). For a
 * single server that thread is the connection's own event loop once it is known ({@link #moveToTheEventLoop}),
 * where a batch's writes go straight into the pipeline instead of one queued task per command. A cluster
 * connection's flush flushes every node connection, each with its own event loop, so it stays on the thread
 * it was given.
 */
public final class PublishFlusher {

    private static final Logger LOG = LoggerFactory.getLogger(PublishFlusher.class);

    private final StatefulConnection<?, ?> connection;
    private final AtomicBoolean flushPending = new AtomicBoolean();
    private final Runnable flush = this::flushOnFlusher;
    /** Runs every flush, {@link #flushBeforeClose()} included. */
    private volatile EventExecutor flusher;

    /**
     * Turns the connection's automatic flushing off (a cluster connection's: that of every node connection,
     * those Lettuce opens later too).
     *
     * @param connection the publish connection
     * @param untilTheEventLoopIsKnown the thread that flushes, until {@link #moveToTheEventLoop} found the
     *     connection's own
     */
    public PublishFlusher(StatefulConnection<?, ?> connection, EventExecutor untilTheEventLoopIsKnown) {
        this.connection = connection;
        connection.setAutoFlushCommands(false);
        this.flusher = untilTheEventLoopIsKnown;
    }

    /**
     * Schedules one flush of the publish connection, unless one is already pending: under load a flush
     * carries everything written since the last one; a lone command is sent within one thread hop.
     */
    public void flushSoon() {
        // read first: under load a flush is pending, and a read leaves the flag's cache line shared with the flusher
        if (!flushPending.get() && flushPending.compareAndSet(false, true)) {
            try {
                flusher.execute(flush);
            } catch (RejectedExecutionException e) {
                // shutting down: the event loop takes no writes either; close() cancels what is left
                flushPending.set(false);
            }
        }
    }

    private void flushOnFlusher() {
        flushPending.set(false);
        connection.flushCommands();
    }

    /**
     * The last flush, on the flusher like every other (a flush from another thread could put its batch
     * behind one the flusher writes later), waiting for it a bounded time.
     */
    public void flushBeforeClose() {
        if (flusher.inEventLoop()) {
            flushOnFlusher();
            return;
        }
        try {
            flusher.submit(this::flushOnFlusher).await(5, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Flusher already shut down; unsent publishes are cancelled", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Moves flushing to the publish connection's event loop: a PING's completion runs there, and tells
     * which it is. Until then (and if Netty does not say) flushes run on one thread of Lettuce's
     * computation pool. After a reconnect onto another event loop they stay on the first one, still all
     * on one thread, so still in order.
     *
     * @param ping sends a PING on the (single-server) publish connection
     * @return a stage that completes once flushing moved, or stays where it is (a refused PING)
     */
    CompletableFuture<Void> moveToTheEventLoop(Supplier<? extends CompletionStage<?>> ping) {
        CompletableFuture<Void> found = new CompletableFuture<>();
        ping.get().whenComplete((reply, failure) -> {
            try {
                EventExecutor loop = ThreadExecutorMap.currentExecutor(); // Netty's, public since 4.1.35
                if (failure == null && loop != null && loop.inEventLoop()) {
                    flusher = loop;
                }
            } catch (LinkageError e) {
                LOG.debug("Netty does not say which event loop this is; flushing from Lettuce's computation pool", e);
            } finally {
                found.complete(null); // a refused PING leaves flushing where it is; the connection still works
            }
        });
        flushSoon(); // the callback is registered before the PING can be sent, so it runs on the event loop
        return found;
    }

    /** @return the thread every flush runs on, for tests */
    EventExecutor flusher() {
        return flusher;
    }
}
