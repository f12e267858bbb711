package dev.herald.internal.durable;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a consumer in order: its reader closes (a read under way fails), the handler running finishes and is
 * acknowledged while the entries queued behind it are left pending, and then, on each stream where it has nothing
 * pending any more, the consumer leaves its group. A consumer with entries pending stays, so they can be claimed.
 */
final class ConsumerExit {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerExit.class);

    private final ConsumerContext ctx;
    private final Window window;

    ConsumerExit(ConsumerContext ctx, Window window) {
        this.ctx = ctx;
        this.window = window;
    }

    /** @return a stage that completes once the consumer is gone; it never fails */
    CompletionStage<Void> leave() {
        try {
            ctx.reader().close();
        } catch (RuntimeException e) {
            LOG.debug("Herald: {}: closing the reader failed: {}", ctx.describe(), e.toString());
        }
        return window.emptied().thenComposeAsync(none -> {
            CompletableFuture<?>[] left = ctx.streams().all().stream()
                    .map(stream -> leave(stream).toCompletableFuture())
                    .toArray(CompletableFuture[]::new);
            return CompletableFuture.allOf(left);
        }, ctx.runtime().callbacks());
    }

    private CompletionStage<Void> leave(String stream) {
        try {
            return ctx.log().group(stream, ctx.group()).thenCompose(state -> {
                Long pending = state.consumers().get(ctx.consumer());
                if (pending == null || pending > 0) {
                    if (pending != null) {
                        LOG.debug("Herald: {}: stays in the group with {} entries pending on {}", ctx.describe(), pending,
                                stream);
                    }
                    return CompletableFuture.completedFuture(null);
                }
                return ctx.log().removeConsumer(stream, ctx.group(), ctx.consumer()).thenApply(had -> (Void) null);
            }).exceptionally(failure -> {
                LOG.debug("Herald: {}: could not leave the group on {}: {}", ctx.describe(), stream,
                        Stages.unwrap(failure).toString());
                return null;
            });
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(null);
        }
    }
}
