package dev.herald.internal;

import dev.herald.CodecFactory;
import dev.herald.PayloadCodec;
import dev.herald.PayloadType;
import java.lang.reflect.Type;
import java.util.concurrent.ConcurrentHashMap;

/** One codec per payload type, made by the configured {@link CodecFactory} the first time it is needed. */
final class Codecs {

    private final CodecFactory factory;
    private final ConcurrentHashMap<Type, PayloadCodec<?>> made = new ConcurrentHashMap<>();

    Codecs(CodecFactory factory) {
        this.factory = factory;
    }

    @SuppressWarnings("unchecked") // the map is keyed by the type each codec was made for
    <T> PayloadCodec<T> of(PayloadType<T> type) {
        return (PayloadCodec<T>) made.computeIfAbsent(type.type(), t -> factory.codec(type));
    }

    /** The codec of a value's own class, for the untyped {@code publish}. */
    @SuppressWarnings("unchecked") // the codec is made for payload's own class
    PayloadCodec<Object> ofValue(Object payload) {
        return (PayloadCodec<Object>) of(PayloadType.of(payload.getClass()));
    }
}
