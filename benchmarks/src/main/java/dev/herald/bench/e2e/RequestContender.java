package dev.herald.bench.e2e;

import dev.herald.bench.model.Quote;
import dev.herald.bench.model.QuoteRequest;
import java.util.concurrent.CompletionStage;

/**
 * One request-reply library under test, connected to the benchmark's Redis: a requester and a responder in the
 * same JVM, over separate connections, as two services would be. The responder answers every request with
 * {@link dev.herald.bench.model.Quotes#quote}. Contenders stay connected for the whole run, each on its own
 * channels or keys, so that their measurements can be interleaved.
 */
interface RequestContender extends AutoCloseable {

    /** @return a short name, used in tables */
    String name();

    /** @return how the contender sends, serves and correlates, for the report */
    String description();

    /**
     * Sends one request the way a user of the library would; never waits for the reply. Any thread may call it,
     * including the thread that completed an earlier request's stage.
     *
     * @param request the request
     * @return a stage completed with the responder's reply, or failed
     */
    CompletionStage<Quote> request(QuoteRequest request);

    /** @return failures and dropped replies the library counted, empty when none */
    default String errors() {
        return "";
    }

    @Override
    void close();

    /** Connects a contender. */
    @FunctionalInterface
    interface Factory {
        /**
         * Connects the requester and the responder; returns once the responder serves.
         *
         * @param redisUri the server
         * @param prefix put before {@link dev.herald.bench.model.Quotes#CHANNEL} and any other name the contender uses
         * @return the connected contender
         */
        RequestContender open(String redisUri, String prefix);
    }
}
