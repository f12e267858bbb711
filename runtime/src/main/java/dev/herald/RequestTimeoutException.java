package dev.herald;

import java.time.Duration;

/** No reply came within the request's timeout; a reply that comes later is dropped and counted. */
public class RequestTimeoutException extends HeraldException {
    private static final long serialVersionUID = 1L;

    /** The full request channel name. */
    private final String channel;
    /** The timeout that passed. */
    private final Duration timeout;

    /**
     * @param channel the full request channel name
     * @param timeout the timeout that passed
     */
    public RequestTimeoutException(String channel, Duration timeout) {
        super("no reply on " + channel + " within " + timeout.toMillis() + " ms");
        this.channel = channel;
        this.timeout = timeout;
    }

    /** @return the full request channel name */
    public String channel() {
        return channel;
    }

    /** @return the timeout that passed */
    public Duration timeout() {
        return timeout;
    }
}
