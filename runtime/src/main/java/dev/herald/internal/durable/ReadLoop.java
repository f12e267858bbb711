package dev.herald.internal.durable;

import dev.herald.HeraldError;
import dev.herald.HeraldException;
import dev.herald.spi.DurableLog;
import dev.herald.spi.DurableLog.Entry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads new entries, one read at a time, asking for no more than the window has room for, so the consumer never
 * holds more than its read count; it reads again once the window is half free (or empty), so that reads come in big
 * batches rather than one for each entry acknowledged. A read that fails because the group is gone has the group
 * created again; one that fails otherwise (the connection is down) is retried with backoff, reported once, and its
 * recovery is logged. After a failed read, what Redis may have delivered to it is pending for this consumer: the loop
 * then first reads this consumer's own pending entries, stream by stream until none is left, and new ones after.
 */
final class ReadLoop {

    private static final Logger LOG = LoggerFactory.getLogger(ReadLoop.class);
    private static final String START = "0-0";

    private final ConsumerContext ctx;
    private final Window window;
    private final GroupJoiner joiner;
    private final EntryHandling<?> handling;
    private final Claimer claimer;
    private volatile boolean claimDue;
    private final AtomicBoolean reading = new AtomicBoolean();
    private final Trouble failing = new Trouble();
    private final Backoff backoff = new Backoff();
    private int rotation;
    /** Whether this consumer's own pending entries are read before new ones: a read failed. */
    private volatile boolean pendingFirst;
    /** The stream whose pending entries are read, by index, and the id read after. */
    private int pendingStream;
    private String pendingAfter = START;

    ReadLoop(ConsumerContext ctx, Window window, GroupJoiner joiner, EntryHandling<?> handling, Claimer claimer) {
        this.ctx = ctx;
        this.window = window;
        this.joiner = joiner;
        this.handling = handling;
        this.claimer = claimer;
    }

    /** Has a claim round run between two reads, the next time the loop turns and a claim is safe. */
    void claimDue() {
        claimDue = true;
        poke();
    }

    /**
     * Starts a read, or a claim round when one is due, unless one is under way, the window is less than half free,
     * there is nothing to read or the consumer closes.
     */
    void poke() {
        while (!ctx.closed() && !ctx.streams().isEmpty() && reading.compareAndSet(false, true)) {
            if (claimDue && window.held() < window.capacity() && claimer.safe()) {
                claimDue = false;
                claimer.round(this::again);
                return;
            }
            int reserved = roomy() ? window.reserve(window.capacity()) : 0;
            if (reserved > 0) {
                if (pendingFirst) {
                    readPending(reserved);
                } else {
                    read(reserved);
                }
                return;
            }
            reading.set(false);
            if (!roomy()) {
                return; // the release that makes room pokes again
            }
        }
    }

    /** @return whether the window has room for a big read: it is empty, or at least half free */
    private boolean roomy() {
        int held = window.held();
        return held == 0 || (window.capacity() - held) * 2 >= window.capacity();
    }

    private void readPending(int reserved) {
        List<String> all = ctx.streams().all();
        if (pendingStream >= all.size()) { // all read: new entries again
            pendingFirst = false;
            pendingStream = 0;
            pendingAfter = START;
            read(reserved);
            return;
        }
        String stream = all.get(pendingStream);
        try {
            ctx.thenInline(ctx.reader().readPending(stream, pendingAfter, reserved), (entries, failure) -> pendingRead(reserved,
                    entries, failure));
        } catch (RuntimeException e) {
            pendingRead(reserved, null, e);
        }
    }

    private void pendingRead(int reserved, List<Entry> entries, Throwable failure) {
        if (failure != null) {
            failed(reserved, Stages.unwrap(failure));
            return;
        }
        // reading has recovered once a new read succeeds: until then a failure is still the same trouble
        if (entries.isEmpty()) {
            pendingStream++;
            pendingAfter = START;
        } else {
            pendingAfter = entries.get(entries.size() - 1).id();
        }
        // what this consumer holds already (read before the failure, not yet handled) is not handled twice
        List<Entry> fresh = entries.stream().filter(entry -> !handling.holds(entry)).toList();
        window.release(reserved - fresh.size());
        if (!fresh.isEmpty()) {
            LOG.debug("Herald: {}: read {} of its own pending entries again after a failed read", ctx.describe(),
                    fresh.size());
            handling.accept(fresh);
        }
        reading.set(false);
        poke();
    }

    private void succeeded() {
        backoff.reset();
        if (failing.ended()) {
            LOG.info("Herald: {}: reading again", ctx.describe());
        }
        joiner.confirmed();
    }

    private void read(int reserved) {
        List<String> all = ctx.streams().all();
        List<String> chosen;
        int count;
        if (reserved >= all.size()) {
            chosen = all;
            count = reserved / all.size();
        } else { // fewer places than streams: one entry from each of some streams, taking turns
            chosen = new ArrayList<>(reserved);
            for (int i = 0; i < reserved; i++) {
                chosen.add(all.get((rotation + i) % all.size()));
            }
            rotation = (rotation + reserved) % all.size();
            count = 1;
        }
        int asked = chosen.size() * count;
        window.release(reserved - asked);
        try {
            ctx.thenInline(ctx.reader().readNew(chosen, count, ctx.config().block()), (entries, failure) -> done(asked, entries,
                    failure));
        } catch (RuntimeException e) {
            done(asked, null, e);
        }
    }

    private void done(int asked, List<Entry> entries, Throwable failure) {
        if (failure != null) {
            failed(asked, Stages.unwrap(failure));
            return;
        }
        succeeded();
        window.release(asked - entries.size());
        if (!entries.isEmpty()) {
            handling.accept(entries);
        }
        reading.set(false);
        poke();
    }

    private void failed(int asked, Throwable cause) {
        window.release(asked);
        if (ctx.closed()) {
            reading.set(false);
            return;
        }
        if (!pendingFirst) { // Redis may have delivered entries to the read that failed: they are pending for us
            pendingFirst = true;
            pendingStream = 0;
            pendingAfter = START;
        }
        if (cause instanceof DurableLog.NoGroupException) {
            joiner.recover(cause, now -> {
                if (now) {
                    again();
                } else {
                    later(backoff.next());
                }
            });
            return;
        }
        Duration wait = backoff.next();
        if (failing.started()) {
            ctx.runtime().failures().accept(new HeraldError(HeraldError.Kind.INTERNAL, ctx.target().name(), null,
                    new HeraldException(ctx.describe() + ": reading failed (" + cause + "); retrying with backoff, and"
                            + " the recovery is logged", cause)));
        } else {
            LOG.debug("Herald: {}: reading failed again, retrying in {}: {}", ctx.describe(), wait, cause.toString());
        }
        later(wait);
    }

    private void later(Duration wait) {
        try {
            ctx.timer().schedule(this::again, wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            reading.set(false); // the timer is shut down: Herald is closing
        }
    }

    private void again() {
        reading.set(false);
        poke();
    }
}
