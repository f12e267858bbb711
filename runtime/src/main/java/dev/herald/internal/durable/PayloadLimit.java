package dev.herald.internal.durable;

import dev.herald.HeraldException;

/** The {@code maxPayloadBytes} check on receipt, the same for pub/sub messages and durable entries. */
public final class PayloadLimit {

    private PayloadLimit() {
    }

    /**
     * @param length a received payload's size in bytes
     * @param maxPayloadBytes the limit
     * @return why the payload is not parsed, or null when it is within the limit
     */
    public static HeraldException exceeded(int length, int maxPayloadBytes) {
        return length <= maxPayloadBytes ? null : new HeraldException("payload of " + length
                + " bytes is larger than maxPayloadBytes (" + maxPayloadBytes + "); not parsed");
    }
}
