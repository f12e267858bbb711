package dev.herald;

/**
 * The responder failed: it threw, its stage failed, or the request could not be decoded on its side.
 * Carries the remote error's type and message, never its stack or anything else of the responder's internals.
 */
public class RemoteHandlerException extends HeraldException {
    private static final long serialVersionUID = 1L;

    /** The full request channel name. */
    private final String channel;
    /** The remote error's type, as the responder reported it. */
    private final String remoteType;
    /** The remote error's message; may be {@code null}. */
    private final String remoteMessage;

    /**
     * @param channel the full request channel name
     * @param remoteType the remote error's type, as the responder reported it (a class name for Herald)
     * @param remoteMessage the remote error's message; may be {@code null}
     */
    public RemoteHandlerException(String channel, String remoteType, String remoteMessage) {
        super("responder on " + channel + " failed: " + remoteType + (remoteMessage == null ? "" : ": " + remoteMessage));
        this.channel = channel;
        this.remoteType = remoteType;
        this.remoteMessage = remoteMessage;
    }

    /** @return the full request channel name */
    public String channel() {
        return channel;
    }

    /** @return the remote error's type, as the responder reported it */
    public String remoteType() {
        return remoteType;
    }

    /** @return the remote error's message; may be {@code null} */
    public String remoteMessage() {
        return remoteMessage;
    }
}
