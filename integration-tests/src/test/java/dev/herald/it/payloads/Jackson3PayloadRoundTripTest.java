package dev.herald.it.payloads;

import dev.herald.Herald;
import dev.herald.it.Jackson3Codecs;
import org.junit.jupiter.api.AfterEach;

/** Every payload shape the processor accepts round-trips through the Jackson 3 codec too. */
class Jackson3PayloadRoundTripTest extends PayloadRoundTripTest {

    private Jackson3Codecs codecs;

    @Override
    Herald newHerald() {
        codecs = new Jackson3Codecs(); // called while the superclass is made: no field initializer here
        return Herald.builder().codecFactory(codecs).build();
    }

    @AfterEach
    void usedJackson3() {
        codecs.assertUsedFor(PayloadChannels.class.getMethods().length);
    }
}
