package dev.herald.internal;

import java.util.Objects;

/**
 * The grammar of the names a user gives Herald, and the channel prefix put before them: a channel holds no
 * glob character, whitespace, control character, unpaired surrogate or U+FFFD and has no empty segment; a
 * pattern holds no whitespace, control character, unpaired surrogate or U+FFFD; a prefix follows the channel grammar and
 * holds no {@code \} either, so it means the same literally and inside every PSUBSCRIBE pattern.
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
     * Checks a channel prefix given to the builder.
     *
     * @param prefix the prefix; may be empty
     * @return the prefix
     * @throws IllegalArgumentException naming the character when it holds a glob character
     *     ({@code * ? [ ]}), a backslash, whitespace, a control character or an unpaired surrogate
     */
    public static String checkPrefix(String prefix) {
        Objects.requireNonNull(prefix, "channelPrefix");
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            String problem = null;
            if (c == '*' || c == '?' || c == '[' || c == ']') {
                problem = "the glob character '" + c + "'";
            } else if (c == '\\') {
                problem = "the glob escape character '\\'";
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                problem = String.format("whitespace (U+%04X)", (int) c);
            } else if (Character.isISOControl(c)) {
                problem = String.format("the control character U+%04X", (int) c);
            } else if (unpairedSurrogate(prefix, i)) {
                problem = String.format("the unpaired surrogate U+%04X", (int) c);
            }
            if (problem != null) {
                throw new IllegalArgumentException("channelPrefix \"" + printable(prefix) + "\" holds " + problem
                        + " at index " + i + "; a prefix goes into every PSUBSCRIBE pattern, where it would match other"
                        + " prefixes' channels");
            }
            if (Character.isHighSurrogate(c)) {
                i++; // its pair
            }
        }
        return prefix;
    }

    /**
     * Whether the char at {@code i} is a surrogate that is not half of a pair: such a string has no UTF-8
     * form, and two of them could encode to the same bytes.
     *
     * @param text the text
     * @param i an index into it
     * @return true for an unpaired surrogate
     */
    static boolean unpairedSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }

    /** @return the prefix, possibly empty */
    String prefix() {
        return prefix;
    }

    /** The full name of a channel given by the user: checked, then prefixed. */
    String fullName(String channel) {
        Objects.requireNonNull(channel, "channel");
        if (channel.isEmpty()) {
            throw new IllegalArgumentException("channel must not be empty");
        }
        for (int i = 0; i < channel.length(); i++) {
            char c = channel.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == ']') {
                throw new IllegalArgumentException("channel \"" + channel + "\" holds the glob character '" + c
                        + "'; subscribe to patterns with psubscribe()");
            }
            checkVisible(channel, i, "channel");
        }
        if (channel.startsWith(":") || channel.endsWith(":") || channel.contains("::")) {
            throw new IllegalArgumentException("channel \"" + channel + "\" has an empty segment");
        }
        return prefixed(channel);
    }

    /** The full pattern of a pattern given by the user: checked, then prefixed. */
    String fullPattern(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("pattern must not be empty");
        }
        for (int i = 0; i < pattern.length(); i++) {
            checkVisible(pattern, i, "pattern");
        }
        return prefixed(pattern);
    }

    private static void checkVisible(String name, int i, String what) {
        char c = name.charAt(i);
        if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
            throw new IllegalArgumentException(what + " \"" + printable(name) + "\" holds whitespace or a control character");
        }
        if (unpairedSurrogate(name, i)) {
            throw new IllegalArgumentException(what + " \"" + printable(name) + "\" holds the unpaired surrogate "
                    + String.format("U+%04X", (int) c) + ", which has no UTF-8 form");
        }
        if (c == '\uFFFD') {
            throw new IllegalArgumentException(what + " \"" + printable(name) + "\" holds the replacement character"
                    + " U+FFFD, which is what any channel name that is not valid UTF-8 reads as");
        }
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
