package dev.herald.internal;

import dev.herald.PayloadCodec;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One message offered to several subscriptions of its channel, and its decoded value once one of them decoded it
 * with a codec whose values can be shared ({@link Codecs#sharesDecoded}): the others take that value instead of
 * decoding their own copy. Subscriptions that drain at the same moment may each decode; a decode that fails is not
 * kept, so each subscription reports its own failure as before.
 */
final class SharedPayload {

    private static final VarHandle DECODED_BY;

    static {
        try {
            DECODED_BY = MethodHandles.lookup().findVarHandle(SharedPayload.class, "decodedBy", PayloadCodec.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final byte[] bytes;
    /** The codec of {@link #decoded}: set once, by the first subscription that decoded, before the value. */
    @SuppressWarnings("unused") // through DECODED_BY
    private volatile PayloadCodec<?> decodedBy;
    private volatile Object decoded;

    SharedPayload(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * @return the value decoded with {@code codec}, or null when none was kept yet
     */
    @SuppressWarnings("unchecked") // kept only together with the codec that decoded it
    <T> T decodedWith(PayloadCodec<T> codec) {
        return decodedBy == codec ? (T) decoded : null;
    }

    /** Keeps a value decoded with {@code codec}, unless another subscription kept one first. */
    <T> void keep(PayloadCodec<T> codec, T value) {
        if (DECODED_BY.compareAndSet(this, null, codec)) {
            decoded = value;
        }
    }
}
