package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.CodecFactory;
import dev.herald.PayloadCodec;
import dev.herald.PayloadType;
import dev.herald.jackson3.Jackson3CodecFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Herald's Jackson 3 codec factory, noting each payload type it made a codec for, so a test can tell it was used. */
public final class Jackson3Codecs implements CodecFactory {

    private final CodecFactory jackson3 = new Jackson3CodecFactory();
    private final Set<PayloadType<?>> types = ConcurrentHashMap.newKeySet();

    @Override
    public <T> PayloadCodec<T> codec(PayloadType<T> type) {
        types.add(type);
        return jackson3.codec(type);
    }

    /**
     * Fails unless the Jackson 3 codec made at least {@code count} codecs.
     *
     * @param count how many payload types at least
     */
    public void assertUsedFor(int count) {
        assertTrue(types.size() >= count, () -> "the Jackson 3 codec made codecs for " + types);
    }
}
