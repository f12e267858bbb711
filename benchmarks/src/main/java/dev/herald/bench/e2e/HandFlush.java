package dev.herald.bench.e2e;

import io.lettuce.core.api.StatefulConnection;

/**
 * Write coalescing as an application would do it by hand with Lettuce, shared by {@link LettuceContender}'s batched
 * mode and {@link LettuceClusterContender}: auto-flush off on the publishing connection, {@code flushCommands()}
 * every {@value #BATCH} commands and whenever the publisher is about to wait. Used from the publishing thread only.
 */
final class HandFlush {

    /** Commands written per flush. */
    static final int BATCH = 1_000;

    private final StatefulConnection<?, ?> connection;
    private final boolean on;
    private int pending;

    /**
     * @param connection the publishing connection
     * @param on whether to coalesce at all; if not, auto-flush stays on and this does nothing
     */
    HandFlush(StatefulConnection<?, ?> connection, boolean on) {
        this.connection = connection;
        this.on = on;
        if (on) {
            connection.setAutoFlushCommands(false);
        }
    }

    /** Counts a command written, and flushes when {@value #BATCH} are pending. */
    void written() {
        if (on && ++pending == BATCH) {
            flush();
        }
    }

    /** Flushes the pending commands, if any. */
    void flush() {
        if (on && pending > 0) {
            pending = 0;
            connection.flushCommands();
        }
    }
}
