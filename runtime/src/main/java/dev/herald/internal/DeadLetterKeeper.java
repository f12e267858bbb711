package dev.herald.internal;

import dev.herald.DeadLetter;
import dev.herald.DeadLetters;
import dev.herald.HeraldException;
import dev.herald.HeraldSettings;
import dev.herald.spi.DeadLetterStore;
import dev.herald.spi.Transport;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead letters: keeps the messages subscriptions could not take in the transport's store, under their
 * declared name, within the configured bounds, and is the application's {@link DeadLetters} view to read,
 * replay and delete them.
 */
final class DeadLetterKeeper implements DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterKeeper.class);
    /** The longest error text a dead letter keeps, so that its fields stay small whatever a handler throws. */
    private static final int MAX_ERROR_CHARS = 1_000;

    private final Transport transport;
    private final boolean enabled;
    private final int maxPayloadBytes;
    private final DeadLetterStore.Bounds bounds;
    /** Checks and prefixes a declared name the application gives: a channel, a template or a pattern. */
    private final UnaryOperator<String> declaredName;

    DeadLetterKeeper(Transport transport, HeraldSettings settings, UnaryOperator<String> declaredName) {
        this.transport = transport;
        this.enabled = settings.deadLetters();
        this.maxPayloadBytes = settings.deadLetterMaxPayloadBytes();
        this.bounds = new DeadLetterStore.Bounds(settings.deadLetterLimit(), settings.deadLetterRetention());
        this.declaredName = declaredName;
    }

    /**
     * Keeps a message a subscription could not take, unless dead letters are switched off; never throws.
     *
     * @param name the subscription's declared name (channel, template or pattern), prefix included
     * @param subscription which subscription failed: its channel, or {@code pattern } and its pattern
     * @param channel the concrete channel the message arrived on
     * @param probe counts it once the store kept it
     */
    void keep(String name, String subscription, String channel, byte[] payload, Throwable failure, int attempts,
            ChannelProbe probe) {
        if (!enabled) {
            return;
        }
        try {
            String error = failure.getClass().getName() + ": " + failure.getMessage();
            if (error.length() > MAX_ERROR_CHARS) {
                error = error.substring(0, MAX_ERROR_CHARS) + "...";
            }
            DeadLetter letter = DeadLetter.of(channel, subscription, payload, maxPayloadBytes, error, attempts, Instant.now());
            transport.deadLetters().append(name, stored(letter), bounds).whenComplete((ok, e) -> {
                if (e != null) {
                    LOG.warn("Herald: could not keep a dead letter of '{}': {}", name, Waits.unwrap(e).toString());
                } else if (probe.active()) {
                    probe.deadLettered();
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Herald: could not keep a dead letter of '{}': {}", name, e.toString());
        }
    }

    @Override
    public CompletionStage<List<DeadLetter>> read(String name, int max) {
        return readStored(declaredName.apply(name), max);
    }

    private CompletionStage<List<DeadLetter>> readStored(String stream, int max) {
        return transport.deadLetters().read(stream, max)
                .thenApply(letters -> letters.stream().map(DeadLetterKeeper::shown).toList());
    }

    private static DeadLetterStore.Letter stored(DeadLetter l) {
        return new DeadLetterStore.Letter(l.id(), l.channel(), l.payload(), l.error(), l.attempts(), l.time(),
                l.subscription(), l.size(), l.sha256());
    }

    private static DeadLetter shown(DeadLetterStore.Letter l) {
        return new DeadLetter(l.id(), l.channel(), l.payload(), l.error(), l.attempts(), l.time(), l.subscription(),
                l.size(), l.sha256());
    }

    @Override
    public CompletionStage<Long> replay(String name, int max) {
        String stream = declaredName.apply(name);
        return readStored(stream, max).thenCompose(letters -> {
            List<DeadLetter> truncated = letters.stream().filter(DeadLetter::truncated).toList();
            if (!truncated.isEmpty()) {
                return CompletableFuture.failedFuture(new HeraldException("cannot replay the dead letters of '" + name
                        + "': " + truncated.size() + " of them kept only part of their payload (deadLetterMaxPayloadBytes "
                        + maxPayloadBytes + "): " + truncated.stream()
                                .map(l -> l.id() + " (" + l.payload().length + " of " + l.size() + " bytes, sha256 "
                                        + l.sha256() + ")").toList()
                        + "; nothing was published. Read them, then delete them to replay the others"));
            }
            CompletableFuture<Long> replayed = CompletableFuture.completedFuture(0L);
            for (DeadLetter letter : letters) {
                // one after the other, so each channel sees them in their original order
                replayed = replayed.thenCompose(count -> transport.publish(letter.channel(), letter.payload())
                        .thenCompose(receivers -> transport.deadLetters().delete(stream, List.of(letter.id())))
                        .thenApply(deleted -> count + 1));
            }
            return replayed;
        });
    }

    @Override
    public CompletionStage<Long> delete(String name, List<DeadLetter> letters) {
        return transport.deadLetters().delete(declaredName.apply(name), letters.stream().map(DeadLetter::id).toList());
    }
}
