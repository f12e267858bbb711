package dev.herald.internal.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The subscribes and unsubscribes a {@link BackgroundRedisTransport} is asked for before its first connection,
 * in order, to be sent on that connection. Guarded by the background transport's lock.
 */
final class RecordedSubscriptions {

    /** A subscribe or unsubscribe made before the first connection; {@code done} is null for an unsubscribe. */
    private record Recorded(Function<RedisTransport, CompletionStage<Void>> command, CompletableFuture<Void> done) {

        void sendOn(RedisTransport transport) {
            CompletionStage<Void> ack = command.apply(transport);
            if (done != null) {
                ack.whenComplete((ok, failure) -> {
                    if (failure == null) {
                        done.complete(null);
                    } else {
                        done.completeExceptionally(failure);
                    }
                });
            }
        }
    }

    private final List<Recorded> recorded = new ArrayList<>();

    /**
     * Records a command to be sent on the first connection.
     *
     * @param command sends it on the connected transport
     * @param subscribe whether it subscribes (or unsubscribes)
     * @return for a subscribe, a stage that completes with the server's acknowledgement once it is sent; for an
     *     unsubscribe, a completed stage, since nothing is subscribed on the server yet
     */
    CompletionStage<Void> record(Function<RedisTransport, CompletionStage<Void>> command, boolean subscribe) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        recorded.add(new Recorded(command, subscribe ? done : null));
        if (!subscribe) {
            done.complete(null);
        }
        return done;
    }

    /** Sends every recorded command on the transport, in order, and forgets them. */
    void sendAll(RedisTransport transport) {
        for (Recorded command : recorded) {
            command.sendOn(transport);
        }
        recorded.clear();
    }

    /**
     * Forgets every recorded command.
     *
     * @return the stages of the recorded subscribes, still waiting, for the caller to fail outside the lock
     */
    List<CompletableFuture<Void>> clear() {
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        for (Recorded command : recorded) {
            if (command.done() != null) {
                waiting.add(command.done());
            }
        }
        recorded.clear();
        return waiting;
    }
}
