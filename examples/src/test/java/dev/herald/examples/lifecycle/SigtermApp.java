package dev.herald.examples.lifecycle;

import dev.herald.Herald;
import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test-only application for {@code LifecycleSigtermTest}, run in a child JVM: it starts
 * {@link GracefulLifecycle} (which registers the "herald-shutdown" hook), publishes one account deletion
 * so the erase handler starts, and then waits to be terminated, never calling close itself.
 *
 * <p>To make the test deterministic, the erase handler is held until Herald's {@code close()} has been
 * called: the application's Herald is a proxy that announces {@code close()}, and the trace stream blocks
 * the handler's "erased" line until then. So when SIGTERM arrives the handler is still running, whatever
 * the machine's load, and its "erased" line can only appear if the shutdown hook closed Herald and that
 * close waited for it. Without the hook the JVM halts with the handler still held and the line never
 * appears.
 */
public final class SigtermApp {

    /** Printed once the application is started and the deletion published. */
    public static final String READY = "app       started; user:deleted published";

    /** Printed, followed by the calling thread's name, when Herald's close() is called. */
    public static final String CLOSE_CALLED = "app       herald.close() called on thread ";

    /** Printed when Herald's close() returned. */
    public static final String CLOSE_RETURNED = "app       herald.close() returned";

    /** Printed when the held handler gave up waiting for close(). */
    public static final String GATE_TIMED_OUT = "app       gave up holding the handler: close() was not called";

    /** Printed when nobody terminated the application in time; it then halts with {@link #ABANDONED_EXIT}. */
    public static final String ABANDONED = "app       not terminated in time; halting";

    /** The exit code when nobody terminated the application in time. */
    public static final int ABANDONED_EXIT = 3;

    /** The prefix of GracefulLifecycle's line that its erase handler prints last. */
    private static final String ERASED_PREFIX = "handler   erased data of ";

    private static final long GATE_TIMEOUT_SECONDS = 60;
    private static final long LIFETIME_SECONDS = 180;

    private SigtermApp() {
    }

    /**
     * Runs until terminated.
     *
     * @param args ignored
     * @throws InterruptedException if interrupted while waiting to be terminated
     */
    public static void main(String[] args) throws InterruptedException {
        PrintStream stdout = System.out;
        CountDownLatch closeCalled = new CountDownLatch(1);
        Herald herald = announcingClose(Herald.inMemory(), stdout, closeCalled);
        PrintStream out = new HoldingStream(stdout, closeCalled);

        GracefulLifecycle.start(herald, out);
        new AccountChannelsPublisher(herald).userDeleted(new UserAccount("u-1", "ada@example.com"));
        stdout.println(READY);

        // Wait to be terminated; never close. Bounded, so an orphan does not outlive a dead test JVM for long.
        if (!new CountDownLatch(1).await(LIFETIME_SECONDS, TimeUnit.SECONDS)) {
            stdout.println(ABANDONED);
            Runtime.getRuntime().halt(ABANDONED_EXIT);
        }
    }

    /** A Herald that delegates everything, and announces close() before and after delegating it. */
    private static Herald announcingClose(Herald delegate, PrintStream stdout, CountDownLatch closeCalled) {
        InvocationHandler handler = (proxy, method, methodArgs) -> {
            boolean close = method.getName().equals("close") && method.getParameterCount() == 0;
            if (close) {
                stdout.println(CLOSE_CALLED + Thread.currentThread().getName());
                closeCalled.countDown();
            }
            Object result;
            try {
                result = method.invoke(delegate, methodArgs);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (close) {
                stdout.println(CLOSE_RETURNED);
            }
            return result;
        };
        return (Herald) Proxy.newProxyInstance(Herald.class.getClassLoader(), new Class<?>[] {Herald.class}, handler);
    }

    /** The trace stream: holds the erase handler's last line until Herald's close() was called. */
    private static final class HoldingStream extends PrintStream {
        private final CountDownLatch closeCalled;

        HoldingStream(PrintStream target, CountDownLatch closeCalled) {
            super(target, true, StandardCharsets.UTF_8);
            this.closeCalled = closeCalled;
        }

        @Override
        public void println(String line) {
            if (line != null && line.startsWith(ERASED_PREFIX)) {
                boolean called;
                try {
                    called = closeCalled.await(GATE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    called = false;
                }
                if (!called) {
                    super.println(GATE_TIMED_OUT);
                }
            }
            super.println(line);
        }
    }
}
