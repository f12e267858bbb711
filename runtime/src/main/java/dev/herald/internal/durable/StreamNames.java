package dev.herald.internal.durable;

/** The one rule for naming a durable channel's stream: {@code herald:stream:} and the full channel name. */
final class StreamNames {

    static final String PREFIX = "herald:stream:";

    private StreamNames() {
    }

    /** @return the stream of a full channel name */
    static String of(String fullChannel) {
        return PREFIX + fullChannel;
    }

    /** @return the glob over the streams of the channels a glob over full channel names matches */
    static String glob(String fullPattern) {
        return PREFIX + fullPattern;
    }

    /** @return the full channel name of a stream */
    static String channel(String stream) {
        return stream.startsWith(PREFIX) ? stream.substring(PREFIX.length()) : stream;
    }
}
