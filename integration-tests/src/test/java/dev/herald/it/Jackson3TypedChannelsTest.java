package dev.herald.it;

import dev.herald.HeraldBuilder;
import org.junit.jupiter.api.AfterAll;

/** The generated code's contract in memory with the Jackson 3 codec: what the processor promises holds on both codecs. */
class Jackson3TypedChannelsTest extends InMemoryTypedChannelsTest {

    /** One for the class: not every test makes a codec. */
    private static final Jackson3Codecs CODECS = new Jackson3Codecs();

    @Override
    HeraldBuilder transport() {
        return super.transport().codecFactory(CODECS);
    }

    @AfterAll
    static void usedJackson3() {
        CODECS.assertUsedFor(2);
    }
}
