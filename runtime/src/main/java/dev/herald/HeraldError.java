package dev.herald;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One failure reported to an {@link ErrorHandler}: which channel, what kind, the cause and, where
 * there is one, the raw payload.
 */
public final class HeraldError {

    /** What failed. */
    public enum Kind {
        /** A received payload could not be decoded into the subscription's type. */
        DECODE,
        /** A handler threw, or its asynchronous work failed. */
        HANDLER,
        /** A fire-and-forget publish failed. */
        PUBLISH,
        /** A subscription's buffer was full and messages were dropped. */
        OVERFLOW,
        /** Herald itself failed in a way not covered above (for example during shutdown). */
        INTERNAL,
        /**
         * Subscriptions waited for a handler thread: every thread was busy for longer than a second (the
         * report names the handlers that hold them and for how long), or a thread could not be started.
         * The waiting subscriptions keep their messages and run when a thread frees.
         */
        SATURATED
    }

    private static final int EXCERPT_LENGTH = 120;

    private final Kind kind;
    private final String channel;
    private final byte[] payload;
    private final Throwable cause;
    private final int attempts;

    /**
     * Creates an error report.
     *
     * @param kind what failed
     * @param channel the channel as sent to Redis (prefix included)
     * @param payload the raw payload, or {@code null} where there is none
     * @param cause the failure
     */
    public HeraldError(Kind kind, String channel, byte[] payload, Throwable cause) {
        this(kind, channel, payload, cause, kind == Kind.HANDLER ? 1 : 0);
    }

    /**
     * Creates an error report for a handler that was tried more than once.
     *
     * @param kind what failed
     * @param channel the channel as sent to Redis (prefix included)
     * @param payload the raw payload, or {@code null} where there is none
     * @param cause the last failure
     * @param attempts how many times the handler was tried
     */
    public HeraldError(Kind kind, String channel, byte[] payload, Throwable cause, int attempts) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.payload = payload;
        this.cause = Objects.requireNonNull(cause, "cause");
        this.attempts = attempts;
    }

    /** @return how many times the handler was tried (0 when it never ran) */
    public int attempts() {
        return attempts;
    }

    /** @return what failed */
    public Kind kind() {
        return kind;
    }

    /** @return the channel as sent to Redis, prefix included */
    public String channel() {
        return channel;
    }

    /** @return the failure */
    public Throwable cause() {
        return cause;
    }

    /** @return a copy of the raw payload, or {@code null} when the error concerns no payload */
    public byte[] payload() {
        return payload == null ? null : payload.clone();
    }

    /**
     * The start of the payload as text, for logs: about 120 characters, control characters escaped,
     * {@code "…(N bytes)"} appended when cut.
     *
     * @return the excerpt, or an empty string when there is no payload
     */
    public String payloadExcerpt() {
        if (payload == null) {
            return "";
        }
        int take = Math.min(payload.length, EXCERPT_LENGTH * 4);
        String text = new String(payload, 0, take, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(Math.min(text.length(), EXCERPT_LENGTH) + 24);
        int shown = 0;
        for (; shown < text.length() && out.length() < EXCERPT_LENGTH; shown++) {
            char c = text.charAt(shown);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (shown < text.length() || take < payload.length) {
            out.append("…(").append(payload.length).append(" bytes)");
        }
        return out.toString();
    }

    @Override
    public String toString() {
        String excerpt = payloadExcerpt();
        return kind + " on channel '" + channel + "'"
                + (payload == null ? "" : " (payload: " + (excerpt.isEmpty() ? "<empty>" : excerpt) + ")")
                + (attempts > 1 ? " after " + attempts + " attempts" : "")
                + ": " + cause;
    }
}
