package dev.herald;

/**
 * Nobody was subscribed to the request channel when the request was published (Redis counted no
 * receivers), so the request failed at once instead of waiting for its timeout.
 */
public class NoResponderException extends HeraldException {
    private static final long serialVersionUID = 1L;

    /** The full request channel name. */
    private final String channel;

    /** @param channel the full request channel name */
    public NoResponderException(String channel) {
        super("no responder subscribed to " + channel);
        this.channel = channel;
    }

    /** @return the full request channel name */
    public String channel() {
        return channel;
    }
}
