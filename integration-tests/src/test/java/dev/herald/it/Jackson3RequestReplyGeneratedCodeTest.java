package dev.herald.it;

import dev.herald.Herald;
import org.junit.jupiter.api.Test;

/** The generated request-reply code with the Jackson 3 codec: requests, replies and generic replies. */
class Jackson3RequestReplyGeneratedCodeTest extends RequestReplyGeneratedCodeTest {

    private Jackson3Codecs codecs;

    @Override
    Herald newHerald() {
        codecs = new Jackson3Codecs(); // called while the superclass is made: no field initializer here
        return Herald.builder().codecFactory(codecs).build();
    }

    @Test
    void theRequestsAndRepliesWentThroughJackson3() throws Exception {
        generatedPublisherGetsTheRepliesOfTheGeneratedSubscriberAndOfListen();
        codecs.assertUsedFor(3); // QuoteRequest, Quote, List<Quote>
    }
}
