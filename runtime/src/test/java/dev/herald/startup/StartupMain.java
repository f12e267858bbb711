package dev.herald.startup;

import dev.herald.Herald;

/** Started in a JVM of its own by {@link StartupLineTest}, with the environment under test. */
public final class StartupMain {

    private StartupMain() {
    }

    /**
     * Starts a Herald from the environment and closes it.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        try (Herald herald = Herald.fromEnvironment()) {
            herald.ping().toCompletableFuture().join();
        }
    }
}
