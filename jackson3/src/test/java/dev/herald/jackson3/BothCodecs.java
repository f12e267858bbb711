package dev.herald.jackson3;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.herald.CodecFactory;
import dev.herald.PayloadCodec;
import dev.herald.PayloadType;
import dev.herald.internal.JacksonCodecFactory;

/** Herald's Jackson 2 codec and its Jackson 3 codec side by side, each as a {@link CodecFactory}. */
record BothCodecs(CodecFactory jackson2, CodecFactory jackson3) {

    /** Herald's defaults on both, strict. */
    static BothCodecs strict() {
        return new BothCodecs(new JacksonCodecFactory(null), new Jackson3CodecFactory());
    }

    /** Herald's defaults on both, lenient. */
    static BothCodecs lenient() {
        return new BothCodecs(new JacksonCodecFactory(null, true), new Jackson3CodecFactory(null, true));
    }

    static <T> T decode(CodecFactory factory, PayloadType<T> type, String json) throws Exception {
        return factory.codec(type).decode(json.getBytes(UTF_8));
    }

    static <T> String encode(CodecFactory factory, PayloadType<T> type, T value) throws Exception {
        PayloadCodec<T> codec = factory.codec(type);
        return new String(codec.encode(value), UTF_8);
    }
}
