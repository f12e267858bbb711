package dev.herald.internal.durable;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the streams of a template's every value: when it subscribes, then periodically; joins the group on each new
 * one and has the read loop read it too.
 */
final class StreamDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(StreamDiscovery.class);

    private final ConsumerContext ctx;
    private final GroupJoiner joiner;
    private final Runnable found;
    private final String glob;
    private final Trouble failing = new Trouble();

    /**
     * @param found runs when new streams are read
     */
    StreamDiscovery(ConsumerContext ctx, GroupJoiner joiner, Runnable found) {
        this.ctx = ctx;
        this.joiner = joiner;
        this.found = found;
        this.glob = StreamNames.glob(ctx.target().pattern());
    }

    /** @return a stage that completes once the streams found so far are read */
    CompletionStage<Void> scan() {
        if (ctx.closed()) {
            return CompletableFuture.completedFuture(null);
        }
        return ctx.log().streams(glob).thenCompose(names -> {
            List<String> fresh = names.stream().filter(name -> !ctx.streams().contains(name)).toList();
            return fresh.isEmpty() ? CompletableFuture.completedFuture(null)
                    : joiner.join(fresh).thenRun(() -> {
                        fresh.forEach(ctx.streams()::add);
                        LOG.debug("Herald: {}: reading new streams {}", ctx.describe(), fresh);
                        found.run();
                    });
        });
    }

    /** A periodic scan: failures are logged once and the next scan tries again. */
    void rescan() {
        ctx.then(scan(), (ok, failure) -> {
            if (failure != null) {
                if (failing.started()) {
                    LOG.warn("Herald: {}: looking for new streams failed (retried): {}", ctx.describe(),
                            Stages.unwrap(failure).toString());
                }
            } else if (failing.ended()) {
                LOG.info("Herald: {}: looking for new streams again", ctx.describe());
            }
        });
    }
}
