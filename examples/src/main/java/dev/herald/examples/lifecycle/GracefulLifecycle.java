package dev.herald.examples.lifecycle;

import dev.herald.Herald;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The seed's application startup and graceful shutdown. The application subscribes everything in
 * {@link #start} before it serves anything, and owns its Herald: {@link #close} (try-with-resources, or
 * the JVM shutdown hook on SIGTERM and Ctrl-C) closes it, which lets a running handler finish.
 */
public final class GracefulLifecycle implements AutoCloseable {

    private final Herald herald;
    private final PrintStream out;
    private final Thread shutdownHook;
    private final CountDownLatch welcomed = new CountDownLatch(1);
    private final CountDownLatch erasing = new CountDownLatch(1);
    private volatile boolean erased;

    private GracefulLifecycle(Herald herald, PrintStream out) {
        this.herald = herald;
        this.out = out;
        this.shutdownHook = new Thread(herald::close, "herald-shutdown"); // close() is idempotent
    }

    /**
     * Startup: every subscribe returns once Redis acknowledged it, so nothing published after this
     * returns can be missed.
     *
     * @param herald the application's Herald; closed by {@link #close}
     * @param out where the trace goes
     * @return the started application
     */
    public static GracefulLifecycle start(Herald herald, PrintStream out) {
        GracefulLifecycle app = new GracefulLifecycle(herald, out);
        AccountChannelsSubscriber subscriber = new AccountChannelsSubscriber(herald);
        subscriber.userCreated(app::welcome);
        subscriber.userDeleted(app::eraseData);
        Runtime.getRuntime().addShutdownHook(app.shutdownHook);
        out.println("startup   all subscriptions initialized");
        return app;
    }

    /** Shutdown: no list of channels to unsubscribe, unlike the seed; Herald's close() ends them all. */
    @Override
    public void close() {
        out.println("shutdown  closing Herald while a handler is running");
        herald.close(); // refuses new publishes, unsubscribes, waits (bounded) for running handlers
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmShuttingDown) {
            // the hook is running already, or has run
        }
        out.println("shutdown  closed; erase finished first: " + erased);
    }

    /**
     * Starts the application, creates and deletes an account, and shuts down mid-erase.
     *
     * @param herald the application's Herald; closed before this returns
     * @param out where the trace goes
     * @return {@code true} when the erase that was running at shutdown finished
     * @throws InterruptedException if interrupted while waiting
     */
    public static boolean run(Herald herald, PrintStream out) throws InterruptedException {
        GracefulLifecycle app = start(herald, out);
        try (app) {
            AccountChannels accounts = new AccountChannelsPublisher(herald);
            accounts.userCreated(new UserAccount("u-1", "ada@example.com"));
            accounts.userDeleted(new UserAccount("u-1", "ada@example.com"));
            if (!app.welcomed.await(10, TimeUnit.SECONDS) || !app.erasing.await(10, TimeUnit.SECONDS)) {
                return false;
            }
        } // close(): shutdown begins while the erase is still running
        return app.erased;
    }

    private void welcome(UserAccount account) {
        out.println("handler   sent welcome email to " + account.email());
        welcomed.countDown();
    }

    private void eraseData(UserAccount account) {
        out.println("handler   erasing data of " + account.userId() + " ...");
        erasing.countDown();
        // stands in for slow I/O: shutdown begins while this runs
        CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS)).join();
        erased = true;
        out.println("handler   erased data of " + account.userId());
    }
}
