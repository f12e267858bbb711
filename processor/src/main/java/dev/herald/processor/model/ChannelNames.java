package dev.herald.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The grammar of channel names: segments separated by {@code :}; a segment is either literal (letters,
 * digits and {@code - _ . @ / #}) or a whole {@code {placeholder}}.
 */
public final class ChannelNames {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

    private ChannelNames() {
    }

    /**
     * The result of reading a channel name.
     *
     * @param placeholders the placeholder names, in order
     * @param problem what is wrong, phrased to follow the channel name ("is empty"), or {@code null}
     */
    public record Parsed(List<String> placeholders, String problem) {
    }

    /**
     * Reads a channel name.
     *
     * @param name the name as declared
     * @return its placeholders, or the first problem
     */
    public static Parsed parse(String name) {
        if (name.isEmpty()) {
            return problem("is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return problem("contains whitespace at index " + i);
            }
            if (Character.isISOControl(c)) {
                return problem(String.format("contains the control character U+%04X at index %d", (int) c, i));
            }
            if (c == '*' || c == '?' || c == '[' || c == ']') {
                return problem("contains the glob character '" + c + "', which would make subscriptions match other channels");
            }
            if (!Character.isLetterOrDigit(c) && "-_.@/#:{}".indexOf(c) < 0) {
                return problem("contains the character '" + c + "' at index " + i);
            }
        }
        List<String> placeholders = new ArrayList<>();
        for (String segment : name.split(":", -1)) {
            if (segment.isEmpty()) {
                return problem("has an empty segment (\"a::b\", or a leading or trailing ':')");
            }
            if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0) {
                var matcher = PLACEHOLDER.matcher(segment);
                if (!matcher.matches()) {
                    return problem("has malformed braces in segment \"" + segment
                            + "\"; a placeholder is a whole segment such as {userId}");
                }
                if (placeholders.contains(matcher.group(1))) {
                    return problem("repeats the placeholder {" + matcher.group(1) + "}");
                }
                placeholders.add(matcher.group(1));
            }
        }
        return new Parsed(List.copyOf(placeholders), null);
    }

    /**
     * The channels a name covers, for comparing declarations: placeholders lose their names, so
     * {@code n:{a}} and {@code n:{b}} have the same shape.
     *
     * @param name a channel name
     * @return its shape
     */
    public static String shape(String name) {
        return PLACEHOLDER.matcher(name).replaceAll("{}");
    }

    private static Parsed problem(String problem) {
        return new Parsed(List.of(), problem);
    }
}
