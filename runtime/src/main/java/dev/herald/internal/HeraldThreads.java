package dev.herald.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Where a Herald's threads come from: virtual threads on Java 21 or newer (found at run time: the jars
 * target Java 17), platform threads before, or the application's factory; every one a daemon, named
 * {@code herald-<instance>-...}, and marked so that {@link #onHeraldThread()} knows it.
 */
final class HeraldThreads {

    /** Makes virtual threads on Java 21 or newer; null before. Looked up once. */
    private static final ThreadFactory VIRTUAL_THREADS = virtualThreadFactory();

    /** Whether the current thread is one of a Herald's: a handler, callback or watchdog thread. */
    private static final ThreadLocal<Boolean> HERALD_THREAD = new ThreadLocal<>();

    private HeraldThreads() {
    }

    /** @return whether this JVM can run handlers on virtual threads */
    static boolean virtualAvailable() {
        return VIRTUAL_THREADS != null;
    }

    /**
     * The factory for handler threads.
     *
     * @param virtual whether to make virtual threads; only when {@link #virtualAvailable()}
     * @param custom the application's factory, or null
     * @return the factory to use
     */
    static ThreadFactory handlerFactory(boolean virtual, ThreadFactory custom) {
        return custom != null ? custom : virtual ? VIRTUAL_THREADS : Thread::new;
    }

    /** Marks the calling thread as a Herald thread; every Herald thread calls it first. */
    static void markCurrent() {
        HERALD_THREAD.set(Boolean.TRUE);
    }

    /** @return whether the calling thread is a Herald thread (of any Herald) */
    static boolean onHeraldThread() {
        return HERALD_THREAD.get() != null;
    }

    /**
     * A platform daemon thread that marks itself before it runs {@code task}; not started.
     *
     * @param name the thread's name
     * @param task what it runs
     * @return the thread
     */
    static Thread platformDaemon(String name, Runnable task) {
        Thread thread = new Thread(() -> {
            markCurrent();
            task.run();
        }, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Waits for a thread to end, until {@code end}.
     *
     * @param thread the thread, or null for none
     * @param end the deadline, in {@link System#nanoTime()} terms
     * @return whether it ended (or there was none)
     * @throws InterruptedException when the caller is interrupted
     */
    static boolean join(Thread thread, long end) throws InterruptedException {
        if (thread == null) {
            return true;
        }
        long left = end - System.nanoTime();
        if (left > 0) {
            thread.join(Math.max(TimeUnit.NANOSECONDS.toMillis(left), 1));
        }
        return !thread.isAlive();
    }

    /** Thread.ofVirtual().factory(), looked up by reflection: the jars target Java 17. */
    private static ThreadFactory virtualThreadFactory() {
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> builder = Class.forName("java.lang.Thread$Builder");
            Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
            MethodHandle newBuilder = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual));
            MethodHandle factory = lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class));
            return (ThreadFactory) factory.invoke(newBuilder.invoke());
        } catch (Throwable e) { // before Java 21: no such class, or a preview feature that is not enabled
            return null;
        }
    }
}
