package dev.herald.examples.requestresponse;

import dev.herald.annotation.Channel;
import java.util.concurrent.CompletionStage;

/** The seed's query channel, typed: the reply is the method's result. */
public interface DataChannels {

    /**
     * Asks the data service.
     *
     * @param query the request
     * @return a stage completed with the data service's answer
     */
    @Channel("requests:data")
    CompletionStage<DataResponse> requestData(DataQuery query);
}
