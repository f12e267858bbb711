package dev.herald.bench.model;

import dev.herald.annotation.Channel;
import java.util.concurrent.CompletionStage;

/**
 * The publish-throughput channel, with a confirmed publish: the end-to-end publish-throughput run counts
 * Redis's acknowledgements through the stages the generated {@code ConfirmedOrderEventsPublisher}
 * returns. A separate channel, so that the contenders' own subscribers (on {@link OrderEvents}'s
 * channel) take no part in that run.
 */
public interface ConfirmedOrderEvents {

    /**
     * An order was placed; the stage completes when Redis accepted the PUBLISH.
     *
     * @param event the order
     * @return completes when Redis accepted the message
     */
    @Channel("bench:orders:confirmed")
    CompletionStage<Void> orderCreated(OrderCreated event);
}
