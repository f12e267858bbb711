package dev.herald.it;

import dev.herald.HeraldBuilder;
import org.junit.jupiter.api.AfterAll;

/** Template channels in memory with the Jackson 3 codec, foreign JSON included. */
class Jackson3TemplatesTest extends InMemoryTemplatesTest {

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
