package dev.herald.internal.durable;

import dev.herald.spi.DurableLog;
import dev.herald.spi.DurableLog.Entry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes over, now and then, the entries of the group that stayed pending longer than the claim idle time, such as
 * those of a consumer that crashed, within the room the window has; it goes through the pending list of each stream
 * in turns, continuing where the last claim stopped.
 *
 * <p>A round runs between two reads, when the timer says one is due and a claim cannot take back this consumer's own
 * entries: it holds none, or it has held them all for less than the claim idle time (less a margin for the time an
 * entry takes from the log to the consumer). So a busy consumer claims too, and a crashed consumer's entries are not
 * left behind a backlog; but a consumer that hangs, or holds entries longer than the claim idle time, does not keep
 * taking back its own (which would reset their idle time, so that nobody else ever took them, and count a delivery
 * each time); then the others take them. Keep the claim idle time longer than handling a read's worth of entries takes.
 */
final class Claimer {

    private static final Logger LOG = LoggerFactory.getLogger(Claimer.class);
    private static final String START = "0-0";
    /** The most the log's idle time of an entry may exceed how long this consumer has held it. */
    private static final Duration MAX_MARGIN = Duration.ofSeconds(1);

    private final ConsumerContext ctx;
    private final Window window;
    private final EntryHandling<?> handling;
    private final Map<String, String> cursors = new ConcurrentHashMap<>();
    private final Trouble failing = new Trouble();

    Claimer(ConsumerContext ctx, Window window, EntryHandling<?> handling) {
        this.ctx = ctx;
        this.window = window;
        this.handling = handling;
    }

    /** @return whether a claim now cannot take back an entry this consumer holds */
    boolean safe() {
        Duration claimIdle = ctx.config().claimIdle();
        Duration margin = claimIdle.dividedBy(10).compareTo(MAX_MARGIN) < 0 ? claimIdle.dividedBy(10) : MAX_MARGIN;
        return handling.oldestHeld().plus(margin).compareTo(claimIdle) < 0;
    }

    /**
     * One round over the streams.
     *
     * @param done runs when it is over
     */
    void round(Runnable done) {
        claim(ctx.streams().all(), 0, done);
    }

    private void claim(List<String> streams, int index, Runnable done) {
        int reserved = index < streams.size() && !ctx.closed() ? window.reserve(window.capacity()) : 0;
        if (reserved == 0) {
            done.run();
            return;
        }
        String stream = streams.get(index);
        try {
            ctx.then(ctx.log().claim(stream, ctx.group(), ctx.consumer(), ctx.config().claimIdle(),
                    cursors.getOrDefault(stream, START), reserved), (claimed, failure) -> {
                        if (failure != null) {
                            window.release(reserved);
                            failed(Stages.unwrap(failure));
                        } else {
                            claimed(stream, reserved, claimed);
                        }
                        claim(streams, index + 1, done);
                    });
        } catch (RuntimeException e) {
            window.release(reserved);
            failed(e);
            done.run();
        }
    }

    private void claimed(String stream, int reserved, DurableLog.Claimed claimed) {
        if (failing.ended()) {
            LOG.info("Herald: {}: claiming again", ctx.describe());
        }
        cursors.put(stream, claimed.next());
        // what this consumer holds already (a slow handler) is not handled twice; the claim only reset its idle time
        List<Entry> fresh = claimed.entries().stream().filter(entry -> !handling.holds(entry)).toList();
        window.release(reserved - fresh.size());
        if (!fresh.isEmpty()) {
            LOG.debug("Herald: {}: claimed {} entries of {}", ctx.describe(), fresh.size(), stream);
            ctx.target().probe().claimed(fresh.size());
            handling.accept(fresh);
        }
    }

    private void failed(Throwable cause) {
        if (cause instanceof DurableLog.NoGroupException) {
            return; // the read loop creates the group again and reports it
        }
        if (failing.started()) {
            LOG.warn("Herald: {}: claiming idle entries failed (retried at the next round): {}", ctx.describe(),
                    cause.toString());
        }
    }
}
