package dev.herald.internal;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An executor that runs its tasks one at a time, in the order they came, on the {@link HandlerPool}: what a durable
 * subscription's handler runs on. Like a {@link Delivery}, it handles a bounded batch per turn and then lets other
 * subscriptions have the thread.
 */
final class HandlerLane extends HandlerPool.Drainer implements Executor {

    private static final int BATCH_TASKS = 64;
    private static final long BATCH_NANOS = 2_000_000L;

    private final HandlerPool pool;
    private final String channel;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    HandlerLane(HandlerPool pool, String channel) {
        this.pool = pool;
        this.channel = channel;
    }

    /**
     * Queues a task behind the others.
     *
     * @throws RejectedExecutionException when the pool is shut down; the task and those queued before it never run
     */
    @Override
    public void execute(Runnable task) {
        tasks.offer(task);
        if (draining.compareAndSet(false, true) && !pool.schedule(this)) {
            draining.set(false);
            tasks.clear();
            throw new RejectedExecutionException("Herald is closing: the handler of '" + channel + "' does not run");
        }
    }

    @Override
    boolean drainBatch() {
        try {
            long start = System.nanoTime();
            int ran = 0;
            Runnable task;
            while ((task = tasks.poll()) != null) {
                task.run();
                if (++ran >= BATCH_TASKS || System.nanoTime() - start >= BATCH_NANOS) {
                    if (!tasks.isEmpty()) {
                        return true;
                    }
                    break;
                }
            }
        } catch (Throwable e) {
            draining.set(false);
            throw e;
        }
        draining.set(false);
        return !tasks.isEmpty() && draining.compareAndSet(false, true);
    }

    @Override
    String channel() {
        return channel;
    }
}
