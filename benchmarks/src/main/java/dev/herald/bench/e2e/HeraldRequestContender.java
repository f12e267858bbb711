package dev.herald.bench.e2e;

import dev.herald.Herald;
import dev.herald.HeraldBuilder;
import dev.herald.HeraldError;
import dev.herald.PayloadType;
import dev.herald.RequestChannel;
import dev.herald.RequestCounts;
import dev.herald.Subscription;
import dev.herald.bench.model.Quote;
import dev.herald.bench.model.QuoteRequest;
import dev.herald.bench.model.Quotes;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Herald's request-reply as a user writes it, with two Herald instances because requester and responder are
 * different services: the responding one serves {@code herald.requests(channel, QuoteRequest, Quote).respond(...)},
 * the requesting one sends with {@code request(...)} on the same channel. Both with the builder's defaults (the
 * 10-second request timeout among them) plus the contender's channel prefix; the error handler only counts.
 */
final class HeraldRequestContender implements RequestContender {

    private final Map<HeraldError.Kind, AtomicLong> errors = new EnumMap<>(HeraldError.Kind.class);
    private final Herald responding;
    private final Herald requesting;
    private final Subscription responder;
    private final RequestChannel<QuoteRequest, Quote> quotes;

    HeraldRequestContender(String redisUri, String prefix) {
        for (HeraldError.Kind kind : HeraldError.Kind.values()) {
            errors.put(kind, new AtomicLong());
        }
        this.responding = builder(redisUri, prefix).build();
        Herald requester = null;
        try {
            this.responder = channel(responding).respond(Quotes::quote);
            requester = builder(redisUri, prefix).build();
            this.quotes = channel(requester);
        } catch (RuntimeException e) {
            if (requester != null) {
                requester.close();
            }
            responding.close();
            throw e;
        }
        this.requesting = requester;
    }

    private HeraldBuilder builder(String redisUri, String prefix) {
        return Herald.builder()
                .redis(redisUri)
                .channelPrefix(prefix)
                .errorHandler(error -> errors.get(error.kind()).incrementAndGet());
    }

    private static RequestChannel<QuoteRequest, Quote> channel(Herald herald) {
        return herald.requests(Quotes.CHANNEL, PayloadType.of(QuoteRequest.class), PayloadType.of(Quote.class));
    }

    @Override
    public String name() {
        return "Herald";
    }

    @Override
    public String description() {
        return "Herald request-reply: two Herald instances (requester and responder), requests(channel, QuoteRequest, "
                + "Quote).request(...) and .respond(Quotes::quote), default settings (10 s request timeout)";
    }

    @Override
    public CompletionStage<Quote> request(QuoteRequest request) {
        return quotes.request(request);
    }

    @Override
    public String errors() {
        StringBuilder summary = new StringBuilder();
        errors.forEach((kind, count) -> {
            if (count.get() > 0) {
                summary.append(kind).append('=').append(count.get()).append(' ');
            }
        });
        RequestCounts counts = requesting.requestCounts();
        append(summary, "timedOut", counts.timedOut());
        append(summary, "noResponder", counts.noResponder());
        append(summary, "remoteFailures", counts.remoteFailures());
        append(summary, "lateReplies", counts.lateReplies());
        append(summary, "pending", counts.pending());
        append(summary, "responderDropped", responder.dropped());
        return summary.toString().strip();
    }

    private static void append(StringBuilder summary, String name, long count) {
        if (count > 0) {
            summary.append(name).append('=').append(count).append(' ');
        }
    }

    @Override
    public void close() {
        requesting.close();
        responding.close();
    }
}
