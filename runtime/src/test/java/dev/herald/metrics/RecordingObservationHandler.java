package dev.herald.metrics;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the observations started and stopped, and plays a W3C propagator the way Micrometer Tracing's propagating
 * handlers do: a producer observation writes a {@code traceparent} of its own into its carrier through the context's
 * setter; a consumer observation reads the carrier's {@code traceparent} through the getter and keeps it under
 * {@link #RECEIVED}.
 */
final class RecordingObservationHandler implements ObservationHandler<Observation.Context> {

    /** Where a producer observation's written traceparent is kept in its context. */
    static final String SENT = "test.traceparent.sent";
    /** Where a consumer observation's read traceparent is kept in its context. */
    static final String RECEIVED = "test.traceparent.received";

    private static final AtomicLong SPANS = new AtomicLong();

    private final Queue<Observation.Context> started = new ConcurrentLinkedQueue<>();
    private final Queue<Observation.Context> stopped = new ConcurrentLinkedQueue<>();

    @Override
    public void onStart(Observation.Context context) {
        started.add(context);
        if (context instanceof SenderContext<?> sender) {
            String traceparent = String.format("00-%032x-%016x-01", SPANS.incrementAndGet(), SPANS.get());
            inject(sender, traceparent);
            context.put(SENT, traceparent);
        } else if (context instanceof ReceiverContext<?> receiver) {
            String traceparent = extract(receiver);
            if (traceparent != null) {
                context.put(RECEIVED, traceparent);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <C> void inject(SenderContext<C> sender, String traceparent) {
        sender.getSetter().set(sender.getCarrier(), "traceparent", traceparent);
    }

    private static <C> String extract(ReceiverContext<C> receiver) {
        return receiver.getGetter().get(receiver.getCarrier(), "traceparent");
    }

    @Override
    public void onStop(Observation.Context context) {
        stopped.add(context);
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return true;
    }

    /** @return the observations stopped so far with that name, oldest first */
    List<Observation.Context> stopped(String name) {
        return stopped.stream().filter(context -> name.equals(context.getName())).toList();
    }

    /** @return how many were started and not stopped */
    long open() {
        return started.size() - stopped.size();
    }
}
