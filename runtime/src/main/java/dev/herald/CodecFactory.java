package dev.herald;

/**
 * Makes the {@link PayloadCodec} of a payload type. The default is Jackson: plain JSON in UTF-8,
 * {@code java.time} values as ISO-8601 strings, unknown properties ignored on read.
 */
@FunctionalInterface
public interface CodecFactory {

    /**
     * Makes the codec of one payload type. Called once per type and Herald instance.
     *
     * @param type the payload type
     * @param <T> the payload type
     * @return its codec
     * @throws IllegalArgumentException when the type cannot be encoded
     */
    <T> PayloadCodec<T> codec(PayloadType<T> type);
}
