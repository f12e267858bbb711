package dev.herald;

/**
 * Turns payloads into the bytes sent on a channel and back. Herald binds one codec per payload type,
 * once, when a channel is created; per message it only calls {@link #encode} or {@link #decode}.
 *
 * @param <T> the payload type
 */
public interface PayloadCodec<T> {

    /**
     * Encodes a payload.
     *
     * @param payload the payload; never {@code null}
     * @return its bytes on the wire
     * @throws Exception when the payload cannot be encoded
     */
    byte[] encode(T payload) throws Exception;

    /**
     * Decodes a received payload.
     *
     * @param bytes the bytes received on the channel
     * @return the payload; never {@code null}
     * @throws Exception when the bytes are not a valid payload of this type
     */
    T decode(byte[] bytes) throws Exception;
}
