package dev.herald.internal.durable;

import dev.herald.spi.DurableLog.Entry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledges an entry once it was handled or dead-lettered. An acknowledgement that fails leaves the entry pending,
 * so another consumer claims it later: at least once.
 */
final class Acknowledger {

    private static final Logger LOG = LoggerFactory.getLogger(Acknowledger.class);

    private final ConsumerContext ctx;
    private final Trouble failing = new Trouble();

    Acknowledger(ConsumerContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param entry the entry
     * @param then runs once the log answered, either way
     */
    void ack(Entry entry, Runnable then) {
        try {
            ctx.then(ctx.log().ack(entry.stream(), ctx.group(), List.of(entry.id())), (acked, failure) -> {
                if (failure != null) {
                    if (failing.started()) {
                        LOG.warn("Herald: {}: could not acknowledge entry {} (it stays pending and is delivered again): {}",
                                ctx.describe(), entry.id(), Stages.unwrap(failure).toString());
                    }
                } else if (failing.ended()) {
                    LOG.info("Herald: {}: acknowledging again", ctx.describe());
                }
                then.run();
            });
        } catch (RuntimeException e) {
            LOG.warn("Herald: {}: could not acknowledge entry {}: {}", ctx.describe(), entry.id(), e.toString());
            then.run();
        }
    }
}
