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
    /**
     * Whether the values each codec decodes can be shared by every subscription of a channel: false as soon as a
     * factory returned one codec for a type whose values cannot.
     */
    private final ConcurrentHashMap<PayloadCodec<?>, Boolean> shareable = new ConcurrentHashMap<>();

    Codecs(CodecFactory factory) {
        this.factory = factory;
    }

    @SuppressWarnings("unchecked") // the map is keyed by the type each codec was made for
    <T> PayloadCodec<T> of(PayloadType<T> type) {
        return (PayloadCodec<T>) made.computeIfAbsent(type.type(), t -> {
            PayloadCodec<T> codec = factory.codec(type);
            shareable.merge(codec, ImmutablePayloads.shareable(t), Boolean::logicalAnd);
            return codec;
        });
    }

    /**
     * @return whether what {@code codec} decodes is a record of immutable values, made here: one decoded value can
     *     then go to every subscription of a channel
     */
    boolean sharesDecoded(PayloadCodec<?> codec) {
        return shareable.getOrDefault(codec, false);
    }

    /** The codec of a value's own class, for the untyped {@code publish}. */
    @SuppressWarnings("unchecked") // the codec is made for payload's own class
    PayloadCodec<Object> ofValue(Object payload) {
        return (PayloadCodec<Object>) of(PayloadType.of(payload.getClass()));
    }
}
