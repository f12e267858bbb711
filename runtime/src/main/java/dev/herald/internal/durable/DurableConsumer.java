package dev.herald.internal.durable;

import dev.herald.PayloadCodec;
import dev.herald.RetryPolicy;
import dev.herald.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One durable subscription: a consumer of a group on one stream, or on every stream of a template. It puts the parts
 * together (reading, claiming, handling, finding streams, leaving) and owns its start and its end.
 */
final class DurableConsumer<T> implements Subscription {

    private static final Logger LOG = LoggerFactory.getLogger(DurableConsumer.class);
    private static final Duration MIN_PERIOD = Duration.ofMillis(10);
    private static final Duration MAX_CLAIM_PERIOD = Duration.ofSeconds(5);

    private final ConsumerContext ctx;
    private final Window window;
    private final GroupJoiner joiner;
    private final ReadLoop readLoop;
    private final EntryHandling<T> handling;
    private final StreamDiscovery discovery;
    private final ConsumerExit exit;
    private final Consumer<DurableConsumer<?>> onClosed;
    private final List<Future<?>> timers = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    DurableConsumer(ConsumerContext ctx, PayloadCodec<T> codec, DurableSink<T> sink, RetryPolicy retryPolicy,
            Consumer<DurableConsumer<?>> onClosed) {
        this.ctx = ctx;
        this.onClosed = onClosed;
        ReadLoop[] loop = new ReadLoop[1];
        this.window = new Window(ctx.config().readCount(), () -> loop[0].poke());
        this.joiner = new GroupJoiner(ctx);
        this.handling = new EntryHandling<>(ctx, window, ctx.runtime().lanes().apply(ctx.target().name()),
                codec, sink, retryPolicy, this);
        this.readLoop = new ReadLoop(ctx, window, joiner, handling, new Claimer(ctx, window, handling));
        loop[0] = readLoop;
        this.discovery = ctx.target().pattern() != null ? new StreamDiscovery(ctx, joiner, readLoop::poke) : null;
        this.exit = new ConsumerExit(ctx, window);
    }

    /** @return a stage that completes once the group exists on the streams known now, and reading started */
    CompletionStage<Void> start() {
        CompletionStage<Void> ready = discovery != null ? discovery.scan() : joiner.join(ctx.streams().all());
        return ready.thenRun(() -> {
            readLoop.claimDue(); // entries left pending under this name before are taken first
            Duration claimPeriod = clamp(ctx.config().claimIdle().dividedBy(2), MAX_CLAIM_PERIOD);
            timers.add(every(claimPeriod, readLoop::claimDue));
            if (ctx.target().probe().active()) { // the group's gauges: what Redis says, as often as a claim is due
                reportGroup();
                timers.add(every(claimPeriod, this::reportGroup));
            }
            if (discovery != null) {
                timers.add(every(clamp(ctx.config().discoveryInterval(), ctx.config().discoveryInterval()), discovery::rescan));
            }
            if (ctx.closed()) {
                timers.forEach(timer -> timer.cancel(false));
            }
        });
    }

    /** Asks the log about the group on each stream, for the channel's pending and lag gauges. */
    private void reportGroup() {
        for (String stream : ctx.streams().all()) {
            try {
                ctx.then(ctx.log().group(stream, ctx.group()), (state, failure) -> {
                    if (failure == null) {
                        ctx.target().probe().groupState(ctx.group(), stream, state.pending(), state.lag());
                    } else {
                        LOG.debug("Herald: {}: could not read the group's state on {}: {}", ctx.describe(), stream,
                                failure.toString());
                    }
                });
            } catch (RuntimeException e) {
                LOG.debug("Herald: {}: could not read the group's state on {}: {}", ctx.describe(), stream, e.toString());
            }
        }
    }

    private static Duration clamp(Duration period, Duration max) {
        Duration atMost = period.compareTo(max) > 0 ? max : period;
        return atMost.compareTo(MIN_PERIOD) < 0 ? MIN_PERIOD : atMost;
    }

    private Future<?> every(Duration period, Runnable task) {
        return ctx.timer().scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("Herald: {}: a periodic task failed: {}", ctx.describe(), e.toString());
            }
        }, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public String channel() {
        return ctx.target().name();
    }

    @Override
    public boolean isActive() {
        return !ctx.closed();
    }

    @Override
    public long dropped() {
        return 0; // nothing is dropped: what is not acknowledged stays pending
    }

    /** @return the entries read or claimed and not yet acknowledged (not the room a read under way reserved) */
    @Override
    public int buffered() {
        return handling.heldCount();
    }

    @Override
    public CompletionStage<Void> unsubscribe() {
        if (ctx.closing().compareAndSet(false, true)) {
            timers.forEach(timer -> timer.cancel(false));
            exit.leave().whenComplete((ok, failure) -> {
                onClosed.accept(this);
                closed.complete(null);
            });
        }
        return closed;
    }

    /**
     * Unsubscribes and waits until the handler running finished and the consumer left its group, up to the command
     * timeout; from its own handler it does not wait.
     */
    @Override
    public void close() {
        CompletionStage<Void> done = unsubscribe();
        if (!EntryHandling.handlingFor(this)) {
            try {
                Stages.await(done, ctx.config().commandTimeout(), "closing " + ctx.describe());
            } catch (RuntimeException e) {
                LOG.warn("Herald: {}", e.getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return "Subscription[" + ctx.describe() + (ctx.closed() ? ", ended" : "") + "]";
    }
}
