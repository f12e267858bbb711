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
public final class ChannelNames {

    private final String prefix;

    /**
     * @param prefix a prefix already {@link #checkPrefix checked}; may be empty
     */
    ChannelNames(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Checks a channel prefix given to the builder: it holds what a channel name holds (letters, digits,
     * {@code - _ . @ / #} and {@code :}), and makes no empty segment, so it means the same literally and inside
     * every PSUBSCRIBE pattern.
     *
     * @param prefix the prefix; may be empty
     * @return the prefix
     * @throws IllegalArgumentException naming the character when it holds a glob character
     *     ({@code * ? [ ]}), a backslash, whitespace, a control character, a surrogate or any other character
     *     a channel name may not hold
     */
    public static String checkPrefix(String prefix) {
        Objects.requireNonNull(prefix, "channelPrefix");
        Violation violation = ChannelSyntax.checkPrefix(prefix);
        if (violation != null) {
            throw new IllegalArgumentException(RuntimeMessage.CHANNEL_PREFIX.format(printable(prefix),
                    violation.describe()));
        }
        return prefix;
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
            throw new IllegalArgumentException(message.format(printable(channel), violation.describe()));
        }
        return prefixed(channel);
    }

    /** The full pattern of a pattern given by the user: checked, then prefixed. */
    String fullPattern(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        Violation violation = GlobPatterns.check(pattern);
        if (violation != null) {
            throw new IllegalArgumentException(RuntimeMessage.CHANNEL_PATTERN.format(printable(pattern),
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

    private static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 64) + 8);
        for (int i = 0; i < text.length() && i < 64; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c)
                    : String.valueOf(c));
        }
        return out.toString();
    }
}
