package dev.herald;

/**
 * What starts a {@link Herald} from a builder's {@link HeraldSettings}. {@code herald-runtime} provides
 * the one implementation, found through {@link java.util.ServiceLoader}, so that this package, the API,
 * does not depend on the implementation's classes. Applications do not implement or call it.
 */
public interface HeraldRuntime {

    /**
     * Starts a Herald: creates its transport unless one was given, connects, and starts dispatching.
     *
     * @param settings what the builder was told
     * @return a running Herald
     * @throws HeraldException when the transport cannot start
     */
    Herald start(HeraldSettings settings);
}
