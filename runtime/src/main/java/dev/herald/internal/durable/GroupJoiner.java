package dev.herald.internal.durable;

import dev.herald.HeraldError;
import dev.herald.HeraldException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the consumer's group exists on its streams: when it subscribes, and again when the log says the stream
 * or the group is gone (deleted, or Redis restarted without persistence), which it reports once, never stopping.
 */
final class GroupJoiner {

    private static final Logger LOG = LoggerFactory.getLogger(GroupJoiner.class);

    private final ConsumerContext ctx;
    private final Trouble lost = new Trouble();

    GroupJoiner(ConsumerContext ctx) {
        this.ctx = ctx;
    }

    /** @return a stage that completes once the group exists on every one of the streams */
    CompletionStage<Void> join(List<String> streams) {
        CompletableFuture<?>[] created = streams.stream()
                .map(stream -> ctx.log().createGroup(stream, ctx.group()).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(created);
    }

    /**
     * Creates the group again on every stream, after the log failed a read with {@code NOGROUP}; reports it once.
     *
     * @param failure what the log said
     * @param then runs once the groups exist again, or creating them failed; told whether to read again at once
     *     (true), or after a backoff: creating failed, or the group was missing again before any read succeeded
     */
    void recover(Throwable failure, Consumer<Boolean> then) {
        boolean first = lost.started();
        if (first) {
            ctx.runtime().failures().accept(new HeraldError(HeraldError.Kind.INTERNAL, ctx.target().name(), null,
                    new HeraldException(ctx.describe() + ": the stream or its consumer group was missing (" + failure.getMessage()
                            + "), as after the stream was deleted or Redis restarted without persistence; the group is"
                            + " created again and consumption goes on with what the stream holds now", failure)));
        }
        ctx.then(join(ctx.streams().all()), (ok, e) -> {
            if (e != null) {
                LOG.warn("Herald: {}: could not create the consumer group again: {}", ctx.describe(), Stages.unwrap(e).toString());
            }
            then.accept(first && e == null);
        });
    }

    /** Called after each successful read: a group that was lost is back. */
    void confirmed() {
        if (lost.ended()) {
            LOG.info("Herald: {}: consumer group created again, consuming", ctx.describe());
        }
    }
}
