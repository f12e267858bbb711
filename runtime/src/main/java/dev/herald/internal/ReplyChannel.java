package dev.herald.internal;

import dev.herald.OverflowPolicy;
import dev.herald.PayloadCodec;
import dev.herald.Subscription;
import dev.herald.SubscriptionOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The one channel a Herald's replies come back on, {@code <prefix>herald:reply:<instance id>}, subscribed through
 * the ordinary subscription machinery (so it is resubscribed after a reconnect and counted in health) the first
 * time a request needs it, and acknowledged before that request is published. Concurrent first requests share the
 * SUBSCRIBE and are published in the order they came; when it fails, the requests that waited for it fail and the
 * next request tries again, as it does when the subscription ended.
 */
final class ReplyChannel {

    /**
     * Replies are buffered generously: each answers a request that is waiting, and one dropped is a request that
     * times out. Still bounded, since anyone can publish to the channel.
     */
    private static final int MIN_BUFFER = 100_000;

    private final String name;
    private final Subscriber subscriber;
    private final PendingRequests pending;
    private final SubscriptionOptions options;
    private final PayloadCodec<RequestEnvelopes.Envelope> codec = new ReplyCodec();
    private volatile Attempt attempt;

    /**
     * @param names makes the channel's full name
     * @param defaultBuffer the Herald's default buffer capacity; the reply channel's is at least {@value #MIN_BUFFER}
     */
    ReplyChannel(ChannelNames names, Subscriber subscriber, PendingRequests pending, int defaultBuffer) {
        this.name = names.fullName("herald:reply:" + UUID.randomUUID().toString().replace("-", ""));
        this.subscriber = subscriber;
        this.pending = pending;
        this.options = SubscriptionOptions.builder().bufferCapacity(Math.max(defaultBuffer, MIN_BUFFER))
                .overflowPolicy(OverflowPolicy.DROP_NEWEST).build();
    }

    /** @return the full channel name, prefix included: what requests carry as {@code replyTo} */
    String name() {
        return name;
    }

    /**
     * Publishes a request once the reply channel is subscribed, or fails it when the SUBSCRIBE failed. Requests
     * that wait for the SUBSCRIBE are published in the order they came, and before any later one.
     *
     * @param publish publishes the request; it runs no application code, so it may run under a lock
     * @param fail fails the request with why the reply channel could not be subscribed
     */
    void whenSubscribed(Runnable publish, Consumer<Throwable> fail) {
        attempt().run(publish, fail);
    }

    private Attempt attempt() {
        Attempt current = attempt;
        if (current != null && current.usable()) {
            return current;
        }
        synchronized (this) {
            current = attempt;
            if (current == null || !current.usable()) {
                current = new Attempt(subscribe());
                attempt = current;
            }
            return current;
        }
    }

    private CompletableFuture<Subscription> subscribe() {
        Registry.Key key = new Registry.Key(name, false);
        try {
            // not measured as a channel: a reply is measured as its request's round trip
            return subscriber.subscribeAsync(key, name, ChannelProbe.NONE, codec, (channel, reply) -> pending.replied(reply),
                    this, options)
                    .toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** One SUBSCRIBE of the reply channel and the requests that wait for it, in the order they came. */
    private static final class Attempt {

        /** A request waiting for the SUBSCRIBE. */
        private record Waiter(Runnable publish, Consumer<Throwable> fail) {
        }

        private final CompletableFuture<Subscription> subscribed;
        private List<Waiter> waiting = new ArrayList<>();
        private Throwable failure;
        /** Set once every waiting request was published (or, the SUBSCRIBE having failed, taken to be failed). */
        private volatile boolean released;

        Attempt(CompletableFuture<Subscription> subscribed) {
            this.subscribed = subscribed;
            subscribed.whenComplete((subscription, failed) -> release(failed));
        }

        /** @return whether it is under way, or acknowledged and still active; a failed one is tried again */
        boolean usable() {
            return !released || failure == null && subscribed.join().isActive();
        }

        void run(Runnable publish, Consumer<Throwable> fail) {
            if (!released) {
                synchronized (this) {
                    if (!released) {
                        waiting.add(new Waiter(publish, fail));
                        return;
                    }
                }
            }
            if (failure == null) {
                publish.run();
            } else {
                fail.accept(failure);
            }
        }

        private void release(Throwable failed) {
            List<Waiter> toFail;
            synchronized (this) {
                failure = failed == null ? null : Waits.unwrap(failed);
                toFail = failure == null ? List.of() : waiting;
                if (failure == null) {
                    waiting.forEach(waiter -> waiter.publish().run()); // in order, before any later request
                }
                waiting = null;
                released = true;
            }
            toFail.forEach(waiter -> waiter.fail().accept(failure)); // outside the lock: it completes user stages
        }
    }

    @Override
    public String toString() {
        return "ReplyChannel[" + name + "]";
    }

    /** Reads reply envelopes; one without an id, or with neither payload nor error, is a decode failure. */
    private static final class ReplyCodec implements PayloadCodec<RequestEnvelopes.Envelope> {

        @Override
        public byte[] encode(RequestEnvelopes.Envelope payload) {
            throw new UnsupportedOperationException("replies are written by RequestEnvelopes");
        }

        @Override
        public RequestEnvelopes.Envelope decode(byte[] bytes) throws IOException {
            RequestEnvelopes.Envelope reply = RequestEnvelopes.read(bytes);
            if (reply.id() == null) {
                throw new IOException("not a reply: the envelope has no \"id\"");
            }
            if (!reply.isError() && reply.payloadStart() < 0) {
                throw new IOException("not a reply: the envelope has neither \"payload\" nor \"error\"");
            }
            return reply;
        }
    }
}
