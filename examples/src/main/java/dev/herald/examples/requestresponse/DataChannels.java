package dev.herald.examples.requestresponse;

import dev.herald.annotation.Channel;

/** A query channel and its replies, one reply channel per request. */
public interface DataChannels {

    /**
     * Asks the data service.
     *
     * @param query the request
     */
    @Channel("requests:data")
    void request(DataQuery query);

    /**
     * Answers one request.
     *
     * @param correlationId fills {@code {correlationId}}: the request's id
     * @param response the answer
     */
    @Channel("response:{correlationId}")
    void response(String correlationId, DataResponse response);
}
