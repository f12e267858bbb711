package dev.herald.internal;

import dev.herald.grammar.ChannelSyntax;
import dev.herald.grammar.GlobPatterns;
import dev.herald.grammar.Problem;
import dev.herald.grammar.RuntimeMessage;
import dev.herald.grammar.Violation;
import java.util.Objects;

/**
 * The names a user gives Herald, checked by the one channel grammar ({@code dev.herald.grammar}, which the
 * processor checks {@code @Channel} against too), and the channel prefix put before them.
 */
final class ChannelNames {

    private final String prefix;

    /**
     * @param prefix a prefix the builder checked already; may be empty
     */
    ChannelNames(String prefix) {
        this.prefix = prefix;
    }

    /** @return the prefix, possibly empty */
    String prefix() {
        return prefix;
    }

    /** The full name of a channel given by the user: checked, then prefixed. */
    String fullName(String channel) {
        Objects.requireNonNull(channel, "channel");
        Violation violation = ChannelSyntax.checkName(channel);
        if (violation != null) {
            RuntimeMessage message = violation.problem() == Problem.GLOB_CHARACTER ? RuntimeMessage.CHANNEL_NAME_GLOB
                    : RuntimeMessage.CHANNEL_NAME;
            throw new IllegalArgumentException(message.format(RuntimeMessage.printable(channel), violation.describe()));
        }
        return prefixed(channel);
    }

    /** The full pattern of a pattern given by the user: checked, then prefixed. */
    String fullPattern(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        Violation violation = GlobPatterns.check(pattern);
        if (violation != null) {
            throw new IllegalArgumentException(RuntimeMessage.CHANNEL_PATTERN.format(RuntimeMessage.printable(pattern),
                    violation.describe()));
        }
        return prefixed(pattern);
    }

    /** A checked name with the prefix put before it. */
    String prefixed(String name) {
        return prefix.isEmpty() ? name : prefix + name;
    }

    /** A received channel name without the prefix. */
    String withoutPrefix(String channel) {
        return !prefix.isEmpty() && channel.startsWith(prefix) ? channel.substring(prefix.length()) : channel;
    }

}
